"""Refreshing a list model in place: rows that went away are removed, new ones inserted where
they belong and the rest changed in place — instead of a model reset, which would drop the
operator's selection and throw the view back to the top every time a call event arrives.

Rows are matched by a key (the call or operator id). When the survivors changed their order
(rare: a call's start time corrected by the PBX summary) the rows are swapped in with a layout
change that moves the persistent indexes along, so the selection still follows its row."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex


def merge_rows(
    model: QAbstractItemModel,
    old: list[Any],
    new: Sequence[Any],
    key: Callable[[Any], Any],
    columns: int,
) -> None:
    """Turn ``old`` (the model's own row list, changed in place) into ``new``, telling the
    views with the finest signals that describe the change."""
    wanted = {key(r) for r in new}
    # 1. rows no longer there, bottom up so the row numbers above stay right
    i = len(old) - 1
    while i >= 0:
        if key(old[i]) in wanted:
            i -= 1
            continue
        last = i
        while i - 1 >= 0 and key(old[i - 1]) not in wanted:
            i -= 1
        model.beginRemoveRows(QModelIndex(), i, last)
        del old[i : last + 1]
        model.endRemoveRows()
        i -= 1
    kept = [key(r) for r in old]
    kept_set = set(kept)
    if [key(r) for r in new if key(r) in kept_set] != kept:
        _relayout(model, old, new, key)
        return
    # 2. new rows at their places (the survivors are in the same order on both sides)
    j = 0
    while j < len(new):
        if key(new[j]) in kept_set:
            j += 1
            continue
        first = j
        while j + 1 < len(new) and key(new[j + 1]) not in kept_set:
            j += 1
        model.beginInsertRows(QModelIndex(), first, j)
        old[first:first] = new[first : j + 1]
        model.endInsertRows()
        j += 1
    # 3. the same rows, fresh values
    changed = [k for k, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
    old[:] = list(new)
    if changed and columns:
        model.dataChanged.emit(model.index(changed[0], 0), model.index(changed[-1], columns - 1))


def _relayout(
    model: QAbstractItemModel, old: list[Any], new: Sequence[Any], key: Callable[[Any], Any]
) -> None:
    """Same set of rows (plus new ones), another order: move the persistent indexes along."""
    # insert the new rows at the end first, so the layout change itself keeps the row count
    fresh = [r for r in new if key(r) not in {key(o) for o in old}]
    if fresh:
        start = len(old)
        model.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
        old.extend(fresh)
        model.endInsertRows()
    model.layoutAboutToBeChanged.emit()
    position = {key(r): n for n, r in enumerate(new)}
    before = [key(r) for r in old]
    persistent = model.persistentIndexList()
    moved = []
    for index in persistent:
        row = position[before[index.row()]]
        moved.append(model.index(row, index.column()))
    old[:] = list(new)
    model.changePersistentIndexList(persistent, moved)
    model.layoutChanged.emit()
