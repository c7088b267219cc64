"""Typed refusals of the customer services. Each message names the customer and what was wrong,
so the console and the CLI show it as is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CustomerRef:
    """Enough to name a customer in a message or a list: id, display name, main phone, e-mail."""

    id: int
    name: str
    phone: str | None = None
    email: str | None = None

    def __str__(self) -> str:
        extra = ", ".join(x for x in (self.phone, self.email) if x)
        return f"#{self.id} {self.name or '(no name)'}" + (f" ({extra})" if extra else "")


class CustomerError(Exception):
    """Base of every refusal by a customer service."""


class CustomerNotFound(CustomerError):
    def __init__(self, ref: object) -> None:
        super().__init__(f"customer {ref} not found")
        self.ref = ref


class CustomerMerged(CustomerError):
    """The customer was merged into another one; changes go to the survivor."""

    def __init__(self, customer_id: int, into_id: int) -> None:
        super().__init__(
            f"customer #{customer_id} was merged into #{into_id}; open #{into_id} instead"
        )
        self.customer_id = customer_id
        self.into_id = into_id


class InvalidCustomerValue(CustomerError):
    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name


class DuplicateCustomer(CustomerError):
    """A live customer already has this normalized phone or e-mail. Creating (or adding) it
    anyway needs an explicit override, which is recorded with who forced it."""

    def __init__(self, field_name: str, value: str, existing: tuple[CustomerRef, ...]) -> None:
        names = "; ".join(str(c) for c in existing)
        super().__init__(
            f"{field_name} {value} already belongs to customer {names}; "
            "open that customer, or force the duplicate explicitly"
        )
        self.field = field_name
        self.value = value
        self.existing = existing


class CustomerVersionConflict(CustomerError):
    """The customer changed since the caller loaded it; nothing was written."""

    def __init__(self, customer_id: int, expected: int, current: int | None) -> None:
        super().__init__(
            f"customer #{customer_id} was changed by someone else "
            f"(your version {expected}, now {current}); reload and try again"
        )
        self.customer_id = customer_id
        self.expected = expected
        self.current = current


class MergeRefused(CustomerError):
    pass
