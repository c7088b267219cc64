"""The order services' refusals in the operator's language.

The services (``app/orders/errors.py``) raise typed errors whose English text serves the CLI and
the log. The console shows the same facts, taken from the error's attributes, through Qt
translation: :func:`spec_of` runs where the error is caught (a worker thread) and keeps only plain
strings; :func:`render` translates on the UI thread."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "OrderErrors"
_NOT_FOUND = QT_TRANSLATE_NOOP("OrderErrors", "Order %1 was not found.")
_TRANSITION = QT_TRANSLATE_NOOP(
    "OrderErrors", "Order %1: your role may not move it from “%2” to “%3”."
)
_REASON = QT_TRANSLATE_NOOP("OrderErrors", "Order %1: cancelling needs a reason.")
_STOCK = QT_TRANSLATE_NOOP("OrderErrors", "Order %1: not enough stock: %2")
_CONFLICT = QT_TRANSLATE_NOOP(
    "OrderErrors",
    "Order %1 was changed by someone else meanwhile (your version %2, now %3); "
    "nothing of yours was written.",
)

#: (source text, arguments): what :func:`render` translates; plain strings cross threads safely
Spec = tuple[str, ...]


def spec_of(exc: BaseException) -> Spec | None:
    """The translatable form of a known refusal (None: show the error's own text)."""
    from app.orders import errors

    if isinstance(exc, errors.OrderNotFound):
        return (_NOT_FOUND, str(exc.ref))
    if isinstance(exc, errors.TransitionNotAllowed):
        return (_TRANSITION, exc.number, exc.from_status, exc.to_status)
    if isinstance(exc, errors.ReasonRequired):
        return (_REASON, exc.number)
    if isinstance(exc, errors.OutOfStock):
        return (_STOCK, exc.number, "; ".join(exc.shortages))
    if isinstance(exc, errors.VersionConflict):
        return (_CONFLICT, exc.number, str(exc.expected), str(exc.current))
    return None


def render(spec: Spec) -> str:
    """The refusal in the current language, its %1…%n filled in."""
    text = QCoreApplication.translate(_CONTEXT, spec[0])
    # from the highest: %1 must not eat the start of %10
    for index in range(len(spec) - 1, 0, -1):
        text = text.replace(f"%{index}", spec[index])
    return text
