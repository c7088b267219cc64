"""The customer's one timeline (orders, status changes, calls, messages, notes, merges), newest
first, keyset-paged: the first page comes with the profile, ``fetchMore`` asks for the next one
through the op runner with the page's cursor.

Lines are worded here, in the operator's language, from the items' structured fields (order
number, statuses, direction, channel, the other customer) — the core's English ``title`` is
only a fallback for a kind this model does not know."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
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

from app.customers.panel_queries import OrderFact, TimelineChunk
from app.customers.timeline import TimelineItem, TimelinePage
from ui.formatting import format_rub, format_time
from ui.ops import Op, OpError, OpRunner

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
DECORATION = Qt.ItemDataRole.DecorationRole
# the item's kind: order | status | call | message | note | merge
KIND_ROLE = Qt.ItemDataRole.UserRole + 10
# who acted (operator, robot, system), or None
ACTOR_ROLE = Qt.ItemDataRole.UserRole + 11
# the order the item is about, or None
ORDER_ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the same role as the order grid's

_CTX = "TimelineModel"
COLUMNS: tuple[Any, ...] = (
    QT_TRANSLATE_NOOP("TimelineModel", "When"),
    QT_TRANSLATE_NOOP("TimelineModel", "What"),
)
COL_WHEN, COL_WHAT = range(2)

# one colour per kind: a dot before the time tells the kinds apart at a glance
KIND_COLOURS = {
    "order": QColor("#2563eb"),
    "status": QColor("#94a3b8"),
    "call": QColor("#16a34a"),
    "message": QColor("#9333ea"),
    "note": QColor("#d97706"),
    "merge": QColor("#dc2626"),
}

_CHANNELS: dict[str, Any] = {
    "sms": QT_TRANSLATE_NOOP("TimelineModel", "SMS"),
    "telegram": QT_TRANSLATE_NOOP("TimelineModel", "Telegram"),
    "vk": QT_TRANSLATE_NOOP("TimelineModel", "VK"),
    "email": QT_TRANSLATE_NOOP("TimelineModel", "E-mail"),
}


translate = QCoreApplication.translate

_ACTOR_KINDS: dict[str, Any] = {
    "robot": QT_TRANSLATE_NOOP("TimelineModel", "robot"),
    "system": QT_TRANSLATE_NOOP("TimelineModel", "system"),
}


def actor_name(actor: str | None) -> str | None:
    """A person's name as is; the robot and the system in the operator's language."""
    if actor in _ACTOR_KINDS:
        return translate("TimelineModel", _ACTOR_KINDS[actor])
    return actor


@dataclass(frozen=True, slots=True)
class Presentation:
    """How lines are worded: language, zone and status names (code → shown name)."""

    language: str = "en"
    zone: dt.tzinfo = dt.UTC
    status_names: Mapping[str, str] | None = None

    def status(self, code: str | None) -> str:
        if not code:
            return "—"
        return (self.status_names or {}).get(code, code)


def describe(
    item: TimelineItem, customer_id: int, fact: OrderFact | None, p: Presentation
) -> tuple[str, str]:
    """(line, tooltip) for one item, translated."""
    actor = actor_name(item.actor) or ""
    detail = item.detail or ""
    if item.kind == "order":
        line = translate("TimelineModel", "Order %1 placed").replace("%1", item.order_number or "")
        if fact is not None:
            detail = (
                translate("TimelineModel", "%1, now %2")
                .replace("%1", format_rub(fact.total, p.language))
                .replace("%2", p.status(fact.status))
            )
    elif item.kind == "status" and not item.status_from:
        line = (
            translate("TimelineModel", "Order %1: %2")
            .replace("%1", item.order_number or "")
            .replace("%2", p.status(item.status_to))
        )
    elif item.kind == "status":
        line = (
            translate("TimelineModel", "Order %1: %2 → %3")
            .replace("%1", item.order_number or "")
            .replace("%2", p.status(item.status_from))
            .replace("%3", p.status(item.status_to))
        )
    elif item.kind == "call":
        line = (
            translate("TimelineModel", "Inbound call")
            if item.direction == "inbound"
            else translate("TimelineModel", "Outbound call")
        )
    elif item.kind == "message":
        channel = _CHANNELS.get(item.channel or "")
        name = translate("TimelineModel", channel) if channel else (item.channel or "").upper()
        pattern = (
            translate("TimelineModel", "%1 from the customer")
            if item.direction == "inbound"
            else translate("TimelineModel", "%1 sent")
        )
        line = pattern.replace("%1", name)
    elif item.kind == "note":
        line = translate("TimelineModel", "Note")
    elif item.kind == "merge":
        other = str(item.other_customer_id or "")
        if item.id == customer_id:
            line = translate("TimelineModel", "Merged into customer #%1").replace("%1", other)
        else:
            line = translate("TimelineModel", "Customer #%1 merged into this one").replace(
                "%1", other
            )
    else:
        line = item.title
    shown = f"{line} — {detail}" if detail else line
    tip = [line]
    if detail:
        tip.append(detail)
    if actor:
        tip.append(translate("TimelineModel", "By: %1").replace("%1", actor))
    return shown, "\n".join(tip)


class TimelineModel(QAbstractTableModel):
    """Timeline items of one customer, newest first; read-only, paged lazily."""

    # a page could not be loaded (readable message)
    sig_load_failed = Signal(str)
    # a page was appended; the argument is how many items are loaded now
    sig_rows_loaded = Signal(int)

    def __init__(
        self, runner: OpRunner, *, page_size: int = 50, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._page_size = page_size
        self._p = Presentation()
        self._customer_id: int | None = None
        self._items: list[TimelineItem] = []
        self._facts: dict[int, OrderFact] = {}
        self._cells: list[tuple[str, str, str]] = []  # when, line, tooltip
        self._next: str | None = None
        self._loading = False
        self._generation = 0

    # -- state ----------------------------------------------------------------------------------
    @property
    def customer_id(self) -> int | None:
        return self._customer_id

    @property
    def loading(self) -> bool:
        return self._loading

    def item_at(self, row: int) -> TimelineItem:
        return self._items[row]

    def reset_with(
        self,
        customer_id: int | None,
        page: TimelinePage | None,
        facts: tuple[OrderFact, ...] = (),
    ) -> None:
        """Show ``page`` as the first page of ``customer_id``'s timeline (None: empty)."""
        self.beginResetModel()
        self._generation += 1
        self._customer_id = customer_id
        self._items = list(page.items) if page else []
        self._facts = {f.id: f for f in facts}
        self._cells = [self._format(i) for i in self._items]
        self._next = page.next_cursor if page else None
        self._loading = False
        self.endResetModel()

    def set_presentation(self, presentation: Presentation) -> None:
        """Re-word every line (language, zone or status names changed)."""
        self._p = presentation
        self._cells = [self._format(i) for i in self._items]
        if self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def _format(self, item: TimelineItem) -> tuple[str, str, str]:
        fact = self._facts.get(item.order_id) if item.order_id is not None else None
        line, tip = describe(item, self._customer_id or 0, fact, self._p)
        when = format_time(item.at, self._p.zone, self._p.language)
        return when, line, tip

    # -- lazy paging ------------------------------------------------------------------------------
    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid():
            return False
        return self._next is not None and not self._loading and self._customer_id is not None

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        from app.customers.panel_queries import timeline_chunk

        assert self._customer_id is not None
        cid, cursor, size = self._customer_id, self._next, self._page_size
        generation = self._generation
        self._loading = True
        Op(
            self,
            lambda s: timeline_chunk(s, cid, cursor=cursor, limit=size),
            key="timeline-page",
            runner=self._runner,
        ).success(lambda chunk: self._append(generation, chunk)).failure(
            lambda e: self._failed(generation, e)
        ).run()

    def _append(self, generation: int, chunk: TimelineChunk) -> None:
        if generation != self._generation:
            return  # an answer for the customer shown before
        self._next = chunk.page.next_cursor
        self._facts.update({f.id: f for f in chunk.facts})
        items = chunk.page.items
        if items:
            first = len(self._items)
            # the last row passed to beginInsertRows is inclusive
            self.beginInsertRows(QModelIndex(), first, first + len(items) - 1)
            self._items.extend(items)
            self._cells.extend(self._format(i) for i in items)
            self.endInsertRows()
        self._loading = False
        self.sig_rows_loaded.emit(len(self._items))

    def _failed(self, generation: int, error: OpError) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self.sig_load_failed.emit(error.message)

    # -- Qt model API ---------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self._items):
            return None
        row, col = index.row(), index.column()
        if role == DISPLAY:
            return self._cells[row][col]
        if role == TOOLTIP:
            return self._cells[row][2]
        if role == DECORATION and col == COL_WHEN:
            return KIND_COLOURS.get(self._items[row].kind)
        if role == KIND_ROLE:
            return self._items[row].kind
        if role == ORDER_ID_ROLE:
            return self._items[row].order_id
        if role == ACTOR_ROLE:
            return actor_name(self._items[row].actor)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == DISPLAY and 0 <= section < len(COLUMNS):
            return translate("TimelineModel", COLUMNS[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
