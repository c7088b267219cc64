"""File → Settings (supervisors and admins): the business settings an admin tunes at run time
(:mod:`app.business_settings`: robot thresholds, the retry chain, reserves, leases, segments…).

One row per declared setting: its key, its value (a check box for yes/no settings, text for the
rest) and what it means. Save writes the changed values in one transaction; a value that is not
of the setting's type is refused with a message naming the setting, and nothing is written."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.actors import Actor
from app.business_settings import SPECS, all_settings, set_setting
from ui.ops import Op, OpError, OpRunner

COL_KEY, COL_VALUE, COL_MEANING = range(3)
_EDITORS = ("supervisor", "admin")


@dataclass(frozen=True, slots=True)
class SettingRow:
    key: str
    # the value as text ("true"/"false" for yes/no settings, JSON for lists)
    text: str


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def read_settings(session: Session) -> tuple[SettingRow, ...]:
    return tuple(SettingRow(k, _as_text(v)) for k, v in all_settings(session).items())


def parse_value(key: str, text: str) -> Any:
    """``text`` as a value of setting ``key``'s type; ``ValueError`` names the setting."""
    spec = SPECS[key]
    raw = text.strip()
    try:
        if spec.type is bool:
            if raw.lower() not in ("true", "false"):
                raise ValueError(raw)
            return raw.lower() == "true"
        if spec.type is int:
            return int(raw)
        if spec.type is Decimal:
            return Decimal(raw.replace(",", ".").replace(" ", ""))
        if spec.type is list:
            value = json.loads(raw or "[]")
            if not isinstance(value, list):
                raise ValueError(raw)
            return value
        return raw
    except (ValueError, InvalidOperation, json.JSONDecodeError):
        kind = {bool: "yes/no", int: "whole number", Decimal: "number", list: "JSON list"}
        raise ValueError(
            f"{key}: “{text}” is not a {kind.get(spec.type, spec.type.__name__)}"
        ) from None


def save_settings(session: Session, actor: Actor, changes: tuple[tuple[str, Any], ...]) -> int:
    if actor.role not in _EDITORS:
        raise ValueError("Only a supervisor or an administrator can change settings.")
    for key, value in changes:
        set_setting(session, key, value, actor.user_id)
    return len(changes)


class BusinessSettingsDialog(QDialog):
    """The settings table; Save writes what changed."""

    def __init__(self, runner: OpRunner, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BusinessSettingsDialog")
        self.runner = runner
        self.actor = actor
        self.loaded: dict[str, str] = {}
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("SettingsTable")
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_KEY, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_VALUE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_MEANING, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(COL_KEY, 230)
        self.table.setColumnWidth(COL_VALUE, 170)
        self.message = QLabel(self)
        self.message.setObjectName("SettingsMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("SaveSettingsButton")
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(900, 560)
        self.retranslate()
        self.save_button.setEnabled(False)
        Op(self, read_settings, runner=runner).success(self._show).failure(self._failed).run()

    def _show(self, rows: tuple[SettingRow, ...]) -> None:
        self.loaded = {r.key: r.text for r in rows}
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            key = QTableWidgetItem(row.key)
            key.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            value = QTableWidgetItem()
            if SPECS[row.key].type is bool:
                value.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsSelectable
                )
                value.setCheckState(
                    Qt.CheckState.Checked if row.text == "true" else Qt.CheckState.Unchecked
                )
            else:
                value.setText(row.text)
            meaning = QTableWidgetItem(SPECS[row.key].description)
            meaning.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            meaning.setToolTip(SPECS[row.key].description)
            self.table.setItem(i, COL_KEY, key)
            self.table.setItem(i, COL_VALUE, value)
            self.table.setItem(i, COL_MEANING, meaning)
        self.save_button.setEnabled(True)

    def value_text(self, row: int) -> str:
        item = self.table.item(row, COL_VALUE)
        key = self.table.item(row, COL_KEY).text()
        if SPECS[key].type is bool:
            return "true" if item.checkState() == Qt.CheckState.Checked else "false"
        return item.text()

    def changes(self) -> tuple[tuple[str, Any], ...]:
        """The edited settings as typed values (raises ``ValueError`` naming a bad one)."""
        changed = []
        for row in range(self.table.rowCount()):
            key = self.table.item(row, COL_KEY).text()
            text = self.value_text(row)
            if text != self.loaded.get(key):
                changed.append((key, parse_value(key, text)))
        return tuple(changed)

    def save(self) -> None:
        try:
            changes = self.changes()
        except ValueError as exc:
            self.message.setText(str(exc))
            return
        if not changes:
            self.accept()
            return
        actor = self.actor
        self.save_button.setEnabled(False)
        Op(self, lambda s: save_settings(s, actor, changes), runner=self.runner).success(
            self._saved
        ).failure(self._failed).run()

    def _saved(self, count: int) -> None:
        self.message.setText(self.tr("Saved: %n setting(s)", "", count))
        self.accept()

    def _failed(self, error: OpError) -> None:
        self.save_button.setEnabled(bool(self.loaded))
        self.message.setText(error.message)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Setting"), self.tr("Value"), self.tr("Meaning")]
        )
        self.save_button.setText(self.tr("Save"))
