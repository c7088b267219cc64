"""How the order card is put together: its widgets, their tab order and its actions.

A mixin of ``OrderCardPanel`` (the panel's ``__init__`` calls ``_build`` then
``_build_actions``); no strings here, ``retranslate`` names everything."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui import shortcuts
from ui.models.order_edits import MAX_QUANTITY
from ui.models.order_items import COL_NAME, COL_QTY, OrderItemsModel
from ui.panels.cross_sell.capsule_chip import CapsuleNameDelegate
from ui.panels.order_card.sections import (
    Banner,
    ChecksView,
    CommentsBox,
    CustomerLine,
    DeliveryForm,
    HistoryView,
    StatusChip,
    TotalsBox,
)
from ui.widgets.flow_layout import FlowLayout

ITEM_ROW_HEIGHT = 30
# the call outcomes (their buttons show the key)
WORKFLOW = ("confirm", "no_answer", "call_back", "cancel_order", "set_status")
# shortcuts that only work while the focus is in the card
CARD_ONLY = ("add_item", "remove_item", "choose_store", "revert_order")


class QuantityDelegate(QStyledItemDelegate):
    """A spin box from 1 to ``MAX_QUANTITY`` for the quantity column."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QSpinBox(parent)
        editor.setObjectName("QuantityEditor")
        editor.setRange(1, MAX_QUANTITY)
        editor.setFrame(False)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return editor


class CardLayout:
    """Builds the widgets of ``OrderCardPanel`` (mixin)."""

    def _build(self) -> None:
        # header: number, status, meta
        self.number_label = QLabel(self)
        self.number_label.setObjectName("CardNumber")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_chip = StatusChip(self)
        self.meta_label = QLabel(self)
        self.meta_label.setObjectName("CardMeta")
        self.meta_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        head = QHBoxLayout()
        head.setSpacing(10)
        head.addWidget(self.number_label)
        head.addWidget(self.status_chip)
        head.addWidget(self.meta_label, 1)

        # workflow buttons
        self.actions_bar = QWidget(self)
        self.actions_bar.setObjectName("CardActions")
        self.action_buttons: dict[str, QToolButton] = {}
        # wraps onto a second line in a narrow dock instead of clipping a button
        self._bar = FlowLayout(self.actions_bar, spacing=6)

        self.notice = Banner("NoticeBanner", self)
        self.alert = Banner("AlertBanner", self)

        # body
        self.customer_line = CustomerLine(self)
        self.robot_summary = QLabel(self)
        self.robot_summary.setObjectName("RobotSummary")
        self.robot_summary.setWordWrap(True)
        self.items_title = QLabel(self)
        self.items_title.setObjectName("SectionTitle")
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("AddItemButton")
        self.add_button.setAutoDefault(False)
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("RemoveItemButton")
        self.remove_button.setAutoDefault(False)
        items_head = QHBoxLayout()
        items_head.setSpacing(6)
        items_head.addWidget(self.items_title)
        items_head.addStretch(1)
        items_head.addWidget(self.add_button)
        items_head.addWidget(self.remove_button)

        self.items_model = OrderItemsModel(self)
        self.items_view = QTableView(self)
        self.items_view.setObjectName("OrderItems")
        self.items_view.setModel(self.items_model)
        self.items_view.setItemDelegateForColumn(COL_QTY, QuantityDelegate(self.items_view))
        # the capsule each line came from, as a chip beside the name (issue 6)
        self.capsule_names = CapsuleNameDelegate(self.items_view)
        self.items_view.setItemDelegateForColumn(COL_NAME, self.capsule_names)
        self.items_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.items_view.setAlternatingRowColors(True)
        self.items_view.setShowGrid(False)
        self.items_view.setWordWrap(False)
        self.items_view.setTabKeyNavigation(False)  # Tab moves on to the next field
        self.items_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.items_view.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ITEM_ROW_HEIGHT)
        header = self.items_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.totals = TotalsBox(self)

        self.delivery_title = QLabel(self)
        self.delivery_title.setObjectName("SectionTitle")
        self.delivery = DeliveryForm(self)
        self.comments_title = QLabel(self)
        self.comments_title.setObjectName("SectionTitle")
        self.comments = CommentsBox(self)
        self.checks_title = QLabel(self)
        self.checks_title.setObjectName("SectionTitle")
        self.checks = ChecksView(self)
        self.history_title = QLabel(self)
        self.history_title.setObjectName("SectionTitle")
        self.history = HistoryView(self)

        # Two columns when wide (items and comments left; delivery, checks, history right),
        # one when narrow, where delivery comes right after the totals: _arrange() moves the
        # sections between the columns when the width crosses the line.
        self.items_head = QWidget(self)
        items_head.setContentsMargins(0, 0, 0, 0)
        self.items_head.setLayout(items_head)
        self.main_column = QWidget(self)
        self._main = QVBoxLayout(self.main_column)
        self._main.setContentsMargins(0, 0, 0, 0)
        self._main.setSpacing(6)
        self.side_column = QWidget(self)
        self._side = QVBoxLayout(self.side_column)
        self._side.setContentsMargins(0, 0, 0, 0)
        self._side.setSpacing(6)
        self._wide: bool | None = None

        self.body = QWidget(self)
        self.body.setObjectName("OrderCardBody")
        self.columns = QBoxLayout(QBoxLayout.Direction.TopToBottom, self.body)
        self.columns.setContentsMargins(14, 4, 14, 12)
        self.columns.setSpacing(18)
        self.columns.addWidget(self.main_column, 3)
        self.columns.addWidget(self.side_column, 2)
        self._arrange(wide=False)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.body)

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("EmptyCard")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        # footer: dirty state, discard, save
        self.footer = QWidget(self)
        self.footer.setObjectName("CardFooter")
        self.footer.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.dirty_label = QLabel(self.footer)
        self.dirty_label.setObjectName("DirtyLabel")
        self.discard_button = QPushButton(self.footer)
        self.discard_button.setObjectName("DiscardButton")
        self.discard_button.setAutoDefault(False)
        self.save_button = QPushButton(self.footer)
        self.save_button.setObjectName("SaveButton")
        self.save_button.setAutoDefault(False)
        foot = QHBoxLayout(self.footer)
        foot.setContentsMargins(14, 8, 14, 8)
        foot.setSpacing(8)
        foot.addWidget(self.dirty_label, 1)
        foot.addWidget(self.discard_button)
        foot.addWidget(self.save_button)

        top = QVBoxLayout()
        top.setContentsMargins(14, 10, 14, 6)
        top.setSpacing(8)
        top.addLayout(head)
        top.addWidget(self.actions_bar)
        top.addWidget(self.notice)
        top.addWidget(self.alert)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.footer)

        # tab order: the operator's path through the card, as the single column reads
        path = [
            self.customer_line.name_button,
            self.items_view,
            self.add_button,
            self.remove_button,
            self.delivery.delivery_type,
            self.delivery.cost,
            self.delivery.address,
            self.delivery.store_button,
            self.delivery.payment_status,
            self.delivery.payment_method,
            self.comments.manager_comment,
            self.discard_button,
            self.save_button,
        ]
        for before, after in itertools.pairwise(path):
            QWidget.setTabOrder(before, after)
        self.tab_path = path
        self.setFocusProxy(self.items_view)

        self.customer_line.sig_clicked.connect(self.sig_customer_requested)
        self.items_model.sig_lines_changed.connect(self._lines_changed)
        self.items_model.sig_edit_refused.connect(self._edit_refused)
        self.items_view.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self._update_actions()
        )
        self.delivery.sig_field_edited.connect(self._field_edited)
        self.delivery.sig_store_requested.connect(self.choose_store)
        self.comments.sig_manager_comment_edited.connect(
            lambda text: self._field_edited("manager_comment", text)
        )

    def _arrange(self, wide: bool) -> None:
        """Put the sections in their columns for a wide or a narrow card."""
        if wide == self._wide:
            return
        self._wide = wide
        for column in (self._main, self._side):
            while column.count():
                column.takeAt(0)  # widgets stay alive: they are re-added just below
        head = [self.customer_line, self.robot_summary, self.items_head, self.items_view]
        head.append(self.totals)
        delivery = [self.delivery_title, self.delivery]
        comments = [self.comments_title, self.comments]
        rest = [self.checks_title, self.checks, self.history_title, self.history]
        if wide:
            main, side = [*head, *comments], [*delivery, *rest]
        else:
            main, side = [*head, *delivery, *comments, *rest], []
        for widget in main:
            self._main.addWidget(widget)
        self._main.addStretch(1)
        for widget in side:
            self._side.addWidget(widget)
        self._side.addStretch(1)
        self.side_column.setVisible(wide)
        self.columns.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )

    def _build_actions(self) -> None:
        self.actions: dict[str, QAction] = {}
        handlers = {
            "confirm": self.confirm,
            "no_answer": self.record_no_answer,
            "call_back": self.call_back,
            "cancel_order": self.cancel_order,
            "set_status": self.set_status,
            "save_order": self.save,
            "revert_order": self.discard_changes,
            "add_item": self.add_item,
            "remove_item": self.remove_item,
            "choose_store": self.choose_store,
        }
        for action_id, handler in handlers.items():
            action = QAction(self)
            shortcuts.apply(action, action_id)
            # Workflow keys and Save work anywhere in the window (take next → F3 without
            # moving the focus); item keys only while the card has the focus, so Ctrl+Delete
            # in another panel never removes an order line.
            context = (
                Qt.ShortcutContext.WidgetWithChildrenShortcut
                if action_id in CARD_ONLY
                else Qt.ShortcutContext.WindowShortcut
            )
            action.setShortcutContext(context)
            action.triggered.connect(lambda _checked=False, h=handler: h())
            self.addAction(action)
            self.actions[action_id] = action
        for action_id, name in (
            ("confirm", "ConfirmButton"),
            ("no_answer", "NoAnswerButton"),
            ("call_back", "CallBackButton"),
            ("cancel_order", "CancelButton"),
            ("set_status", "SetStatusButton"),
        ):
            button = QToolButton(self.actions_bar)
            button.setObjectName(name)
            button.setDefaultAction(self.actions[action_id])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            self._bar.addWidget(button)
            self.action_buttons[action_id] = button
        self.add_button.clicked.connect(self.add_item)
        self.remove_button.clicked.connect(self.remove_item)
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(self.discard_changes)
