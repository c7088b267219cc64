"""Telephony services (Qt-free): PBX webhook processing and receiver, the call log, operator
states, after-call outcomes, commands (dial / hang up / recordings) and the demo PBX.
See docs/telephony.md."""

from app.telephony.call_log import (
    CallLogRow,
    CurrentCall,
    call_row,
    calls_awaiting_outcome,
    calls_for_customer,
    calls_for_operator,
    calls_for_order,
    current_call,
    last_call,
    mark_callback_done,
    missed_callbacks,
)
from app.telephony.commands import (
    DialResult,
    NoExtension,
    TelephonyUnavailable,
    dial,
    fetch_recording,
    hang_up,
)
from app.telephony.demo import DemoPbx, start_demo_pbx
from app.telephony.operator_states import (
    OPERATOR_STATES,
    OperatorStateRow,
    get_operator_state,
    operator_states,
    set_operator_state,
    signed_in,
    signed_out,
    state_durations,
)
from app.telephony.outcomes import OUTCOMES, CallOutcome, record_call_outcome, suggested_outcome
from app.telephony.provider import provider_from_config
from integrations.telephony.base import Recording, TelephonyError

__all__ = [
    "OPERATOR_STATES",
    "OUTCOMES",
    "CallLogRow",
    "CallOutcome",
    "CurrentCall",
    "DemoPbx",
    "DialResult",
    "NoExtension",
    "OperatorStateRow",
    "Recording",
    "TelephonyError",
    "TelephonyUnavailable",
    "call_row",
    "calls_awaiting_outcome",
    "calls_for_customer",
    "calls_for_operator",
    "calls_for_order",
    "current_call",
    "dial",
    "fetch_recording",
    "get_operator_state",
    "hang_up",
    "last_call",
    "mark_callback_done",
    "missed_callbacks",
    "operator_states",
    "provider_from_config",
    "record_call_outcome",
    "set_operator_state",
    "signed_in",
    "signed_out",
    "start_demo_pbx",
    "state_durations",
    "suggested_outcome",
]
