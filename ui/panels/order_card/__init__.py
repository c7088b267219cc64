"""The order card panel (docked in the centre of the main window); see ``panel.py``."""

from ui.panels.order_card.panel import OrderCardPanel

__all__ = ["OrderCardPanel"]
