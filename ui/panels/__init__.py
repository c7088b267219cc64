"""Panels of the main window: each a QWidget that talks through sig_* signals."""
