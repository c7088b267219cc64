"""The cross-sell list: one row per suggestion (already ranked by :mod:`app.capsules`), the size
the operator picked for it and what became of it during this call.

Read-only for views; the panel changes the size (``set_size``/``step_size``), the quantity
(``set_quantity``/``step_quantity``) and the state (``mark``) through the model's own methods so
views get their ``dataChanged``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.capsules.suggestions import SizeChoice, Suggestion
from ui.panels.cross_sell.reasons import translate_reason

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole
# the row's RowState
STATE_ROLE = Qt.ItemDataRole.UserRole + 1

ADDED = "added"
DECLINED = "declined"
#: the most units of one suggestion the picker offers (a cross-sell is a piece or a few, not a
#: wholesale line; the card's own editor takes any quantity)
MAX_QUANTITY = 99


@dataclass(slots=True)
class RowState:
    """A suggestion on screen: which size and how many are picked, and added / declined
    (None: open)."""

    suggestion: Suggestion
    size_index: int
    outcome: str | None = None
    reason: str = ""
    quantity: int = 1

    @property
    def most(self) -> int:
        """The largest quantity worth picking for the size chosen: what one place we ship
        from has free (an order ships from one), at least 1, at most :data:`MAX_QUANTITY`."""
        return max(1, min(MAX_QUANTITY, max(self.free_at_store, self.free_online)))

    @property
    def choice(self) -> SizeChoice | None:
        sizes = self.suggestion.sizes
        return sizes[self.size_index] if sizes else None

    @property
    def offer_id(self) -> int:
        choice = self.choice
        return choice.offer_id if choice is not None else self.suggestion.offer_id

    @property
    def free_at_store(self) -> int:
        choice = self.choice
        return choice.free_at_store if choice is not None else self.suggestion.free_at_store

    @property
    def free_online(self) -> int:
        choice = self.choice
        return choice.free_online if choice is not None else self.suggestion.free_online

    @property
    def size(self) -> str | None:
        choice = self.choice
        return choice.size if choice is not None else self.suggestion.size


def _default_size(suggestion: Suggestion) -> int:
    for i, choice in enumerate(suggestion.sizes):
        if choice.offer_id == suggestion.offer_id:
            return i
    return 0


class SuggestionsModel(QAbstractListModel):
    """The ranked suggestions with the operator's choices; ``row_state(row)`` for the rest."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowState] = []

    def set_suggestions(self, suggestions: tuple[Suggestion, ...]) -> None:
        """New content; sizes picked and outcomes of products still listed are kept (a reload
        after an add must not undo what the operator chose on the other rows)."""
        before = {r.suggestion.product_id: r for r in self._rows}
        rows = []
        for suggestion in suggestions:
            old = before.get(suggestion.product_id)
            row = RowState(suggestion, _default_size(suggestion))
            if old is not None:
                offer = old.offer_id
                for i, choice in enumerate(suggestion.sizes):
                    if choice.offer_id == offer:
                        row.size_index = i
                row.outcome, row.reason = old.outcome, old.reason
                row.quantity = min(old.quantity, row.most)
            rows.append(row)
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def clear(self) -> None:
        self.set_suggestions(())

    def row_state(self, row: int) -> RowState | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def suggestions(self) -> tuple[Suggestion, ...]:
        return tuple(r.suggestion for r in self._rows)

    def step_size(self, row: int, step: int) -> bool:
        state = self.row_state(row)
        if state is None or len(state.suggestion.sizes) < 2:
            return False
        return self.set_size(row, (state.size_index + step) % len(state.suggestion.sizes))

    def set_size(self, row: int, index: int) -> bool:
        state = self.row_state(row)
        if state is None or not 0 <= index < len(state.suggestion.sizes):
            return False
        if state.size_index == index:
            return False
        state.size_index = index
        state.quantity = min(state.quantity, state.most)  # the new size may have fewer free
        self._changed(row)
        return True

    def step_quantity(self, row: int, step: int) -> bool:
        state = self.row_state(row)
        return state is not None and self.set_quantity(row, state.quantity + step)

    def set_quantity(self, row: int, quantity: int) -> bool:
        """Pick ``quantity`` units (kept within 1 .. ``most``); False when nothing changed."""
        state = self.row_state(row)
        if state is None:
            return False
        quantity = max(1, min(quantity, state.most))
        if state.quantity == quantity:
            return False
        state.quantity = quantity
        self._changed(row)
        return True

    def mark(self, row: int, outcome: str | None, reason: str = "") -> None:
        state = self.row_state(row)
        if state is None:
            return
        state.outcome, state.reason = outcome, reason
        self._changed(row)

    def _changed(self, row: int) -> None:
        index = self.index(row, 0)
        self.dataChanged.emit(index, index)

    # -- Qt model API --------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        state = self._rows[index.row()]
        if role in (DISPLAY, ACCESSIBLE):
            s = state.suggestion
            size = f" ({state.size})" if state.size else ""
            times = f" × {state.quantity}" if state.quantity > 1 else ""
            return f"{s.product_name}{size}{times} — {translate_reason(s.reason)}"
        if role == TOOLTIP:
            s = state.suggestion
            return f"{s.offer_name}\n{translate_reason(s.reason)}"
        if role == STATE_ROLE:
            return state
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
