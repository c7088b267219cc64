"""The order grid's Qt model: lazy keyset paging through the op runner, live row updates.

Rows arrive a page at a time when the view asks (``canFetchMore``/``fetchMore``); the page is
read *and formatted* on the database lane's worker thread, so the UI thread only appends ready
strings.

The paint path (PERF.md T4): every call from C++ into a Python override costs a few
microseconds, more than the answer itself, so a frame is counted in calls. Qt's styled delegate
asks for its seven roles of a cell in one ``multiData()`` call, which this model answers
directly (one call per cell instead of seven ``data()`` calls), and ``index()`` is answered
without Qt's own ``rowCount()``/``columnCount()`` round trip. With :meth:`set_status_chips` the
status column is painted as the chip picture (the decoration) by the default delegate: no
Python paint call per chip. ``data()`` answers everything else (tests, accessibility, the card).

Live updates (:meth:`OrderTableModel.refresh_rows`): the change feed names orders; the model
re-reads just those under its filter and updates them in place, removes the ones that left the
view and inserts the ones that entered it where the sort puts them (only inside the part already
loaded: later rows come with their page). Rows move by begin/end insert/remove, so the view's
selection and scroll position stay where the operator left them."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from sqlalchemy.orm import Session

from app.order_list import (
    MAX_REFRESH_IDS,
    CountEstimate,
    OrderFilter,
    OrderRow,
    OrderSort,
    count_estimate,
    fetch_page,
    fetch_rows,
    sort_key,
)
from models.orders import OrderSource
from ui.formatting import RowFormatter, operator_zone
from ui.ops import Op, OpError, OpRunner

# Roles as module constants: an enum attribute lookup per data() call costs more than the rest.
DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
DECORATION = Qt.ItemDataRole.DecorationRole
# the order's status code (the status chip delegate colours by it)
STATUS_CODE_ROLE = Qt.ItemDataRole.UserRole + 1
# the order's database id (for opening the card)
ORDER_ID_ROLE = Qt.ItemDataRole.UserRole + 2
# who holds the order's lease: LEASE_MINE, LEASE_OTHER or None
LEASE_ROLE = Qt.ItemDataRole.UserRole + 3
# the order's customer id (or None)
CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole + 4
LEASE_MINE = "mine"
LEASE_OTHER = "other"

_HANDLED_ROLES = frozenset(
    int(r)
    for r in (
        DISPLAY,
        TOOLTIP,
        ALIGNMENT,
        DECORATION,
        STATUS_CODE_ROLE,
        ORDER_ID_ROLE,
        LEASE_ROLE,
        CUSTOMER_ID_ROLE,
    )
)

# QStyledItemDelegate.initStyleOption()'s roles, in the order it passes them to multiData()
_STYLE_ROLES = (
    int(Qt.ItemDataRole.FontRole),
    int(ALIGNMENT),
    int(Qt.ItemDataRole.ForegroundRole),
    int(Qt.ItemDataRole.CheckStateRole),
    int(DECORATION),
    int(DISPLAY),
    int(Qt.ItemDataRole.BackgroundRole),
)
_STYLE_SPAN = len(_STYLE_ROLES)
_AT_ALIGNMENT = _STYLE_ROLES.index(int(ALIGNMENT))
_AT_DECORATION = _STYLE_ROLES.index(int(DECORATION))
_AT_DISPLAY = _STYLE_ROLES.index(int(DISPLAY))
_DISPLAY_INT = int(DISPLAY)
_ALIGNMENT_INT = int(ALIGNMENT)
_DECORATION_INT = int(DECORATION)

# (status label, status code) -> the chip as an icon (ui.widgets.status_chip.GridChips)
ChipRenderer = Callable[[str, str], QIcon]

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

FetchPage = Callable[..., list[OrderRow]]

_CTX = "OrderTableModel"
# (header, numeric?) per column, in display order; RowFormatter.format() yields cells in this
# order too.
COLUMNS: tuple[tuple[Any, bool], ...] = (  # Any: QT_TRANSLATE_NOOP is typed as object
    (QT_TRANSLATE_NOOP("OrderTableModel", "Number"), False),
    (QT_TRANSLATE_NOOP("OrderTableModel", "Created"), False),
    (QT_TRANSLATE_NOOP("OrderTableModel", "Customer"), False),
    (QT_TRANSLATE_NOOP("OrderTableModel", "Phone"), False),
    (QT_TRANSLATE_NOOP("OrderTableModel", "Total"), True),
    (QT_TRANSLATE_NOOP("OrderTableModel", "Status"), False),
    (QT_TRANSLATE_NOOP("OrderTableModel", "Source"), False),
    (QT_TRANSLATE_NOOP("OrderTableModel", "Store"), False),
    (QT_TRANSLATE_NOOP("OrderTableModel", "Operator"), False),
    (QT_TRANSLATE_NOOP("OrderTableModel", "Attempts"), True),
    (QT_TRANSLATE_NOOP("OrderTableModel", "Next attempt"), False),
)
COL_NUMBER, COL_CREATED, COL_CUSTOMER, COL_PHONE, COL_TOTAL, COL_STATUS = range(6)
COL_SOURCE, COL_STORE, COL_OPERATOR, COL_ATTEMPTS, COL_NEXT_ATTEMPT = range(6, 11)
_FULL_TEXT_TOOLTIP = frozenset({COL_CUSTOMER, COL_STORE, COL_OPERATOR})
# as plain ints: an enum flag handed back to Qt is converted through Python's enum machinery
_ALIGN = tuple(int((_RIGHT if numeric else _LEFT).value) for _, numeric in COLUMNS)
_COLUMN_COUNT = len(COLUMNS)

_SOURCE_CTX = "OrderSource"
SOURCE_LABELS: dict[str, Any] = {
    OrderSource.SITE.value: QT_TRANSLATE_NOOP("OrderSource", "Web shop"),
    OrderSource.MOBILE_APP.value: QT_TRANSLATE_NOOP("OrderSource", "Mobile app"),
    OrderSource.STORE.value: QT_TRANSLATE_NOOP("OrderSource", "Store"),
    OrderSource.ONE_CLICK.value: QT_TRANSLATE_NOOP("OrderSource", "One click"),
    OrderSource.PHONE.value: QT_TRANSLATE_NOOP("OrderSource", "Phone call"),
    OrderSource.ERP.value: QT_TRANSLATE_NOOP("OrderSource", "ERP"),
}

# A loaded row as the model keeps it: OrderRow's fields as a plain tuple of atomic values (the
# source as its code). CPython's cyclic collector stops tracking such tuples after their first
# young collection, so rows loaded by deep scrolling are never walked again by a full collection;
# OrderRow objects would be, all of them, each time (a 30-70 ms collection on a worker thread
# holds the GIL and the UI thread waits: T13). row_at() rebuilds the OrderRow.
Packed = tuple[Any, ...]
_ID, _STATUS, _SOURCE, _CUSTOMER, _LEASE = 0, 6, 9, 15, 16
# (packed row, sort key, display cells, tooltip), all made on the worker
PageRow = tuple[Packed, tuple[int, ...], tuple[str, ...], str | None]
Page = tuple[PageRow, ...]


def _pack(row: OrderRow) -> Packed:
    return (
        row.id,
        row.number,
        row.created_at,
        row.customer_name,
        row.phone,
        row.total,
        row.status_code,
        row.status_name,
        row.status_name_ru,
        row.source.value,
        row.store_name,
        row.operator_name,
        row.lease_holder_name,
        row.no_answer_attempts,
        row.next_attempt_at,
        row.customer_id,
        row.lease_holder_id,
    )


def _unpack(packed: Packed) -> OrderRow:
    fields = list(packed)
    fields[_SOURCE] = OrderSource(fields[_SOURCE])
    return OrderRow(*fields)


def _page_rows(rows: Iterable[OrderRow], formatter: RowFormatter, sort: OrderSort) -> Page:
    """What the UI thread appends, made on the worker."""
    page = []
    for row in rows:
        formatted = formatter.format(row)
        page.append((_pack(row), sort_key(row, sort), formatted.cells, formatted.tooltip))
    return tuple(page)


def make_formatter(language: str, timezone: str) -> RowFormatter:
    """A formatter with labels translated for the current UI language (call on the UI thread)."""
    translate = QCoreApplication.translate
    return RowFormatter(
        language=language,
        zone=operator_zone(timezone),
        source_labels={code: translate(_SOURCE_CTX, s) for code, s in SOURCE_LABELS.items()},
        lease_tooltip=translate("OrderTableModel", "Being worked on by %1"),
    )


_LOCK_COLOURS = {LEASE_OTHER: "#b45309", LEASE_MINE: "#2563eb"}
_icons: dict[str, QIcon] = {}


def lease_icon(kind: str) -> QIcon:
    """A small padlock: amber when another operator holds the order, blue when I do. Drawn,
    not loaded: no icon files, crisp at any device pixel ratio up to 2."""
    icon = _icons.get(kind)
    if icon is None:
        icon = QIcon()
        for size in (14, 28):
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            scale = size / 14
            painter.scale(scale, scale)
            colour = QColor(_LOCK_COLOURS[kind])
            painter.setPen(QPen(colour, 1.6))
            shackle = QPainterPath(QPointF(4.5, 6.5))
            shackle.lineTo(4.5, 4.5)
            shackle.arcTo(QRectF(4.5, 1.5, 5, 6), 180, -180)
            shackle.lineTo(9.5, 6.5)
            painter.drawPath(shackle)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(2.5, 6.5, 9, 6.5), 1.5, 1.5)
            painter.end()
            icon.addPixmap(pixmap)
        _icons[kind] = icon
    return icon


_lease_pixmaps: dict[str, QPixmap] = {}


def lease_pixmap(kind: str) -> QPixmap:
    """The padlock as a 14 px pixmap (at twice the pixels: sharp up to a pixel ratio of 2)."""
    pixmap = _lease_pixmaps.get(kind)
    if pixmap is None:
        pixmap = _lease_pixmaps[kind] = lease_icon(kind).pixmap(QSize(14, 14), 2.0)
    return pixmap


class OrderTableModel(QAbstractTableModel):
    """Orders in the filter's sort order, fetched lazily page by page; read-only.

    ``viewer_id`` is the logged-in user: rows leased by them and by others look different."""

    # a page arrived; the argument is how many rows are loaded now
    sig_rows_loaded = Signal(int)
    # a page could not be loaded; the argument is the readable message
    sig_load_failed = Signal(str)
    # how many orders match the filter: (count, exact)
    sig_count_estimated = Signal(int, bool)
    # live changes were applied: (rows updated, rows removed, rows inserted)
    sig_rows_refreshed = Signal(int, int, int)

    def __init__(
        self,
        runner: OpRunner,
        formatter: RowFormatter,
        *,
        filters: OrderFilter | None = None,
        page_size: int = 200,
        fetch: FetchPage | None = None,
        viewer_id: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._formatter = formatter
        self._filters = filters or OrderFilter()
        self._page_size = page_size
        # None: app.order_list.fetch_page, looked up when a page is fetched
        self._fetch = fetch
        self.viewer_id = viewer_id
        self._rows: list[Packed] = []
        self._keys: list[tuple[int, ...]] = []  # sort keys, ascending = display order
        self._cells: list[tuple[str, ...]] = []
        self._tooltips: list[str | None] = []
        # the ids of _rows, kept as they change: a page or a live update asks "loaded already?"
        # (a set built per page would cost O(rows loaded) on the UI thread after deep scrolling)
        self._ids: set[int] = set()
        self._loading = False
        self._exhausted = False
        self._generation = 0  # bumped by reload: late refresh answers for the old rows drop
        self._chips: ChipRenderer | None = None
        self.count: CountEstimate | None = None

    # -- state ----------------------------------------------------------------------------------
    @property
    def filters(self) -> OrderFilter:
        return self._filters

    @property
    def loading(self) -> bool:
        """True while a page is being fetched."""
        return self._loading

    @property
    def exhausted(self) -> bool:
        """True once the last page has arrived."""
        return self._exhausted

    @property
    def language(self) -> str:
        """The language rows are formatted in."""
        return self._formatter.language

    def source_labels(self) -> tuple[str, ...]:
        """The source names as currently shown (for sizing the column)."""
        return tuple(self._formatter.source_labels.values())

    def row_at(self, row: int) -> OrderRow:
        return _unpack(self._rows[row])

    def row_of(self, order_id: int) -> int | None:
        """The row showing ``order_id`` (None if it is not loaded)."""
        if order_id not in self._ids:
            return None
        for row, order in enumerate(self._rows):
            if order[_ID] == order_id:
                return row
        return None

    def loaded_ids(self) -> frozenset[int]:
        return frozenset(self._ids)

    def reload(self, filters: OrderFilter | None = None) -> None:
        """Start over (optionally with new filters): clear, then fetch the first page and the
        count. A page still in flight for the old state is dropped when it lands."""
        if filters is not None:
            self._filters = filters
        self._generation += 1
        self.beginResetModel()
        self._rows.clear()
        self._keys.clear()
        self._cells.clear()
        self._tooltips.clear()
        self._ids.clear()
        self._loading = False
        self._exhausted = False
        self.count = None
        self.endResetModel()
        # the page first: both share the serial database lane, and rows matter more than a count
        self.fetchMore(QModelIndex())
        self._start_count()

    def set_status_chips(self, render: ChipRenderer | None) -> None:
        """Paint the status column as chips drawn by ``render`` (None: as plain text)."""
        self._chips = render
        if self._rows:
            self.dataChanged.emit(
                self.index(0, COL_STATUS), self.index(len(self._rows) - 1, COL_STATUS)
            )

    def set_formatter(self, formatter: RowFormatter) -> None:
        """Re-render every loaded row (language change); rows are not fetched again."""
        self._formatter = formatter
        formatted = [formatter.format(_unpack(row)) for row in self._rows]
        self._cells = [f.cells for f in formatted]
        self._tooltips = [f.tooltip for f in formatted]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, _COLUMN_COUNT - 1)
        if self._rows:
            last = self.index(len(self._rows) - 1, _COLUMN_COUNT - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    # -- paging ---------------------------------------------------------------------------------
    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._loading or self._exhausted:
            return
        self._loading = True
        filters, limit, formatter = self._filters, self._page_size, self._formatter
        after = _unpack(self._rows[-1]).cursor_for(filters.sort) if self._rows else None
        fetch = self._fetch or fetch_page

        def load(session: Session) -> Page:
            rows = fetch(session, after=after, limit=limit, filters=filters)
            return _page_rows(rows, formatter, filters.sort)

        Op(self, load, key="page", runner=self._runner).success(self._append).failure(
            self._page_failed
        ).run()

    def _append(self, page: Page) -> None:
        # _loading stays True until the rows are in: views (and model testers) call fetchMore
        # from the insert signals, and a fetch started there must continue after this page.
        if len(page) < self._page_size:
            self._exhausted = True
        # a live update may already have inserted a row this page read before it changed
        loaded = self._ids
        fresh = [item for item in page if item[0][_ID] not in loaded]
        if fresh:
            first = len(self._rows)
            # the last row is inclusive: n rows starting at first end at first + n - 1
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            for packed, key, cells, tooltip in fresh:
                loaded.add(packed[_ID])
                self._rows.append(packed)
                self._keys.append(key)
                self._cells.append(cells)
                self._tooltips.append(tooltip)
            self.endInsertRows()
        self._loading = False
        self.sig_rows_loaded.emit(len(self._rows))

    def _page_failed(self, error: OpError) -> None:
        # Not exhausted: the next scroll (or reload) tries again once the database is back.
        self._loading = False
        self.sig_load_failed.emit(error.message)

    def _start_count(self) -> None:
        filters = self._filters

        def count(session: Session) -> CountEstimate:
            return count_estimate(session, filters)

        Op(self, count, key="count", runner=self._runner).success(self._counted).failure(
            lambda error: self.sig_load_failed.emit(error.message)
        ).run()

    def _counted(self, estimate: CountEstimate) -> None:
        self.count = estimate
        self.sig_count_estimated.emit(estimate.value, estimate.exact)

    # -- live updates ---------------------------------------------------------------------------
    def refresh_rows(self, order_ids: Iterable[int]) -> None:
        """Re-read these orders and update, drop or insert their rows (see the module
        docstring). Ids of orders the grid does not show are fine: they may have entered it."""
        ids = tuple(sorted(set(order_ids)))
        filters, formatter, generation = self._filters, self._formatter, self._generation
        for start in range(0, len(ids), MAX_REFRESH_IDS):
            chunk = ids[start : start + MAX_REFRESH_IDS]

            def load(session: Session, chunk: tuple[int, ...] = chunk) -> Page:
                rows = fetch_rows(session, chunk, filters)
                return _page_rows(rows, formatter, filters.sort)

            Op(self, load, runner=self._runner).success(
                lambda page, c=chunk: self._apply_refresh(generation, c, page)
            ).failure(lambda error: self.sig_load_failed.emit(error.message)).run()

    def _apply_refresh(self, generation: int, ids: tuple[int, ...], page: Page) -> None:
        if generation != self._generation:
            return  # reloaded meanwhile: the new rows were read after this answer
        wanted = set(ids)
        fresh = {item[0][_ID]: item for item in page}
        entered = set(fresh) - self._ids  # now in the view, not loaded before
        updated = removed = inserted = 0
        for r in range(len(self._rows) - 1, -1, -1):
            order_id = self._rows[r][_ID]
            if order_id not in wanted:
                continue
            found = fresh.get(order_id)
            if found is not None and found[1] == self._keys[r]:
                packed, _key, cells, tooltip = fresh.pop(order_id)
                self._rows[r] = packed
                self._cells[r] = cells
                self._tooltips[r] = tooltip
                self.dataChanged.emit(self.index(r, 0), self.index(r, _COLUMN_COUNT - 1))
                updated += 1
                continue
            # gone from the view, or moved in the sort: out now, back in below where it belongs
            self.beginRemoveRows(QModelIndex(), r, r)
            del self._rows[r], self._keys[r], self._cells[r], self._tooltips[r]
            self._ids.discard(order_id)
            self.endRemoveRows()
            if found is None:
                removed += 1
        for packed, key, cells, tooltip in sorted(fresh.values(), key=lambda item: item[1]):
            at = bisect.bisect_left(self._keys, key)
            if at == len(self._rows) and not self._exhausted:
                continue  # past the loaded part: it comes with its page
            self.beginInsertRows(QModelIndex(), at, at)
            self._rows.insert(at, packed)
            self._ids.add(packed[_ID])
            self._keys.insert(at, key)
            self._cells.insert(at, cells)
            self._tooltips.insert(at, tooltip)
            self.endInsertRows()
            inserted += 1
        if removed or entered:
            self._start_count()  # the view gained or lost orders
        self.sig_rows_refreshed.emit(updated, removed, inserted)

    # -- QAbstractTableModel --------------------------------------------------------------------
    def index(
        self,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
    ) -> QModelIndex:
        # Qt's own index() asks rowCount() and columnCount() first: two more calls into Python
        # for every cell of every frame
        if 0 <= row < len(self._rows) and 0 <= column < _COLUMN_COUNT and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

    def multiData(
        self, index: QModelIndex | QPersistentModelIndex, span: QModelRoleDataSpan
    ) -> None:
        # The styled delegate's span (its seven roles, in its order) is answered by position:
        # text, alignment, decoration, the rest left empty. The delegate keeps its span between
        # cells, so every role this model ever fills is set or cleared here, never skipped.
        if span.size() == _STYLE_SPAN:
            display = span[_AT_DISPLAY]
            alignment = span[_AT_ALIGNMENT]
            decoration = span[_AT_DECORATION]
            row, column = index.row(), index.column()
            if (
                row >= 0  # a valid index (one call fewer than isValid(): row() is needed anyway)
                and display.role() == _DISPLAY_INT
                and alignment.role() == _ALIGNMENT_INT
                and decoration.role() == _DECORATION_INT
            ):
                text = self._cells[row][column]
                alignment.setData(_ALIGN[column])
                if column == COL_STATUS and self._chips is not None and text:
                    # the chip carries the text: drawn as the decoration, no text on top
                    decoration.setData(self._chips(text, self._rows[row][_STATUS]))
                    display.clearData()
                    return
                display.setData(text)
                lease = self._lease(row) if column == COL_NUMBER else None
                if lease is None:
                    decoration.clearData()
                else:  # a pixmap: sized by itself, whatever the view's icon size
                    decoration.setData(lease_pixmap(lease))
                return
        for i in range(span.size()):  # any other caller: role by role, as data() answers
            item = span[i]
            value = self.data(index, item.role())
            if value is None:
                item.clearData()
            else:
                item.setData(value)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMN_COUNT

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        # Most of a frame's data() calls ask for roles this model leaves to the style (font,
        # colours, check state): one set lookup answers them before anything else is touched.
        if role not in _HANDLED_ROLES or not index.isValid():
            return None
        if role == DISPLAY:
            return self._cells[index.row()][index.column()]
        if role == ALIGNMENT:
            return _ALIGN[index.column()]
        if role == DECORATION:
            if index.column() != COL_NUMBER:
                return None
            lease = self._lease(index.row())
            return None if lease is None else lease_icon(lease)
        if role == TOOLTIP:
            return self._tooltip(index.row(), index.column())
        if role == STATUS_CODE_ROLE:
            return self._rows[index.row()][_STATUS]
        if role == ORDER_ID_ROLE:
            return self._rows[index.row()][_ID]
        if role == LEASE_ROLE:
            return self._lease(index.row())
        if role == CUSTOMER_ID_ROLE:
            return self._rows[index.row()][_CUSTOMER]
        return None

    def _lease(self, row: int) -> str | None:
        holder = self._rows[row][_LEASE]
        if holder is None:
            return None
        return LEASE_MINE if holder == self.viewer_id else LEASE_OTHER

    def _tooltip(self, row: int, column: int) -> str | None:
        # Columns whose text is often elided show it in full; any leased row says who has it.
        if self._lease(row) == LEASE_MINE:
            lease: str | None = self.tr("You are working on this order")
        else:
            lease = self._tooltips[row]
        text = self._cells[row][column] if column in _FULL_TEXT_TOOLTIP else ""
        if text and lease:
            return f"{text}\n{lease}"
        return text or lease

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < _COLUMN_COUNT:
            return None
        if role == DISPLAY:
            return QCoreApplication.translate(_CTX, COLUMNS[section][0])
        if role == ALIGNMENT:
            return _ALIGN[section]
        return None
