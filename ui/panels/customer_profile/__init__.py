"""The customer profile panel (Customer 360); see :mod:`ui.panels.customer_profile.panel`."""

from ui.panels.customer_profile.panel import CustomerProfilePanel

__all__ = ["CustomerProfilePanel"]
