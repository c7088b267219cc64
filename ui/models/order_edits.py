"""The operator's pending edits of one order: what the card shows, what Save sends, what a draft
keeps, and how "keep mine" re-applies them on top of someone else's newer version.

Qt-free (plain Python, owned by the UI thread) so the rules are tested without widgets.

The edits are a diff against a *base*: the card as loaded (or, for a restored draft, the lines
and version the draft was made against). ``fields`` hold only the fields the operator changed;
``lines`` are the order lines as the operator wants them. A line's ``discount`` None means "the
customer's loyalty discount", recomputed as the quantity changes, as the server does."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from app.drafts import BaseLine, DraftLine, FieldValue, OrderDraft
from app.orders.card import CardItem, OfferHit, OrderCard
from app.orders.editing import EDITABLE_STATUSES, ItemChange
from app.orders.pricing import Totals, loyalty_discount, money, totals

# the fields of the order the card edits, in the order a conflict dialog lists them
EDIT_FIELDS = (
    "delivery_type",
    "delivery_address",
    "delivery_cost",
    "shipping_store_id",
    "payment_status",
    "payment_method",
    "manager_comment",
)
_OPTIONAL_TEXT = frozenset({"delivery_address", "manager_comment", "payment_method"})
MAX_QUANTITY = 999

_keys = itertools.count(1)


def parse_money(text: str) -> Decimal:
    """``"1 234,50"``, ``"1234.5"``, ``"1234,50 ₽"`` → ``Decimal("1234.50")``; raises
    ``ValueError`` naming the input when it is not a non-negative amount."""
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace("₽", "").replace(",", ".").strip()
    try:
        value = Decimal(cleaned or "0")
    except InvalidOperation:
        raise ValueError(f"not an amount: {text!r}") from None
    if not value.is_finite() or value < 0:
        raise ValueError(f"not an amount: {text!r}")
    return money(value)


def normalize(name: str, value: Any) -> Any:
    """One canonical form per field value, so "changed back" compares equal."""
    if name == "delivery_cost":
        return money(Decimal(str(value or 0)))
    if name == "shipping_store_id":
        return int(value) if value not in (None, "") else None
    if name in _OPTIONAL_TEXT:
        text = str(value).strip() if value is not None else ""
        return text or None
    return str(value)


def card_value(card: OrderCard, name: str) -> Any:
    return normalize(name, getattr(card, name))


def _to_field_value(name: str, value: Any) -> FieldValue:
    if name == "delivery_cost":
        return str(value)
    result: FieldValue = value
    return result


@dataclass
class Line:
    """One order line in the editor (mutable, UI thread only). ``key`` is stable for the
    line's lifetime (the items model's rows follow it)."""

    item_id: int | None
    offer_id: int
    offer_external_id: str
    name: str
    color: str | None
    size: str | None
    price: Decimal
    quantity: int
    discount: Decimal | None  # None: the loyalty discount
    capsule_name: str | None = None
    is_cross_sell: bool = False
    free_at_store: int | None = None
    key: int = 0

    def __post_init__(self) -> None:
        if not self.key:
            self.key = next(_keys)

    def effective_discount(self, loyalty_pct: Decimal) -> Decimal:
        if self.discount is None:
            return loyalty_discount(self.price, self.quantity, loyalty_pct)
        return self.discount

    def line_total(self, loyalty_pct: Decimal) -> Decimal:
        return money(self.price * self.quantity - self.effective_discount(loyalty_pct))

    @property
    def short(self) -> bool:
        """Not enough free stock at the shipping store for this line."""
        return self.free_at_store is not None and self.free_at_store < self.quantity

    @classmethod
    def from_item(cls, item: CardItem, loyalty_pct: Decimal) -> Line:
        loyal = loyalty_pct > 0 and item.discount == loyalty_discount(
            item.price, item.quantity, loyalty_pct
        )
        return cls(
            item_id=item.id,
            offer_id=item.offer_id,
            offer_external_id=item.offer_external_id,
            name=item.name,
            color=item.color,
            size=item.size,
            price=item.price,
            quantity=item.quantity,
            discount=None if loyal else item.discount,
            capsule_name=item.capsule_name,
            is_cross_sell=item.is_cross_sell,
            free_at_store=item.free_at_store,
        )

    @classmethod
    def from_draft(cls, line: DraftLine) -> Line:
        return cls(
            line.item_id,
            line.offer_id,
            line.offer_external_id,
            line.name,
            line.color,
            line.size,
            line.price,
            line.quantity,
            line.discount,
            line.capsule_name,
            line.is_cross_sell,
            line.free_at_store,
        )

    def to_draft(self) -> DraftLine:
        return DraftLine(
            self.item_id,
            self.offer_id,
            self.offer_external_id,
            self.name,
            self.color,
            self.size,
            self.price,
            self.quantity,
            self.discount,
            self.capsule_name,
            self.is_cross_sell,
            self.free_at_store,
        )

    def copy(self) -> Line:
        return Line(**{**self.__dict__, "key": self.key})


def base_lines(card: OrderCard) -> tuple[BaseLine, ...]:
    return tuple(BaseLine(i.id, i.offer_id, i.quantity, i.discount) for i in card.items)


class OrderEdits:
    """Pending edits of one order (see the module docstring)."""

    def __init__(self, card: OrderCard) -> None:
        self.card = card
        self.expected_version = card.version
        self.fields: dict[str, Any] = {}
        self.base: tuple[BaseLine, ...] = base_lines(card)
        self.lines: list[Line] = [Line.from_item(i, self.loyalty_pct) for i in card.items]
        # display text for changed values that the card does not carry (the new store's name)
        self.labels: dict[str, str] = {}

    # -- reading -----------------------------------------------------------------------------
    @property
    def order_id(self) -> int:
        return self.card.id

    @property
    def loyalty_pct(self) -> Decimal:
        customer = self.card.customer
        return customer.loyalty_discount_pct if customer is not None else Decimal("0")

    @property
    def content_editable(self) -> bool:
        """Items, store and delivery cost can still change in this status."""
        return self.card.status in EDITABLE_STATUSES

    def value(self, name: str) -> Any:
        """The field as the operator sees it now (theirs unless changed)."""
        if name in self.fields:
            return self.fields[name]
        return card_value(self.card, name)

    def store_name(self) -> str | None:
        if "shipping_store_id" in self.fields:
            return self.labels.get("shipping_store_name")
        return self.card.shipping_store_name

    def items_changed(self) -> bool:
        if len(self.lines) != len(self.base):
            return True
        for line, base in zip(self.lines, self.base, strict=True):
            if (line.item_id, line.offer_id, line.quantity) != (
                base.item_id,
                base.offer_id,
                base.quantity,
            ) or line.effective_discount(self.loyalty_pct) != base.discount:
                return True
        return False

    def is_dirty(self) -> bool:
        return bool(self.fields) or self.items_changed()

    def totals(self) -> Totals:
        pct = self.loyalty_pct
        return totals(
            ((ln.price, ln.quantity, ln.effective_discount(pct)) for ln in self.lines),
            self.value("delivery_cost"),
        )

    def wanted(self) -> dict[int, int]:
        """Offer id → quantity over the lines (what a store must have free)."""
        wanted: dict[int, int] = {}
        for line in self.lines:
            wanted[line.offer_id] = wanted.get(line.offer_id, 0) + line.quantity
        return wanted

    def save_args(self) -> tuple[dict[str, Any], list[ItemChange] | None]:
        """What ``save_order`` needs: the changed fields, and the full line list when the
        items changed (None leaves them alone, so a comment edit never moves a reserve)."""
        fields = {
            name: (str(v) if name == "delivery_cost" else v) for name, v in self.fields.items()
        }
        if not self.items_changed():
            return fields, None
        items = [
            ItemChange(
                offer_id=ln.offer_id,
                quantity=ln.quantity,
                item_id=ln.item_id,
                discount=ln.discount,
                is_cross_sell=ln.is_cross_sell,
            )
            for ln in self.lines
        ]
        return fields, items

    # -- editing -----------------------------------------------------------------------------
    def set_field(self, name: str, value: Any, label: str | None = None) -> bool:
        """Set a field; returns whether anything changed. Setting it back to the card's value
        forgets the edit."""
        if name not in EDIT_FIELDS:
            raise KeyError(name)
        new = normalize(name, value)
        old = self.value(name)
        if new == card_value(self.card, name):
            self.fields.pop(name, None)
            if name == "shipping_store_id":
                self.labels.pop("shipping_store_name", None)
        else:
            self.fields[name] = new
            if name == "shipping_store_id" and label is not None:
                self.labels["shipping_store_name"] = label
        return bool(old != new)

    def set_quantity(self, row: int, quantity: int) -> bool:
        if not 1 <= quantity <= MAX_QUANTITY:
            raise ValueError(f"quantity must be between 1 and {MAX_QUANTITY}, got {quantity}")
        line = self.lines[row]
        if line.quantity == quantity:
            return False
        line.quantity = quantity
        return True

    def set_discount(self, row: int, discount: Decimal | None) -> bool:
        """A fixed line discount (None: back to the loyalty discount)."""
        line = self.lines[row]
        if discount is not None:
            discount = money(discount)
            ceiling = money(line.price * line.quantity)
            if discount < 0 or discount > ceiling:
                raise ValueError(f"the discount must be between 0 and {ceiling}")
        if line.discount == discount:
            return False
        line.discount = discount
        return True

    def add_offer(self, hit: OfferHit, quantity: int = 1, free_at_store: int | None = None) -> int:
        """Add an offer (the loyalty discount applies, as on the server); an offer the operator
        added before in this edit just gets more quantity. Returns the line's row."""
        row = self.added_row_for(hit.offer_id)
        if row is not None:
            self.set_quantity(row, min(self.lines[row].quantity + quantity, MAX_QUANTITY))
            return row
        self.lines.append(
            Line(
                item_id=None,
                offer_id=hit.offer_id,
                offer_external_id=hit.external_id,
                name=hit.name,
                color=hit.color,
                size=hit.size,
                price=hit.price,
                quantity=quantity,
                discount=None,
                free_at_store=free_at_store,
            )
        )
        return len(self.lines) - 1

    def added_row_for(self, offer_id: int) -> int | None:
        """The row of a line of ``offer_id`` added in this edit, if any."""
        for row, line in enumerate(self.lines):
            if line.item_id is None and line.offer_id == offer_id:
                return row
        return None

    def remove(self, row: int) -> Line:
        return self.lines.pop(row)

    def set_free_stock(self, free: dict[int, int] | None) -> None:
        """Free stock at the (possibly new) shipping store per offer; None: no store."""
        for line in self.lines:
            line.free_at_store = None if free is None else free.get(line.offer_id, 0)

    # -- conflicts -----------------------------------------------------------------------------
    def rebased(self, fresh: OrderCard) -> OrderEdits:
        """ "Keep mine": my edits re-applied on top of ``fresh`` (someone else's newer version).

        Fields: mine win. Lines, as a three-way merge against my base: a line I removed stays
        removed; a line I changed gets my quantity/discount; a line I left alone takes theirs;
        a line they added stays; a line I changed that they removed comes back as a new line;
        lines I added are added."""
        merged = OrderEdits(fresh)
        for name, value in self.fields.items():
            merged.set_field(name, value, self.labels.get("shipping_store_name"))
        if not self.items_changed():
            return merged
        pct = self.loyalty_pct
        base = {b.item_id: b for b in self.base}
        mine = {ln.item_id: ln for ln in self.lines if ln.item_id is not None}
        removed_by_me = set(base) - set(mine)
        touched = {
            item_id
            for item_id, ln in mine.items()
            if item_id not in base
            or (ln.offer_id, ln.quantity, ln.effective_discount(pct))
            != (base[item_id].offer_id, base[item_id].quantity, base[item_id].discount)
        }
        fresh_ids = {i.id for i in fresh.items}
        lines: list[Line] = []
        for theirs in merged.lines:
            if theirs.item_id in removed_by_me:
                continue
            if theirs.item_id in touched:
                my = mine[theirs.item_id]
                theirs.quantity = my.quantity
                theirs.discount = my.discount
            lines.append(theirs)
        for ln in self.lines:
            if ln.item_id is None or (ln.item_id in touched and ln.item_id not in fresh_ids):
                again = ln.copy()
                again.item_id = None
                lines.append(again)
        merged.lines = lines
        return merged

    def my_changes(self) -> dict[str, Any]:
        """Field → my value, plus ``"items"`` when I changed the lines."""
        changes: dict[str, Any] = dict(self.fields)
        if self.items_changed():
            changes["items"] = tuple(self.lines)
        return changes

    # -- drafts ------------------------------------------------------------------------------
    def to_draft(self, user_id: int, now: dt.datetime) -> OrderDraft:
        return OrderDraft(
            order_id=self.card.id,
            order_number=self.card.number,
            user_id=user_id,
            expected_version=self.expected_version,
            saved_at=now,
            fields=tuple(sorted((n, _to_field_value(n, v)) for n, v in self.fields.items())),
            base_lines=self.base,
            lines=tuple(ln.to_draft() for ln in self.lines) if self.items_changed() else None,
            labels=tuple(sorted(self.labels.items())),
        )

    @classmethod
    def from_draft(cls, card: OrderCard, draft: OrderDraft) -> OrderEdits:
        """The draft's edits over ``card`` (the order as it is now). The draft's version is
        kept: if the order changed since, saving shows the conflict instead of overwriting."""
        edits = cls(card)
        edits.expected_version = draft.expected_version
        edits.labels = draft.label_map()
        for name, value in draft.fields:
            if name in EDIT_FIELDS:
                edits.fields[name] = normalize(name, value)
        edits.base = draft.base_lines
        if draft.lines is not None:
            edits.lines = [Line.from_draft(ln) for ln in draft.lines]
        else:
            # items untouched in the draft: the diff base is today's lines
            edits.base = base_lines(card)
        return edits

    @property
    def stale(self) -> bool:
        """The edits were made against an older version than the card shows."""
        return self.expected_version != self.card.version
