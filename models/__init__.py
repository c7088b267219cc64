"""Okno's typed ORM: one module per aggregate, one shared ``Base``.

Importing this package registers every table on ``Base.metadata`` (Alembic and tests rely on
that). No Qt here."""

from models.base import Base, utcnow
from models.capsules import Capsule, CapsuleFeed, CapsuleItem
from models.catalog import Audience, Category, Offer, Product, Stock
from models.communications import (
    Call,
    Channel,
    Conversation,
    DeliveryState,
    Direction,
    Message,
    MessageTemplate,
)
from models.cross_sell import CrossSellOffer, CrossSellOutcome, UpsellCredit, UpsellState
from models.customers import Child, Customer, CustomerNote, CustomerPhone, CustomerTag, Gender
from models.orders import (
    QUEUE_STATUSES,
    DeliveryType,
    Order,
    OrderItem,
    OrderSource,
    OrderStatusHistory,
    PaymentMethod,
    PaymentStatus,
)
from models.statuses import ALL_ROLES, ROBOT_ROLE, Status, StatusGroup, StatusTransition
from models.stores import Store, StoreKind
from models.system import DeadLetter, OutboxCursor, OutboxEvent, OutboxRetry, Setting
from models.telephony import (
    CallEvent,
    CallLeg,
    OperatorState,
    OperatorStateLog,
    TelephonyCommand,
)
from models.users import Role, User
from models.work import PromoCode, Task

__all__ = [
    "ALL_ROLES",
    "QUEUE_STATUSES",
    "ROBOT_ROLE",
    "Audience",
    "Base",
    "Call",
    "CallEvent",
    "CallLeg",
    "Capsule",
    "CapsuleFeed",
    "CapsuleItem",
    "Category",
    "Channel",
    "Child",
    "Conversation",
    "CrossSellOffer",
    "CrossSellOutcome",
    "Customer",
    "CustomerNote",
    "CustomerPhone",
    "CustomerTag",
    "DeadLetter",
    "DeliveryState",
    "DeliveryType",
    "Direction",
    "Gender",
    "Message",
    "MessageTemplate",
    "Offer",
    "OperatorState",
    "OperatorStateLog",
    "Order",
    "OrderItem",
    "OrderSource",
    "OrderStatusHistory",
    "OutboxCursor",
    "OutboxEvent",
    "OutboxRetry",
    "PaymentMethod",
    "PaymentStatus",
    "Product",
    "PromoCode",
    "Role",
    "Setting",
    "Status",
    "StatusGroup",
    "StatusTransition",
    "Stock",
    "Store",
    "StoreKind",
    "Task",
    "TelephonyCommand",
    "UpsellCredit",
    "UpsellState",
    "User",
    "utcnow",
]
