"""The order card: everything about one order, its edits and the call outcomes, keyboard-first.

Wiring surface (the main window connects these; panels never import each other):

* ``OrderCardPanel(runner, user, *, clock=SYSTEM_CLOCK, timezone="Europe/Moscow",
  drafts=None, parent=None)`` — ``user`` is the ``app.auth.LoggedInUser``; ``drafts`` defaults
  to the user's store for the runner's database (``app.drafts.DraftStore.for_user``).
* Slots: ``show_order(order_id)`` (latest request wins; unsaved edits of the order shown before
  are kept as a draft), ``refresh()``, ``clear()``, ``save()``, ``flush_draft()`` (write pending
  edits now; the panel also does it on application quit).
* Signals: ``sig_order_loaded(int)``, ``sig_order_changed(int)`` (after every saved write),
  ``sig_order_finished(int)`` (confirmed, no answer, call-back scheduled or cancelled: the main
  window may take the next order), ``sig_customer_requested(int)``, ``sig_dirty_changed(bool)``,
  ``sig_status_message(str)`` (for the status bar).
* ``actions``: the panel's QActions by shortcut id (``confirm``, ``no_answer``, ``call_back``,
  ``cancel_order``, ``set_status``, ``save_order``, ``revert_order``, ``add_item``,
  ``remove_item``, ``choose_store``), for the main window's menus. Workflow actions and Save are
  window-wide shortcuts; item actions work while the focus is in the card.

Unsaved edits are never lost: they are written as a draft (debounced) while the operator types,
kept when the database is unreachable (banner + "Retry save"), offered again when the order is
opened (also after a restart), and shown against the others' version on a conflict."""

from __future__ import annotations

import datetime as dt
import itertools
import logging
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
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

from app.actors import Actor
from app.auth import LoggedInUser
from app.clock import SYSTEM_CLOCK, Clock
from app.drafts import DraftStore, OrderDraft
from app.orders.card import OfferHit, OrderCard, StatusLabel, StoreChoice
from ui import i18n, shortcuts
from ui.dialogs.callback import CallbackDialog
from ui.dialogs.cancel import CancelDialog
from ui.dialogs.conflict import KEEP_MINE, TAKE_THEIRS, ConflictDialog, ConflictRow
from ui.dialogs.offer_picker import OfferPickerDialog
from ui.dialogs.set_status import SetStatusDialog
from ui.dialogs.store_picker import StorePickerDialog
from ui.formatting import format_rub, format_time, operator_zone
from ui.models.order_items import (
    COL_DISCOUNT,
    COL_FREE,
    COL_NAME,
    COL_PRICE,
    COL_QTY,
    COL_TOTAL,
    COL_VARIANT,
    OrderItemsModel,
)
from ui.models.order_table import SOURCE_LABELS
from ui.ops import ErrorKind, Lane, Op, OpError, OpRunner
from ui.panels.order_card import labels as L
from ui.panels.order_card import work
from ui.panels.order_card.edits import EDIT_FIELDS, MAX_QUANTITY, OrderEdits, parse_money
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

log = logging.getLogger(__name__)

ITEM_ROW_HEIGHT = 30
MAX_VISIBLE_ITEMS = 8
DRAFT_DELAY_MS = 400
#: below this width the card is one column; above, delivery/checks/history move to the right
TWO_COLUMNS_FROM = 1100
CALLBACK_STATUSES = frozenset({"new", "needs_confirmation", "no_answer"})
FINISHING = frozenset({"confirm", "no_answer", "callback", "cancel"})
_WORKFLOW = ("confirm", "no_answer", "call_back", "cancel_order", "set_status")
_CARD_ONLY = ("add_item", "remove_item", "choose_store", "revert_order")

_STYLE = """
#OrderCardPanel { background: #ffffff; }
#OrderCardPanel QScrollArea, #OrderCardBody { background: #ffffff; border: none; }
#CardNumber { font-size: 14pt; font-weight: 600; }
#CardMeta, #SectionHint, #CustomerDetails, #TotalCaption { color: #64748b; }
#SectionTitle { font-size: 10pt; font-weight: 600; color: #0f172a; padding-top: 6px; }
#FieldCaption { color: #475569; font-weight: 600; }
#CustomerLink { border: none; padding: 0 2px; font-size: 11pt; font-weight: 600;
                color: #1d4ed8; text-align: left; background: transparent; }
#CustomerLink:focus { text-decoration: underline; }
#CustomerLink:disabled { color: #0f172a; }
#CustomerComment { background: #f8fafc; border: 1px solid #e2e8f0; border-radius: 4px;
                   padding: 6px 8px; }
#CustomerComment[empty="true"] { color: #94a3b8; }
#GrandTotal, #GrandTotalCaption { font-size: 11pt; font-weight: 700; color: #0f172a; }
#CardActions QToolButton { background: #ffffff; border: 1px solid #cbd5e1; border-radius: 4px;
                           padding: 4px 10px; }
#CardActions QToolButton:hover { border-color: #2563eb; color: #1d4ed8; }
#CardActions QToolButton:disabled { color: #94a3b8; border-color: #e2e8f0; }
#CardActions QToolButton#ConfirmButton:enabled { background: #16a34a; border-color: #16a34a;
                                                 color: #ffffff; font-weight: 600; }
#CardFooter { background: #f8fafc; border-top: 1px solid #e2e8f0; }
#DirtyLabel { color: #92400e; font-weight: 600; }
QPushButton#SaveButton:enabled { background: #2563eb; border-color: #2563eb; color: #ffffff; }
#NoticeBanner, #AlertBanner { border-radius: 4px; }
#NoticeBanner[kind="info"], #AlertBanner[kind="info"] { background: #eff6ff;
                                                         border: 1px solid #bfdbfe; }
#NoticeBanner[kind="warning"], #AlertBanner[kind="warning"] { background: #fffbeb;
                                                               border: 1px solid #fcd34d; }
#NoticeBanner[kind="error"], #AlertBanner[kind="error"] { background: #fef2f2;
                                                           border: 1px solid #fca5a5; }
QLineEdit[invalid="true"] { border: 1px solid #dc2626; background: #fef2f2; }
#FieldError { color: #b91c1c; }
#EmptyCard { color: #94a3b8; font-size: 11pt; }
#RobotChecks, #StatusHistory { border: 1px solid #e2e8f0; border-radius: 4px;
                               background: #ffffff; alternate-background-color: #f8fafc; }
#RobotChecks::item, #StatusHistory::item { height: 24px; padding: 0 4px; }
"""


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


class OrderCardPanel(QWidget):
    """One order, editable; see the module docstring for the wiring surface."""

    #: the card now shows this order (after show_order/refresh, a save or an outcome)
    sig_order_loaded = Signal(int)
    #: this order was written by the card (saved edits, an outcome): lists should refresh
    sig_order_changed = Signal(int)
    #: the operator is done with this order (confirmed, no answer, call back, cancelled)
    sig_order_finished = Signal(int)
    #: the operator asked for the customer's profile (customer id)
    sig_customer_requested = Signal(int)
    #: the card has (True) or no longer has (False) unsaved edits
    sig_dirty_changed = Signal(bool)
    #: a short message for the status bar
    sig_status_message = Signal(str)

    def __init__(
        self,
        runner: OpRunner,
        user: LoggedInUser,
        *,
        clock: Clock = SYSTEM_CLOCK,
        timezone: str = "Europe/Moscow",
        drafts: DraftStore | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("OrderCardPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_STYLE)
        self.runner = runner
        self.user = user
        self.actor = Actor(user.id, user.role, user.name)
        self.clock = clock
        self.zone_name = timezone
        self.zone = operator_zone(timezone)
        if drafts is None and runner.database_url is not None:
            drafts = DraftStore.for_user(runner.database_url, user.id)
        self.drafts = drafts
        self.language = i18n.current_language()

        self.order_id: int | None = None
        self.card: OrderCard | None = None
        self.edits: OrderEdits | None = None
        self.offered_draft: OrderDraft | None = None
        self.busy = False
        self._was_dirty = False
        self._status_names: dict[str, tuple[str, str]] = {}
        self._revisions = itertools.count(1)
        self._retry_outcome: work.Outcome | None = None
        self._retry_pending = False
        self.dialog: QWidget | None = None  # the dialog open now (tests drive it)

        self._build()
        self._build_actions()
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self._write_draft_later)
        self._age_timer = QTimer(self)
        self._age_timer.setInterval(60_000)  # "2 h ago" stays true while the card is open
        self._age_timer.timeout.connect(self._show_header)
        self._age_timer.start()
        runner.sig_connection_changed.connect(self._connection_changed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.flush_draft)
        self.retranslate()
        self._show_card()

    # ------------------------------------------------------------------------------------------
    # construction
    # ------------------------------------------------------------------------------------------
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
        bar = QHBoxLayout(self.actions_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(6)
        self._bar = bar

        self.notice = Banner("NoticeBanner", self)
        self.alert = Banner("AlertBanner", self)

        # body
        self.customer_line = CustomerLine(self)
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

        self.main_column = QWidget(self)
        main = QVBoxLayout(self.main_column)
        main.setContentsMargins(0, 0, 0, 0)
        main.setSpacing(6)
        main.addWidget(self.customer_line)
        main.addLayout(items_head)
        main.addWidget(self.items_view)
        main.addWidget(self.totals)
        main.addWidget(self.comments_title)
        main.addWidget(self.comments)
        main.addStretch(1)
        self.side_column = QWidget(self)
        side = QVBoxLayout(self.side_column)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(6)
        side.addWidget(self.delivery_title)
        side.addWidget(self.delivery)
        side.addWidget(self.checks_title)
        side.addWidget(self.checks)
        side.addWidget(self.history_title)
        side.addWidget(self.history)
        side.addStretch(1)

        self.body = QWidget(self)
        self.body.setObjectName("OrderCardBody")
        self.columns = QBoxLayout(QBoxLayout.Direction.TopToBottom, self.body)
        self.columns.setContentsMargins(14, 4, 14, 12)
        self.columns.setSpacing(18)
        self.columns.addWidget(self.main_column, 3)
        self.columns.addWidget(self.side_column, 2)
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

        # tab order: the operator's path through the card
        QWidget.setTabOrder(self.customer_line.name_button, self.items_view)
        QWidget.setTabOrder(self.items_view, self.add_button)
        QWidget.setTabOrder(self.add_button, self.remove_button)
        QWidget.setTabOrder(self.remove_button, self.comments.manager_comment)
        QWidget.setTabOrder(self.comments.manager_comment, self.delivery.delivery_type)
        QWidget.setTabOrder(self.delivery.delivery_type, self.delivery.cost)
        QWidget.setTabOrder(self.delivery.cost, self.delivery.address)
        QWidget.setTabOrder(self.delivery.address, self.delivery.store_button)
        QWidget.setTabOrder(self.delivery.store_button, self.delivery.payment_status)
        QWidget.setTabOrder(self.delivery.payment_status, self.delivery.payment_method)
        QWidget.setTabOrder(self.delivery.payment_method, self.discard_button)
        QWidget.setTabOrder(self.discard_button, self.save_button)
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
                if action_id in _CARD_ONLY
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
        self._bar.addStretch(1)
        self.add_button.clicked.connect(self.add_item)
        self.remove_button.clicked.connect(self.remove_item)
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(self.discard_changes)

    # ------------------------------------------------------------------------------------------
    # language and layout
    # ------------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.language = i18n.current_language()
        titles = {
            "confirm": self.tr("Confirm"),
            "no_answer": self.tr("No answer"),
            "call_back": self.tr("Call back at…"),
            "cancel_order": self.tr("Cancel…"),
            "set_status": self.tr("Set status…"),
            "save_order": self.tr("Save"),
            "revert_order": self.tr("Discard my changes"),
            "add_item": self.tr("Add item…"),
            "remove_item": self.tr("Remove item"),
            "choose_store": self.tr("Choose store…"),
        }
        for action_id, text in titles.items():
            action = self.actions[action_id]
            action.setText(text)
            action.setToolTip(shortcuts.tooltip(action_id, text))
            key = shortcuts.BY_ID[action_id].native_text()
            # the buttons show their key: an operator learns F3 by seeing it every call
            action.setIconText(f"{text}  {key}" if action_id in _WORKFLOW else text)
        key = shortcuts.BY_ID
        self.add_button.setText(self.tr("Add item…"))
        self.add_button.setToolTip(shortcuts.tooltip("add_item", self.tr("Add item…")))
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setToolTip(shortcuts.tooltip("remove_item", self.tr("Remove item")))
        self.save_button.setText(self.tr("Save") + "  " + key["save_order"].native_text())
        self.save_button.setToolTip(shortcuts.tooltip("save_order", self.tr("Save")))
        self.discard_button.setText(self.tr("Discard my changes"))
        self.discard_button.setToolTip(
            shortcuts.tooltip("revert_order", self.tr("Discard my changes"))
        )
        self.delivery.store_button.setText(self.tr("Choose…"))
        self.delivery.store_button.setToolTip(
            shortcuts.tooltip("choose_store", self.tr("Choose store…"))
        )
        self.items_title.setText(self.tr("Items"))
        self.delivery_title.setText(self.tr("Delivery and payment"))
        self.comments_title.setText(self.tr("Comments"))
        self.checks_title.setText(self.tr("Robot checks"))
        self.history_title.setText(self.tr("Status history"))
        self.empty_label.setText(
            self.tr("No order open. Take the next one (F2) or pick one in the queue.")
        )
        self.items_model.set_language(self.language)
        self._fit_item_columns()
        if self.card is not None:
            self._show_card()
        else:
            self._show_dirty()

    def _fit_item_columns(self) -> None:
        metrics = self.items_view.fontMetrics()
        pad = 22
        money = metrics.horizontalAdvance(format_rub(Decimal("99999.99"), self.language))
        model = self.items_model
        widths = {
            COL_VARIANT: metrics.horizontalAdvance("тёмно-синий / 128") + pad,
            COL_PRICE: money + pad,
            COL_QTY: metrics.horizontalAdvance("999") + 40,
            COL_DISCOUNT: money + pad,
            COL_TOTAL: money + pad,
            COL_FREE: metrics.horizontalAdvance("9999") + pad,
        }
        for column, width in widths.items():
            header = str(model.headerData(column, Qt.Orientation.Horizontal))
            self.items_view.setColumnWidth(
                column, max(width, metrics.horizontalAdvance(header) + pad + 8)
            )

    def resizeEvent(self, event: QResizeEvent) -> None:
        wide = event.size().width() >= TWO_COLUMNS_FROM
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)
        super().resizeEvent(event)

    # ------------------------------------------------------------------------------------------
    # loading
    # ------------------------------------------------------------------------------------------
    def show_order(self, order_id: int) -> None:
        """Show ``order_id`` (loaded off the UI thread; the latest request wins). Unsaved
        edits of the order shown before are kept as its draft and offered when it reopens;
        asking for the order already shown reloads it and keeps its edits."""
        if self.order_id is not None and order_id != self.order_id:
            self.flush_draft()
            self.edits = None
            self.card = None
            self.offered_draft = None
            self.notice.clear()
            self.alert.clear()
        self.order_id = order_id
        self._load(order_id)

    def refresh(self) -> None:
        """Reload the order shown (edits kept)."""
        if self.order_id is not None:
            self._load(self.order_id)

    def clear(self) -> None:
        """Show no order (pending edits are kept as a draft)."""
        self.flush_draft()
        self.order_id = None
        self.card = None
        self.edits = None
        self.offered_draft = None
        self.notice.clear()
        self.alert.clear()
        self._show_card()

    def _load(self, order_id: int) -> None:
        role, drafts, with_labels = self.user.role, self.drafts, not self._status_names
        Op(
            self,
            lambda s: work.load(s, order_id, role, drafts, with_labels),
            key="card",
            runner=self.runner,
        ).success(self._loaded).failure(self._load_failed).run()

    def _loaded(self, loaded: work.Loaded) -> None:
        card = loaded.card
        if card.id != self.order_id:
            return
        if loaded.labels is not None:
            self._remember_labels(loaded.labels)
        if self.alert.objectName() and self.alert.property("load_failed"):
            self.alert.clear()
            self.alert.setProperty("load_failed", False)
        self.card = card
        if self.edits is not None and self.edits.order_id == card.id and self.edits.is_dirty():
            # the same order again (refresh, someone else's change): keep my edits; the
            # version I edited stays the expected one, so Save shows their change as a conflict
            self.edits.card = card
            if self.edits.stale:
                self.notice.show_message(
                    "warning",
                    self.tr(
                        "Someone else changed this order while you were editing. Your changes "
                        "are kept; Save will show both versions."
                    ),
                )
        else:
            self.edits = OrderEdits(card)
            draft = loaded.draft
            if draft is not None and draft.user_id == self.user.id:
                self._offer_draft(draft)
        self._show_card()
        self.sig_order_loaded.emit(card.id)
        if self.dirty and card.shipping_store_id is not None:
            self._refresh_free_stock()

    def _load_failed(self, error: OpError) -> None:
        if error.kind is ErrorKind.DATABASE_UNAVAILABLE:
            text = self.tr("No connection to the database — the order could not be loaded.")
        else:
            text = error.message
        self.alert.show_message(
            "error", text, (("RetryLoadButton", self.tr("Try again"), self.refresh),)
        )
        self.alert.setProperty("load_failed", True)
        self.sig_status_message.emit(error.message)

    def _remember_labels(self, labels: tuple[StatusLabel, ...]) -> None:
        self._status_names = {s.code: (s.name_ru, s.name_en) for s in labels}

    def status_name(self, code: str | None) -> str:
        if not code:
            return ""
        names = self._status_names.get(code)
        if names is None:
            if self.card is not None and code == self.card.status:
                names = (self.card.status_name_ru, self.card.status_name_en)
            else:
                return code
        return names[0] if self.language == "ru" else names[1]

    # ------------------------------------------------------------------------------------------
    # showing
    # ------------------------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self.edits is not None and self.edits.is_dirty()

    @property
    def locked_by(self) -> str | None:
        """The name of another operator who holds the order (None: free or mine)."""
        card = self.card
        if card is None or card.lease_holder_id in (None, self.user.id):
            return None
        if self.user.sees_everyone:
            return None  # supervisors may step in
        return card.lease_holder_name or "?"

    def _show_card(self) -> None:
        has = self.card is not None and self.edits is not None
        self.scroll.setVisible(has)
        self.empty_label.setVisible(not has)
        for widget in (self.number_label, self.status_chip, self.meta_label, self.actions_bar):
            widget.setVisible(has)
        if not has:
            self.items_model.set_edits(None, False)
            self._show_dirty()
            self._update_actions()
            return
        assert self.card is not None and self.edits is not None
        card, edits = self.card, self.edits
        self._show_header()
        self.customer_line.show_customer(card.customer, card.contact_name, card.contact_phone)
        editable = self.locked_by is None and self.offered_draft is None
        self.items_model.set_edits(edits, editable and edits.content_editable)
        self._fit_items_height()
        self.delivery.fill(
            {name: edits.value(name) for name in EDIT_FIELDS},
            self._store_text(),
            enabled=editable,
            content_editable=edits.content_editable,
            language=self.language,
        )
        self.comments.fill(card.customer_comment, edits.value("manager_comment"), editable)
        self.checks.show_checks(card.robot_checks)
        self.history.show_history(card.history, self.status_name, self.zone, self.language)
        self._show_totals()
        self._show_dirty()
        self._update_actions()

    def _show_header(self) -> None:
        card = self.card
        if card is None:
            return
        self.number_label.setText(card.number)
        self.status_chip.set_status(card.status, self.status_name(card.status))
        source = QCoreApplication.translate(
            "OrderSource", SOURCE_LABELS.get(card.source, card.source)
        )
        parts = [source, self._age(card.created_at)]
        if card.lease_holder_id == self.user.id:
            parts.append(self.tr("yours"))
        elif card.lease_holder_id is not None:
            parts.append(self.tr("taken by %1").replace("%1", card.lease_holder_name or "?"))
        if card.no_answer_attempts:
            parts.append(self.tr("no answer: %n attempt(s)", "", card.no_answer_attempts))
        if card.next_attempt_at is not None:
            parts.append(self.tr("next call %1").replace("%1", self._time(card.next_attempt_at)))
        if card.callback_at is not None:
            parts.append(self.tr("call back at %1").replace("%1", self._time(card.callback_at)))
        if card.reserve_until is not None:
            parts.append(self.tr("reserved until %1").replace("%1", self._time(card.reserve_until)))
        if card.cancel_reason:
            parts.append(self.tr("reason: %1").replace("%1", card.cancel_reason))
        text = "  ·  ".join(parts)
        self.meta_label.setText(text)
        self.meta_label.setToolTip(
            self.tr("Created %1").replace("%1", self._time(card.created_at)) + "\n" + text
        )

    def _time(self, value: dt.datetime) -> str:
        return format_time(value, self.zone, self.language)

    def _age(self, created: dt.datetime) -> str:
        seconds = max(0, int((self.clock.now() - created).total_seconds()))
        if seconds < 60:
            return self.tr("just now")
        if seconds < 3600:
            return self.tr("%n min ago", "", seconds // 60)
        if seconds < 48 * 3600:
            return self.tr("%n h ago", "", seconds // 3600)
        return self.tr("%n day(s) ago", "", seconds // 86400)

    def _store_text(self) -> str:
        assert self.edits is not None
        name = self.edits.store_name()
        if self.edits.value("shipping_store_id") is None:
            return self.tr("No store chosen")
        lines = self.edits.lines
        full = sum(1 for ln in lines if ln.free_at_store is not None and not ln.short)
        known = all(ln.free_at_store is not None for ln in lines)
        text = name or self.tr("Store #%1").replace(
            "%1", str(self.edits.value("shipping_store_id"))
        )
        if lines and known:
            text += "  ·  " + self.tr("%1 of %2 items").replace("%1", str(full)).replace(
                "%2", str(len(lines))
            )
        return text

    def _fit_items_height(self) -> None:
        rows = max(1, min(self.items_model.rowCount(), MAX_VISIBLE_ITEMS))
        header = self.items_view.horizontalHeader().sizeHint().height()
        self.items_view.setFixedHeight(header + rows * ITEM_ROW_HEIGHT + 4)

    def _show_totals(self) -> None:
        if self.edits is not None:
            self.totals.show_totals(self.edits.totals(), self.language)

    def _show_dirty(self) -> None:
        dirty = self.dirty
        if self.busy:
            self.dirty_label.setText(self.tr("Saving…"))
        elif dirty:
            stale = self.edits is not None and self.edits.stale
            self.dirty_label.setText(
                self.tr("Unsaved changes (made on an older version)")
                if stale
                else self.tr("Unsaved changes")
            )
        else:
            self.dirty_label.setText("")
        if dirty != self._was_dirty:
            self._was_dirty = dirty
            self.sig_dirty_changed.emit(dirty)

    def _update_actions(self) -> None:
        card, edits = self.card, self.edits
        has = card is not None and edits is not None
        idle = not self.busy
        free = self.locked_by is None
        allowed = set(card.allowed_statuses) if card is not None else set()
        can_act = has and idle and free
        enable = {
            "confirm": can_act and "confirmed" in allowed,
            "no_answer": can_act and "no_answer" in allowed,
            "call_back": can_act and card is not None and card.status in CALLBACK_STATUSES,
            "cancel_order": can_act and "cancelled" in allowed,
            "set_status": can_act and bool(allowed),
            "save_order": can_act and self.dirty and self.offered_draft is None,
            "revert_order": has and idle and self.dirty,
            "add_item": can_act
            and edits is not None
            and edits.content_editable
            and self.offered_draft is None,
            "remove_item": can_act
            and edits is not None
            and edits.content_editable
            and self.offered_draft is None
            and self.items_view.currentIndex().isValid(),
            "choose_store": can_act
            and edits is not None
            and edits.content_editable
            and self.offered_draft is None,
        }
        for action_id, on in enable.items():
            self.actions[action_id].setEnabled(bool(on))
        self.add_button.setEnabled(enable["add_item"])
        self.remove_button.setEnabled(enable["remove_item"])
        self.save_button.setEnabled(enable["save_order"])
        self.discard_button.setEnabled(enable["revert_order"])
        holder = self.locked_by
        for action_id in _WORKFLOW:
            button = self.action_buttons[action_id]
            button.setToolTip(
                self.tr("Taken by %1: only they can work this order now").replace("%1", holder)
                if holder
                else self.actions[action_id].toolTip()
            )

    # ------------------------------------------------------------------------------------------
    # editing
    # ------------------------------------------------------------------------------------------
    def _field_edited(self, name: str, value: Any) -> None:
        if self.edits is None:
            return
        if name == "delivery_cost":
            try:
                value = parse_money(str(value))
            except ValueError:
                self.delivery.mark_cost(
                    False, self.tr("Type an amount in roubles, e.g. 350 or 350,50")
                )
                return
            self.delivery.mark_cost(True)
        if self.edits.set_field(name, value):
            if name == "delivery_cost":
                self._show_totals()
            self._edits_changed()

    def _lines_changed(self) -> None:
        self._fit_items_height()
        self._show_totals()
        self.delivery.store_label.setText(self._store_text())
        self._edits_changed()

    def _edit_refused(self, message: str) -> None:
        self.sig_status_message.emit(message)
        self.alert.show_message("warning", message)
        QTimer.singleShot(6000, self, lambda: self._clear_alert_if(message))

    def _clear_alert_if(self, message: str) -> None:
        if self.alert.label.text() == message:
            self.alert.clear()

    def _edits_changed(self) -> None:
        self._show_dirty()
        self._update_actions()
        if self.dirty:
            self._draft_timer.start()
        else:
            self._draft_timer.stop()
            self._remove_draft()

    # ------------------------------------------------------------------------------------------
    # drafts
    # ------------------------------------------------------------------------------------------
    def _snapshot(self) -> OrderDraft | None:
        if self.edits is None or not self.edits.is_dirty():
            return None
        return self.edits.to_draft(self.user.id, self.clock.now())

    def _write_draft_later(self) -> None:
        draft, store = self._snapshot(), self.drafts
        if draft is None or store is None:
            return
        revision = next(self._revisions)
        self._in_background(lambda: store.write(draft, revision))

    def flush_draft(self) -> None:
        """Write the pending edits now (switching orders, quitting). Synchronous on purpose:
        a few hundred bytes, and the process may be about to end."""
        self._draft_timer.stop()
        draft, store = self._snapshot(), self.drafts
        if draft is None or store is None:
            return
        try:
            store.write(draft, next(self._revisions))
        except OSError as exc:
            log.error("could not keep the draft of order %s: %s", draft.order_number, exc)

    def _remove_draft(self) -> None:
        store, order_id = self.drafts, self.order_id
        if store is None or order_id is None:
            return
        revision = next(self._revisions)
        self._in_background(lambda: store.remove(order_id, revision))

    def _in_background(self, fn: Any) -> None:
        """Draft file work off the UI thread (never queued behind an unreachable database);
        once the runner is shut down (the window closing) it is done right here instead: a
        draft must not be lost on the way out."""
        try:
            Op(self, fn, lane=Lane.BACKGROUND, runner=self.runner).success(
                lambda _ok: None
            ).failure(self._draft_failed).run()
        except RuntimeError:
            try:
                fn()
            except OSError as exc:
                log.error("draft file: %s", exc)

    def _draft_failed(self, error: OpError) -> None:
        log.error("draft file: %s", error.detail)
        self.sig_status_message.emit(
            self.tr("Could not keep a copy of your changes on disk: %1").replace(
                "%1", error.message
            )
        )

    def _offer_draft(self, draft: OrderDraft) -> None:
        assert self.edits is not None
        probe = OrderEdits.from_draft(self.edits.card, draft)
        if not probe.is_dirty() and not probe.stale:
            self._remove_draft()  # nothing in it differs from the order: nothing to offer
            return
        self.offered_draft = draft
        when = draft.saved_at.astimezone(self.zone)
        today = self.clock.now().astimezone(self.zone).date()
        stamp = when.strftime("%H:%M") if when.date() == today else self._time(draft.saved_at)
        text = self.tr("You have unsaved changes from %1.").replace("%1", stamp)
        if draft.expected_version != self.edits.card.version:
            text += " " + self.tr(
                "The order has changed since; saving them will show both versions."
            )
        self.notice.show_message(
            "info",
            text,
            (
                ("RestoreDraftButton", self.tr("Restore"), self.restore_draft),
                ("DiscardDraftButton", self.tr("Discard"), self.discard_draft),
            ),
        )
        button = self.notice.button("RestoreDraftButton")
        if button is not None:
            button.setFocus()  # Enter restores, Tab + Enter discards

    def restore_draft(self) -> None:
        """Put the offered draft's edits back into the form."""
        draft, card = self.offered_draft, self.card
        if draft is None or card is None:
            return
        self.offered_draft = None
        self.notice.clear()
        self.edits = OrderEdits.from_draft(card, draft)
        self._show_card()
        self._refresh_free_stock()
        self._edits_changed()
        self.sig_status_message.emit(self.tr("Your unsaved changes are back"))
        self.items_view.setFocus()

    def discard_draft(self) -> None:
        """Drop the offered draft (the order stays as saved)."""
        if self.offered_draft is None:
            return
        self.offered_draft = None
        self.notice.clear()
        self._remove_draft()
        self._show_card()
        self.items_view.setFocus()

    # ------------------------------------------------------------------------------------------
    # items and store
    # ------------------------------------------------------------------------------------------
    def add_item(self) -> None:
        """Open the offer picker (Ctrl+I); Enter in it adds the selected offer."""
        if not self.actions["add_item"].isEnabled() or self.edits is None:
            return
        dialog = OfferPickerDialog(
            self.runner,
            store_name=self.edits.store_name() if self.edits.value("shipping_store_id") else None,
            language=self.language,
            parent=self,
        )
        dialog.sig_offer_chosen.connect(self._offer_chosen)
        self._open(dialog)

    def _offer_chosen(self, hit: OfferHit, quantity: int, free: int | None) -> None:
        if self.edits is None:
            return
        row = self.items_model.add_offer(hit, quantity, free)
        self.items_view.selectRow(row)
        self.items_view.setFocus()
        self._refresh_free_stock()
        self.sig_status_message.emit(self.tr("Added %1").replace("%1", hit.name))

    def remove_item(self) -> None:
        """Remove the selected line (Ctrl+Delete)."""
        if not self.actions["remove_item"].isEnabled():
            return
        row = self.items_view.currentIndex().row()
        if row < 0:
            return
        self.items_model.remove_row(row)
        if self.items_model.rowCount():
            self.items_view.selectRow(min(row, self.items_model.rowCount() - 1))
        self._update_actions()

    def choose_store(self) -> None:
        """Rank the city's stores for the lines as edited, then let the operator pick one."""
        if not self.actions["choose_store"].isEnabled() or self.edits is None:
            return
        from app.orders.card import stores_for_order

        order_id, wanted = self.edits.order_id, self.edits.wanted()
        self.sig_status_message.emit(self.tr("Looking up stock in the stores…"))
        Op(
            self,
            lambda s: tuple(stores_for_order(s, order_id, wanted=wanted)),
            key="stores",
            runner=self.runner,
        ).success(self._stores_ranked).failure(self._op_failed).run()

    def _stores_ranked(self, choices: tuple[StoreChoice, ...]) -> None:
        if self.edits is None:
            return
        dialog = StorePickerDialog(
            choices,
            current_store_id=self.edits.value("shipping_store_id"),
            item_count=len(self.edits.wanted()),
            parent=self,
        )
        dialog.sig_store_chosen.connect(self._store_chosen)
        self._open(dialog)

    def _store_chosen(self, store_id: int, name: str) -> None:
        if self.edits is None:
            return
        if self.edits.set_field("shipping_store_id", store_id, label=name):
            self.delivery.store_label.setText(self._store_text())
            self._refresh_free_stock()
            self._edits_changed()

    def _refresh_free_stock(self) -> None:
        """Free stock of the lines at the shipping store as edited (after a store change or
        an added line)."""
        edits = self.edits
        if edits is None:
            return
        store_id = edits.value("shipping_store_id")
        if store_id is None:
            edits.set_free_stock(None)
            self.items_model.refresh()
            return
        from app.orders.card import free_stock

        offers = tuple(sorted({ln.offer_id for ln in edits.lines}))
        order_id = edits.order_id

        def apply(free: tuple[tuple[int, int], ...]) -> None:
            if self.edits is None or self.edits.order_id != order_id:
                return
            if self.edits.value("shipping_store_id") != store_id:
                return  # the store changed again meanwhile: a newer answer is coming
            self.edits.set_free_stock(dict(free))
            self.items_model.refresh()
            self.delivery.store_label.setText(self._store_text())

        Op(
            self, lambda s: free_stock(s, store_id, offers), key="free-stock", runner=self.runner
        ).success(apply).failure(lambda e: self.sig_status_message.emit(e.message)).run()

    # ------------------------------------------------------------------------------------------
    # save and outcomes
    # ------------------------------------------------------------------------------------------
    def save(self) -> None:
        """Save the edits (Ctrl+S) against the version they were made on."""
        if not self.actions["save_order"].isEnabled():
            return
        self._write(None)

    def confirm(self) -> None:
        """The customer agreed (F3). Unsaved edits are saved first, in the same transaction."""
        if self.actions["confirm"].isEnabled():
            self._write(work.Outcome("confirm"))

    def record_no_answer(self) -> None:
        """The customer did not pick up (F4)."""
        if self.actions["no_answer"].isEnabled():
            self._write(work.Outcome("no_answer"))

    def call_back(self) -> None:
        """Schedule a call back (F6): a time in the operator's zone, stored in UTC."""
        if not self.actions["call_back"].isEnabled():
            return
        dialog = CallbackDialog(
            now=self.clock.now(), zone=self.zone, zone_name=self.zone_name, parent=self
        )
        dialog.sig_callback_requested.connect(
            lambda when, comment: self._write(
                work.Outcome("callback", comment=comment or None, when=when)
            )
        )
        self._open(dialog)

    def cancel_order(self) -> None:
        """Cancel (F8): the dialog insists on a reason."""
        if not self.actions["cancel_order"].isEnabled() or self.card is None:
            return
        dialog = CancelDialog(self.card.number, parent=self)
        dialog.sig_cancel_requested.connect(
            lambda reason, comment: self._write(
                work.Outcome("cancel", reason=reason, comment=comment or None)
            )
        )
        self._open(dialog)

    def set_status(self) -> None:
        """Set status (F9): only what the transition matrix allows this user now."""
        if not self.actions["set_status"].isEnabled() or self.card is None:
            return
        allowed = tuple((code, self.status_name(code)) for code in self.card.allowed_statuses)
        dialog = SetStatusDialog(
            allowed, current_name=self.status_name(self.card.status), parent=self
        )
        dialog.sig_status_requested.connect(
            lambda code, comment, reason: self._write(
                work.Outcome("status", comment=comment or None, reason=reason or None, status=code)
            )
        )
        self._open(dialog)

    def _open(self, dialog: QWidget) -> None:
        from PySide6.QtWidgets import QDialog

        assert isinstance(dialog, QDialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(lambda _r, d=dialog: self._dialog_closed(d))
        dialog.open()  # window-modal, no nested event loop

    def _dialog_closed(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _set_busy(self, busy: bool) -> None:
        """While a write runs the form is read-only: an edit typed meanwhile could not be told
        apart from the saved ones when the saved order comes back."""
        self.busy = busy
        if busy:
            self._focus_before = self.focusWidget()
            self.body.setEnabled(False)
        else:
            self.body.setEnabled(True)
            focus = getattr(self, "_focus_before", None)
            if focus is not None and focus.isVisible() and focus.isEnabled():
                focus.setFocus()
            self._focus_before = None

    def _write(self, outcome: work.Outcome | None) -> None:
        edits = self.edits
        if edits is None or self.busy:
            return
        fields, items = edits.save_args() if edits.is_dirty() else ({}, None)
        if outcome is None and not fields and items is None:
            return
        self._set_busy(True)
        self._retry_outcome = outcome
        self._show_dirty()
        self._update_actions()
        order_id, actor, clock, role = edits.order_id, self.actor, self.clock, self.user.role
        expected = edits.expected_version
        Op(
            self,
            lambda s: work.write(
                s,
                order_id,
                actor,
                clock,
                role=role,
                expected_version=expected,
                fields=fields,
                items=items,
                outcome=outcome,
            ),
            runner=self.runner,
        ).success(lambda r: self._written(r, outcome)).failure(
            lambda e: self._write_failed(e, outcome)
        ).run()

    def _written(self, result: work.WriteResult, outcome: work.Outcome | None) -> None:
        self._set_busy(False)
        if result.conflict is not None:
            self._conflict(result.conflict, outcome)
            return
        card = result.card
        assert card is not None
        self._retry_outcome = None
        self.alert.clear()
        self.notice.clear()
        self._draft_timer.stop()
        self._remove_draft()
        if self.order_id == card.id:
            self.card = card
            self.edits = OrderEdits(card)
            self._show_card()
            if card.shipping_store_id is not None:
                self._refresh_free_stock()
        self.sig_status_message.emit(self._done_message(card, outcome, result))
        self.sig_order_changed.emit(card.id)
        if (outcome is not None and outcome.kind in FINISHING) or (
            outcome is not None
            and outcome.kind == "status"
            and card.status
            in (
                "confirmed",
                "cancelled",
                "no_answer",
            )
        ):
            self.sig_order_finished.emit(card.id)
        self.sig_order_loaded.emit(card.id)

    def _done_message(
        self, card: OrderCard, outcome: work.Outcome | None, result: work.WriteResult
    ) -> str:
        number = card.number
        if outcome is None:
            return self.tr("Order %1 saved").replace("%1", number)
        if outcome.kind == "confirm":
            return self.tr("Order %1 confirmed").replace("%1", number)
        if outcome.kind == "no_answer":
            if result.auto_cancelled:
                return (
                    self.tr("Order %1: no answer %2 times — cancelled, the customer is told")
                    .replace("%1", number)
                    .replace("%2", str(result.attempts))
                )
            return (
                self.tr("Order %1: no answer recorded (attempt %2)")
                .replace("%1", number)
                .replace("%2", str(result.attempts))
            )
        if outcome.kind == "callback" and outcome.when is not None:
            return (
                self.tr("Order %1: call back at %2")
                .replace("%1", number)
                .replace("%2", self._time(outcome.when))
            )
        if outcome.kind == "cancel":
            return self.tr("Order %1 cancelled").replace("%1", number)
        return (
            self.tr("Order %1 is now “%2”")
            .replace("%1", number)
            .replace("%2", self.status_name(card.status))
        )

    def _write_failed(self, error: OpError, outcome: work.Outcome | None) -> None:
        self._set_busy(False)
        self._show_dirty()
        self._update_actions()
        if error.kind is ErrorKind.DATABASE_UNAVAILABLE:
            self.flush_draft()  # now, not after the debounce: the console may be closed next
            retry = self.tr("Retry save") if self.dirty or outcome is None else self.tr("Retry")
            self.alert.show_message(
                "error",
                self.tr(
                    "No connection to the database — your changes are kept and will be "
                    "offered again."
                ),
                (("RetrySaveButton", retry, self.retry_save),),
            )
        else:
            self.alert.show_message("error", error.message)
        self.sig_status_message.emit(error.message)

    def retry_save(self) -> None:
        """Try the last write again (after the database came back)."""
        self._write(self._retry_outcome)

    def _connection_changed(self, connected: bool, _message: str) -> None:
        retry = self.alert.button("RetrySaveButton")
        if connected and retry is not None and self.alert.isVisible():
            self.alert.show_message(
                "warning",
                self.tr("The database is back. Your changes are still here — save them now."),
                (("RetrySaveButton", retry.text(), self.retry_save),),
            )

    def _op_failed(self, error: OpError) -> None:
        self.alert.show_message("error", error.message)
        self.sig_status_message.emit(error.message)

    # ------------------------------------------------------------------------------------------
    # conflicts
    # ------------------------------------------------------------------------------------------
    def _conflict(self, conflict: work.Conflict, outcome: work.Outcome | None) -> None:
        edits = self.edits
        who = ", ".join(dict.fromkeys(c.actor for c in conflict.changes)) or self.tr("someone")
        if edits is None or not edits.is_dirty():
            # nothing of mine to lose: show the order as it is now and say why nothing happened
            self.card = conflict.fresh
            self.edits = OrderEdits(conflict.fresh)
            self._show_card()
            self.alert.show_message(
                "warning",
                self.tr(
                    "%1 changed this order a moment ago; nothing was done. Check it and try again."
                ).replace("%1", who),
            )
            return
        dialog = ConflictDialog(
            self.conflict_rows(conflict), order_number=conflict.fresh.number, who=who, parent=self
        )
        dialog.sig_resolved.connect(lambda choice: self._resolve(choice, conflict))
        dialog.rejected.connect(
            lambda: self.notice.show_message(
                "warning",
                self.tr("Not saved: the order changed meanwhile. Your changes are kept."),
            )
        )
        self._open(dialog)

    def _resolve(self, choice: str, conflict: work.Conflict) -> None:
        edits = self.edits
        if edits is None:
            return
        if choice == KEEP_MINE:
            self.card = conflict.fresh
            self.edits = edits.rebased(conflict.fresh)
            self._show_card()
            self._write(None)
        elif choice == TAKE_THEIRS:
            self.card = conflict.fresh
            self.edits = OrderEdits(conflict.fresh)
            self._draft_timer.stop()
            self._remove_draft()
            self.notice.clear()
            self._show_card()
            self.sig_status_message.emit(
                self.tr("Your changes were dropped; this is their version")
            )
            self.sig_order_loaded.emit(conflict.fresh.id)

    def conflict_rows(self, conflict: work.Conflict) -> tuple[ConflictRow, ...]:
        """Per field: theirs now, who changed it and when, mine."""
        assert self.edits is not None
        fresh = conflict.fresh
        theirs_by_field: dict[str, str] = {}
        for change in conflict.changes:  # oldest first: the last one wins
            for name, _old, _new in change.fields:
                theirs_by_field[name] = f"{change.actor}, {self._time(change.at)}"
        mine = self.edits.my_changes()
        skip = {"subtotal", "discount_total", "stock_reserved", "lease_operator_id"}
        names = [n for n in (*EDIT_FIELDS, "items") if n in mine or n in theirs_by_field]
        names += sorted(n for n in theirs_by_field if n not in names and n not in skip)
        rows = []
        for name in names:
            rows.append(
                ConflictRow(
                    field=L.label(L.FIELDS, name),
                    theirs=self._their_value(name, fresh, conflict),
                    changed_by=theirs_by_field.get(name, ""),
                    mine=self._my_value(name, mine) if name in mine else self.tr("(not changed)"),
                    both=name in mine and name in theirs_by_field,
                )
            )
        return tuple(rows)

    def _their_value(self, name: str, fresh: OrderCard, conflict: work.Conflict) -> str:
        if name == "items":
            return "; ".join(f"{i.name} × {i.quantity}" for i in fresh.items) or "—"
        if name in EDIT_FIELDS:
            return self._field_text(name, getattr(fresh, name), fresh.shipping_store_name)
        if name == "status":
            return self.status_name(fresh.status)
        for change in reversed(conflict.changes):
            for field, _old, new in change.fields:
                if field == name:
                    return new
        return "—"

    def _my_value(self, name: str, mine: dict[str, Any]) -> str:
        assert self.edits is not None
        value = mine[name]
        if name == "items":
            return "; ".join(f"{ln.name} × {ln.quantity}" for ln in value) or "—"
        return self._field_text(name, value, self.edits.labels.get("shipping_store_name"))

    def _field_text(self, name: str, value: Any, store_name: str | None) -> str:
        if value is None or value == "":
            return "—"
        if name == "delivery_type":
            return L.label(L.DELIVERY_TYPES, value)
        if name == "payment_status":
            return L.label(L.PAYMENT_STATUSES, value)
        if name == "payment_method":
            return L.label(L.PAYMENT_METHODS, value)
        if name == "delivery_cost":
            return format_rub(Decimal(str(value)), self.language)
        if name == "shipping_store_id":
            return store_name or f"#{value}"
        return str(value)

    # ------------------------------------------------------------------------------------------
    # discard
    # ------------------------------------------------------------------------------------------
    def discard_changes(self) -> None:
        """Drop my unsaved edits (asks first: they cannot be brought back)."""
        if not self.actions["revert_order"].isEnabled():
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Discard my changes"),
            self.tr("Drop your unsaved changes to this order? They cannot be brought back."),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Discard).clicked.connect(self.discard_now)
        self._open(box)

    def discard_now(self) -> None:
        """Drop the edits without asking (the confirmation box calls this)."""
        if self.card is None:
            return
        self.edits = OrderEdits(self.card)
        self._draft_timer.stop()
        self._remove_draft()
        self.alert.clear()
        self.notice.clear()
        self._retry_outcome = None
        self._show_card()
        self.sig_status_message.emit(self.tr("Your changes were discarded"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Delete on a selected line removes it too (the tooltip names Ctrl+Delete)
        if event.matches(QKeySequence.StandardKey.Delete) and self.items_view.hasFocus():
            self.remove_item()
            return
        super().keyPressEvent(event)
