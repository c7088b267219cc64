"""Dialogs of the console (global search, new customer/order, one-click order, merge)."""
