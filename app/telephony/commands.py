"""Commands an operator gives the PBX from the console: dial (click-to-call), hang up, play a
recording. Each is a short database step, the HTTP request outside any transaction, then a
short step recording what the PBX said.

A click-to-call is written down (``telephony_commands``, status ``sending``) *before* it is sent
and is never sent twice: when the PBX's answer is lost the command stays ``uncertain`` and the
operator is told to look at the phone before dialling again."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update

from app.db import session_scope
from app.phones import try_normalize
from integrations.telephony.base import (
    CommandUncertain,
    NotConfigured,
    Recording,
    TelephonyError,
    TelephonyProvider,
)
from integrations.telephony.mango import new_command_id
from models import Call, CallLeg, TelephonyCommand, User


class NoExtension(TelephonyError):
    pass


TelephonyUnavailable = NotConfigured


@dataclass(frozen=True, slots=True)
class DialResult:
    command_id: str
    extension: str
    to_number: str


def _provider(provider: TelephonyProvider | None) -> TelephonyProvider:
    if provider is None:
        raise NotConfigured("telephony is not configured (no PBX API key and salt)")
    return provider


def dial(
    database_url: str,
    provider: TelephonyProvider | None,
    operator_id: int,
    number: str,
    *,
    order_id: int | None = None,
    customer_id: int | None = None,
    region: str = "RU",
) -> DialResult:
    """Ring the operator's phone, then the customer at ``number`` (any format)."""
    pbx = _provider(provider)
    phone = try_normalize(number, region)
    if phone is None:
        raise TelephonyError(f"dial: {number!r} is not a phone number")
    to_number = phone.e164.lstrip("+")  # Mango takes the number without the plus
    command_id = new_command_id("cc")
    with session_scope(database_url) as session:
        user = session.get(User, operator_id)
        if user is None or not user.pbx_extension:
            raise NoExtension("dial: you have no PBX extension; ask an admin to set one")
        extension = user.pbx_extension
        session.add(
            TelephonyCommand(
                command_id=command_id,
                kind="callback",
                operator_id=operator_id,
                extension=extension,
                to_number=to_number,
                order_id=order_id,
                customer_id=customer_id,
                status="sending",
            )
        )
    try:
        pbx.click_to_call(command_id, extension, to_number)
    except TelephonyError as exc:
        _finish(
            database_url,
            command_id,
            "uncertain" if isinstance(exc, CommandUncertain) else "failed",
            str(exc),
        )
        raise
    _finish(database_url, command_id, "sent", None)
    return DialResult(command_id, extension, to_number)


def hang_up(database_url: str, provider: TelephonyProvider | None, operator_id: int) -> bool:
    """End the operator's live call; False when there is none."""
    pbx = _provider(provider)
    with session_scope(database_url) as session:
        leg_id = session.scalar(
            select(CallLeg.leg_id)
            .where(CallLeg.operator_id == operator_id, CallLeg.state != "ended")
            .order_by(CallLeg.number.is_(None), CallLeg.id.desc())
            .limit(1)
        )
        if leg_id is None:
            return False
        command_id = new_command_id("hu")
        session.add(
            TelephonyCommand(
                command_id=command_id, kind="hangup", operator_id=operator_id, status="sending"
            )
        )
    try:
        pbx.hang_up(command_id, leg_id)
    except TelephonyError as exc:
        _finish(database_url, command_id, "failed", str(exc))
        raise
    _finish(database_url, command_id, "sent", None)
    return True


def fetch_recording(
    database_url: str, provider: TelephonyProvider | None, call_id: int
) -> Recording:
    """The call's recording, fetched now (the PBX's links are single-use: never stored)."""
    pbx = _provider(provider)
    with session_scope(database_url) as session:
        call = session.get(Call, call_id)
        if call is None:
            raise TelephonyError(f"recording: no call {call_id}")
        recording_id = call.recording_id
    if not recording_id:
        raise TelephonyError("recording: this call has no recording (yet)")
    return pbx.fetch_recording(recording_id)


def _finish(database_url: str, command_id: str, status: str, error: str | None) -> None:
    """What the PBX answered, unless its asynchronous result came first: the webhook may
    apply ``result/callback`` (done / failed) before this step runs, and that later word must
    not be overwritten with "sent". One conditional UPDATE, so no read-then-write race."""
    with session_scope(database_url) as session:
        session.execute(
            update(TelephonyCommand)
            .where(TelephonyCommand.command_id == command_id, TelephonyCommand.status == "sending")
            .values(status=status, error=error)
        )
