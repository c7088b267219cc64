"""Capsule cross-sell: the feed import, which capsule an order line came from, suggestions
during a call, the record of what was offered, and the upsell credited to operators.

Qt-free; the console calls these through its op runner (see /work/notes/capsules-api.md)."""
