"""The manager view (managers and supervisors): upsell per operator, by day, down to the
orders; see ``window.py``. Nothing is imported here (the window is built on first use)."""
