"""The telephony panel: current call, dialing, call log, callbacks, operator states."""

from ui.panels.telephony.panel import ScreenPop, TelephonyPanel

__all__ = ["ScreenPop", "TelephonyPanel"]
