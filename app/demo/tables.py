"""The columns the demo generator fills, table by table, and how each value is encoded.

Generators emit plain tuples in these column orders with cheap primitive values; a sink turns them
into COPY text (PostgreSQL) or typed Python values for SQLAlchemy Core (SQLite). Columns left out
take their database defaults (all nullable or defaulted)."""

from __future__ import annotations

from dataclasses import dataclass

# Value kinds. A trailing "?" means the value may be None.
INT = "int"  # int
STR = "str"  # str without tab, newline or backslash: everything built from app/demo/data.py,
# whose strings a test checks (saves an escaping call per value at millions of rows)
TEXT = "text"  # free text from elsewhere: escaped for COPY
BOOL = "bool"
TS = "ts"  # int: seconds since the Unix epoch, UTC
DATE = "date"  # int: proleptic Gregorian ordinal (datetime.date.toordinal)
MONEY = "money"  # int: kopecks
DEC = "dec"  # str holding an exact decimal ("55.790370", "5")
JSON = "json"  # list / dict


@dataclass(frozen=True, slots=True)
class TableSpec:
    """A table and the (column, kind) pairs the generator writes to it, in tuple order."""

    name: str
    columns: tuple[tuple[str, str], ...]
    has_id: bool = True  # an ``id`` column fed explicit values (its sequence is set after)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c for c, _ in self.columns)

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(k for _, k in self.columns)


def _spec(name: str, cols: str, has_id: bool = True) -> TableSpec:
    pairs = []
    for item in cols.split():
        column, kind = item.split(":")
        pairs.append((column, kind))
    return TableSpec(name, tuple(pairs), has_id)


USERS = _spec(
    "users",
    "id:int login:str name:str role:str password_hash:str pbx_extension:str? email:str? "
    "is_active:bool created_at:ts",
)
STORES = _spec(
    "stores",
    "id:int code:str name:str kind:str city:str address:str latitude:dec longitude:dec "
    "phone:str is_active:bool",
)
CATEGORIES = _spec("categories", "id:int parent_id:int? external_id:str name:str sort_order:int")
PRODUCTS = _spec(
    "products",
    "id:int external_id:str category_id:int name:str brand:str audience:str age_from:int "
    "age_to:int description:str is_active:bool created_at:ts updated_at:ts",
)
OFFERS = _spec(
    "offers",
    "id:int external_id:str product_id:int name:str color:str? size:str? barcode:str "
    "price:money old_price:money? is_active:bool created_at:ts updated_at:ts",
)
STOCK = _spec("stock", "offer_id:int store_id:int quantity:int reserved:int", has_id=False)
CAPSULES = _spec(
    "capsules",
    "id:int external_id:str name:str season:str audience:str age_from:int age_to:int "
    "valid_from:date valid_to:date retired_at:ts? created_at:ts updated_at:ts",
)
CAPSULE_ITEMS = _spec(
    "capsule_items", "id:int capsule_id:int product_id:int offer_id:int? role:str"
)
CUSTOMERS = _spec(
    "customers",
    "id:int external_id:str? first_name:str last_name:str patronymic:str? birth_date:date? "
    "gender:str email:str? email_normalized:str? loyalty_discount_pct:dec notes:str? "
    "custom_fields:json consent_sms:bool consent_email:bool consent_messengers:bool "
    "version:int search_text:str name_key:str created_at:ts updated_at:ts",
)
# Child rows nothing else points at take their ids from the sequence (no "id" column here):
# chunks made in parallel then need no id ranges agreed up front, and ids stay dense.
CUSTOMER_PHONES = _spec(
    "customer_phones",
    "customer_id:int raw:str e164:str tail10:str extension:str? kind:str "
    "is_primary:bool created_at:ts",
    has_id=False,
)
CHILDREN = _spec(
    "children", "customer_id:int name:str gender:str birth_date:date created_at:ts", has_id=False
)
CUSTOMER_TAGS = _spec("customer_tags", "customer_id:int tag:str", has_id=False)
CUSTOMER_NOTES = _spec(
    "customer_notes", "customer_id:int author_id:int? text:str created_at:ts", has_id=False
)
ORDERS = _spec(
    "orders",
    "id:int number:str external_id:str? source:str status:str status_changed_at:ts "
    "priority:int customer_id:int contact_name:str contact_phone_raw:str "
    "contact_phone_e164:str contact_email:str? operator_id:int? shipping_store_id:int "
    "delivery_type:str delivery_address:str? delivery_cost:money payment_status:str "
    "payment_method:str subtotal:money discount_total:money total:money "
    "customer_comment:str? manager_comment:str? cancel_reason:str? no_answer_attempts:int "
    "next_attempt_at:ts? callback_at:ts? reserve_until:ts? stock_reserved_at:ts? "
    "robot_checks:json? robot_checked_at:ts? version:int created_at:ts updated_at:ts",
)
ORDER_ITEMS = _spec(
    "order_items",
    "order_id:int offer_id:int name:str quantity:int price:money discount:money "
    "added_by_id:int? capsule_id:int? is_cross_sell:bool created_at:ts",
    has_id=False,
)
ORDER_STATUS_HISTORY = _spec(
    "order_status_history",
    "order_id:int actor_id:int? actor_kind:str from_status:str? to_status:str "
    "comment:str? created_at:ts",
    has_id=False,
)

ALL_TABLES: tuple[TableSpec, ...] = (
    USERS,
    STORES,
    CATEGORIES,
    PRODUCTS,
    OFFERS,
    CAPSULES,
    CAPSULE_ITEMS,
    CUSTOMERS,
    CUSTOMER_PHONES,
    CHILDREN,
    CUSTOMER_TAGS,
    CUSTOMER_NOTES,
    ORDERS,
    ORDER_ITEMS,
    ORDER_STATUS_HISTORY,
    STOCK,
)
