"""The call log as a Qt table model, one keyset page at a time (``fetchMore``).

The panel hands it a page function ``fetch(session, before, limit) -> CallPage`` (a scope:
this customer, this order, my calls, missed calls to return); the model runs it through
:class:`ui.ops.Op` (latest request wins: switching the scope drops a late page of the old one)
and appends what comes back. Rows are the backend's ``CallLogRow`` values, plain frozen data.

A refresh of the same scope (:meth:`CallLogModel.reload`, on every call event) reads as many
rows as are loaded and merges them in place (:mod:`ui.panels.telephony.row_merge`): the
operator's selected row stays selected and :class:`PlaceKeeper` keeps the rows they were
looking at in view."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QTableView

from app.clock import Clock
from app.telephony.console_queries import CallPage
from ui.formatting import format_phone
from ui.ops import Op, OpError, OpRunner
from ui.panels.telephony import texts
from ui.panels.telephony.row_merge import merge_rows

_translate = QCoreApplication.translate
DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
CALL_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ORDER_ID_ROLE = Qt.ItemDataRole.UserRole + 2
CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole + 3
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 4

# What an operator reads first comes first (the dock is narrow): when, which way, how it
# ended, how long they talked; the number, customer and operator last (the scope often says
# them already), the last column stretching.
(
    COL_WHEN,
    COL_DIRECTION,
    COL_RESULT,
    COL_TALK,
    COL_WAIT,
    COL_RECORDING,
    COL_ORDER,
    COL_NUMBER,
    COL_CUSTOMER,
    COL_OPERATOR,
) = range(10)
COLUMN_TITLES = (
    QT_TRANSLATE_NOOP("Telephony", "When"),
    "",
    QT_TRANSLATE_NOOP("Telephony", "Result"),
    QT_TRANSLATE_NOOP("Telephony", "Talk"),
    QT_TRANSLATE_NOOP("Telephony", "Wait"),
    QT_TRANSLATE_NOOP("Telephony", "Rec."),
    QT_TRANSLATE_NOOP("Telephony", "Order"),
    QT_TRANSLATE_NOOP("Telephony", "Number"),
    QT_TRANSLATE_NOOP("Telephony", "Customer"),
    QT_TRANSLATE_NOOP("Telephony", "Operator"),
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_MISSED = QColor("#b91c1c")
_MUTED = QColor("#64748b")
PAGE = 50


PageFn = Callable[[Any, tuple[dt.datetime, int] | None, int], CallPage]


class CallLogModel(QAbstractTableModel):
    """Calls of one scope; see the module docstring."""

    # a page arrived (rows now shown)
    sig_loaded = Signal(int)
    # a page could not be read (operator-facing message)
    sig_load_failed = Signal(str)
    # a refresh is about to be merged into the rows on screen / has been (PlaceKeeper)
    sig_refreshing = Signal()
    sig_refreshed = Signal()

    def __init__(
        self,
        runner: OpRunner,
        *,
        zone: dt.tzinfo,
        clock: Clock,
        language: str = "en",
        show_operator: bool = True,
        page_size: int = PAGE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.zone = zone
        self.clock = clock
        self.language = language
        self.show_operator = show_operator
        self.page_size = page_size
        self.rows: list[Any] = []
        self.order_numbers: dict[int, str] = {}
        self.fetch: PageFn | None = None
        self.complete = True
        self.loading = False
        self.busy_call: int | None = None  # a recording being fetched
        self.generation = 0

    # -- loading ---------------------------------------------------------------------------------
    def set_fetch(self, fetch: PageFn | None) -> None:
        """Show another scope (None: nothing) from its first page; the old scope's rows go
        at once (they are not this scope's)."""
        self.fetch = fetch
        self.generation += 1
        self.beginResetModel()
        self.rows = []
        self.complete = fetch is None
        self.loading = False
        self.endResetModel()
        if fetch is not None:
            self._load(None, self.page_size)

    def count_text(self, rows: int) -> str:
        """ "3 calls" in the operator's language. Here, in a QObject of its own, because neither
        PySide's tr() in a mixin nor lupdate with QCoreApplication.translate() keeps the
        plural forms."""
        return self.tr("%n call(s)", "", rows)

    def reload(self) -> None:
        """The same scope again (something changed): as many rows as are loaded are read
        again and merged into the ones on screen (no flash, no lost selection or place)."""
        if self.fetch is None:
            return
        self.generation += 1
        self._load(None, max(self.page_size, len(self.rows)), refresh=bool(self.rows))

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self.complete and not self.loading and bool(self.rows)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            last = self.rows[-1]
            self._load((last.started_at, last.id), self.page_size)

    def _load(
        self, before: tuple[dt.datetime, int] | None, limit: int, *, refresh: bool = False
    ) -> None:
        fetch, generation = self.fetch, self.generation
        assert fetch is not None
        self.loading = True
        Op(self, lambda s: fetch(s, before, limit), key="page", runner=self.runner).success(
            lambda page: self._arrived(generation, before, page, refresh)
        ).failure(self._failed).run()

    def _arrived(
        self,
        generation: int,
        before: tuple[dt.datetime, int] | None,
        page: CallPage,
        refresh: bool = False,
    ) -> None:
        if generation != self.generation:
            return
        # "loading" ends only once the rows are in: a view (or a model tester) asking for more
        # while the rows are being inserted must not request this very page again
        self.order_numbers.update(page.order_numbers)
        if before is None and refresh:  # the same scope again: merged into what is shown
            rows, complete = self._with_loaded_tail(page)
            self.sig_refreshing.emit()
            merge_rows(self, self.rows, rows, _call_key, len(COLUMN_TITLES))
            self.complete, self.loading = complete, False
            self.sig_refreshed.emit()
        elif before is None:  # a first page replaces whatever was shown
            self.beginResetModel()
            self.rows = list(page.rows)
            self.complete = page.complete
            self.endResetModel()
            self.loading = False
        else:
            seen = {r.id for r in self.rows}
            fresh = [r for r in page.rows if r.id not in seen]
            if fresh:
                first = len(self.rows)
                self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)  # inclusive
                self.rows.extend(fresh)
                self.endInsertRows()
            self.complete, self.loading = page.complete or not fresh, False
        self.sig_loaded.emit(len(self.rows))

    def _with_loaded_tail(self, page: CallPage) -> tuple[list[Any], bool]:
        """A refresh reads as many rows as were loaded; new calls on top push as many off its
        end. Those older rows are still right (a keyset page after them continues the list):
        keep them rather than making the operator's view shrink."""
        rows = list(page.rows)
        if page.complete or not rows or rows[-1].started_at is None:
            return rows, page.complete
        tail = (rows[-1].started_at, rows[-1].id)
        got = {r.id for r in rows}
        older = [
            r
            for r in self.rows
            if r.id not in got and r.started_at is not None and (r.started_at, r.id) < tail
        ]
        # the old list went to its end: with its older rows, so does this one
        return rows + older, self.complete and bool(older)

    def _failed(self, error: OpError) -> None:
        self.loading = False
        self.sig_load_failed.emit(error.message)

    def set_busy(self, call_id: int | None) -> None:
        """Mark the call whose recording is being fetched (its cell says so)."""
        old, self.busy_call = self.busy_call, call_id
        for cid in (old, call_id):
            row = self.row_of(cid)
            if row is not None:
                index = self.index(row, COL_RECORDING)
                self.dataChanged.emit(index, index)

    def row_of(self, call_id: int | None) -> int | None:
        if call_id is None:
            return None
        for i, r in enumerate(self.rows):
            if r.id == call_id:
                return i
        return None

    def row_at(self, row: int) -> Any:
        return self.rows[row]

    def set_language(self, language: str) -> None:
        self.language = language
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMN_TITLES) - 1)
            )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMN_TITLES) - 1)

    # -- the model -------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMN_TITLES)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMN_TITLES):
            return None
        if role == DISPLAY:
            title = COLUMN_TITLES[section]
            return texts.say(title) if title else ""
        if role == TOOLTIP and section == COL_DIRECTION:
            return _translate("Telephony", "Direction")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == DISPLAY:
            return self._display(row, column)
        if role == TOOLTIP:
            return self._tooltip(row, column)
        if role == ALIGN:
            if column in (COL_WAIT, COL_TALK):
                return _RIGHT
            if column in (COL_DIRECTION, COL_RECORDING):
                return _CENTER
            return None
        if role == FOREGROUND:
            if column == COL_RESULT and row.result == "missed":
                return _MISSED
            if column in (COL_DIRECTION, COL_WAIT) or (
                column == COL_RECORDING and not row.has_recording
            ):
                return _MUTED
            return None
        if role == CALL_ID_ROLE:
            return row.id
        if role == ORDER_ID_ROLE:
            return row.order_id
        if role == CUSTOMER_ID_ROLE:
            return row.customer_id
        if role == NUMBER_ROLE:
            return row.number
        return None

    def _display(self, row: Any, column: int) -> str:
        if column == COL_WHEN:
            return _when(row.started_at, self.zone, self.language, self.clock.now())
        if column == COL_DIRECTION:
            return texts.DIRECTION_ARROWS.get(str(row.direction), "")
        if column == COL_NUMBER:
            return format_phone(row.number or "")
        if column == COL_CUSTOMER:
            return row.customer_name or ""
        if column == COL_OPERATOR:
            return row.operator_name or ""
        if column == COL_RESULT:
            # what came of the call says more than "answered" (the tooltip has both)
            if row.outcome:
                return texts.label(texts.OUTCOMES, row.outcome).rstrip("…")
            return texts.label(texts.RESULTS, row.result)
        if column == COL_WAIT:
            return texts.duration(row.wait_seconds)
        if column == COL_TALK:
            return texts.duration(row.talk_seconds) if row.talk_seconds else ""
        if column == COL_ORDER:
            if row.order_id is None:
                return ""
            return self.order_numbers.get(row.order_id, f"#{row.order_id}")
        if column == COL_RECORDING:
            if not row.has_recording:
                return "—"
            return "…" if self.busy_call == row.id else "▶"
        return ""

    def _tooltip(self, row: Any, column: int) -> str | None:
        if column == COL_DIRECTION:
            return texts.label(texts.DIRECTIONS, str(row.direction))
        if column == COL_RECORDING:
            if not row.has_recording:
                return _translate("Telephony", "No recording of this call")
            return _translate("Telephony", "Play the recording (fetched from the PBX on demand)")
        if column == COL_WAIT:
            return _translate("Telephony", "Waiting before the answer")
        if column == COL_TALK:
            return _translate("Telephony", "Talk time")
        if column == COL_RESULT:
            parts = [texts.label(texts.RESULTS, row.result)]
            if row.outcome:
                parts.append(texts.label(texts.OUTCOMES, row.outcome).rstrip("…"))
            if row.callback_done_at is not None:
                parts.append(_translate("Telephony", "Called back"))
            return " · ".join(parts)
        return None


def _call_key(row: Any) -> int:
    return int(row.id)


class PlaceKeeper(QObject):
    """Keeps a call log view on the rows the operator was reading across a refresh: calls
    that arrive above push nothing out of view. At the very top the view stays at the top, so
    a new call shows up."""

    def __init__(self, view: QTableView, model: CallLogModel) -> None:
        super().__init__(view)
        self.view = view
        self.model = model
        self.anchor: int | None = None
        model.sig_refreshing.connect(self._before)
        model.sig_refreshed.connect(self._after)

    def _before(self) -> None:
        self.anchor = None
        if self.view.verticalScrollBar().value() <= 0:
            return
        top = self.view.rowAt(0)
        if 0 <= top < len(self.model.rows):
            self.anchor = self.model.rows[top].id

    def _after(self) -> None:
        row = self.model.row_of(self.anchor)
        self.anchor = None
        if row is not None:
            # the inserted rows' scroll range first (the view would lay them out later and
            # clamp the scroll to the old range)
            self.view.updateGeometries()
            self.view.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)


def _when(value: dt.datetime | None, zone: dt.tzinfo, language: str, now: dt.datetime) -> str:
    if value is None:
        return ""
    local = value.astimezone(zone)
    today = now.astimezone(zone).date()
    if local.date() == today:
        return local.strftime("%H:%M")
    return local.strftime("%d.%m %H:%M" if language == "ru" else "%b %d %H:%M")
