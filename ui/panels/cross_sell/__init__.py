"""The cross-sell panel (docked under the order card, ``panel.py``) and the order card's capsule
chip (``capsule_chip.py``). Nothing is imported here: the card imports the chip without pulling
in the panel and the capsule services."""
