"""Applying PBX webhook events to the database, idempotently and in any arrival order.

Every delivery is first kept in ``call_events`` under a dedupe key (``call:<leg>:<seq>``,
``summary:<entry>``...): a replay finds its key and changes nothing. A leg's state is then
*folded* from all of its stored events in ``seq`` order, so an out-of-order arrival gives the
same leg as an ordered one. The call (one ``entry_id``) is derived from its legs while it is
live; ``events/summary`` is the final word on its result and times (Mango sends it once per
entry, after the legs), so a missed call is declared only by the summary — never from legs that
merely *look* finished because the next leg's events have not arrived yet.

Linking: operator by extension (``users.pbx_extension``), customer by phone (exact E.164, then
the last digits: app/customers/identity.lookup_phone), order = the one the click-to-call was
made from, else the order the operator has leased, else the customer's newest open order.

Screen pop: an inbound ``Appeared`` of an ``abonent`` leg ringing an operator's extension emits
``telephony.screen_pop`` in the same transaction (once per leg, never for a leg already over; a
late ``Appeared`` is stood in for by the leg's first live event)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import asdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.customers.identity import PhoneMatch, lookup_phone
from app.outbox import emit
from app.telephony.operator_states import set_operator_state
from integrations.telephony.mango import result_text
from integrations.telephony.mango_events import (
    CommandResult,
    Event,
    LegEvent,
    RecordingEvent,
    Summary,
)
from models import (
    Call,
    CallEvent,
    CallLeg,
    Direction,
    OperatorState,
    Order,
    Status,
    TelephonyCommand,
    User,
)

log = logging.getLogger(__name__)

PROVIDER = "mango"
_LEG_STATE = {"Appeared": "ringing", "Connected": "talking", "OnHold": "on_hold"}


def apply_event(session: Session, event: Event, clock: Clock, region: str = "RU") -> bool:
    """Apply one parsed webhook event; False when it was a duplicate (nothing changed)."""
    if isinstance(event, LegEvent):
        return _apply_leg(session, event, clock, region)
    if isinstance(event, Summary):
        return _apply_summary(session, event, clock, region)
    if isinstance(event, RecordingEvent):
        return _apply_recording(session, event)
    return _apply_result(session, event)


def _remember(session: Session, kind: str, key: str, event: Event, **cols: Any) -> bool:
    """Store the delivery under its dedupe key; False when it is already stored."""
    found = session.scalar(
        select(CallEvent.id).where(CallEvent.provider == PROVIDER, CallEvent.dedupe_key == key)
    )
    if found is not None:
        return False
    payload = {
        k: (v.isoformat() if isinstance(v, dt.datetime) else v) for k, v in asdict(event).items()
    }
    session.add(CallEvent(provider=PROVIDER, kind=kind, dedupe_key=key, payload=payload, **cols))
    session.flush()  # a concurrent twin now fails on the unique key instead of applying twice
    return True


# legs -------------------------------------------------------------------------------------------


def _apply_leg(session: Session, ev: LegEvent, clock: Clock, region: str) -> bool:
    if not _remember(
        session,
        "call",
        f"call:{ev.leg_id}:{ev.seq}",
        ev,
        entry_id=ev.entry_id,
        leg_id=ev.leg_id,
        seq=ev.seq,
        event_at=ev.at,
    ):
        return False
    call = _call_for(session, ev.entry_id, _direction_of(ev))
    leg = session.scalar(
        select(CallLeg).where(CallLeg.provider == PROVIDER, CallLeg.leg_id == ev.leg_id)
    )
    own_phone = bool(ev.command_id and ev.to_extension and not ev.from_extension)
    old_state: str | None = leg.state if leg is not None else None  # new leg: any state is news
    if leg is None:
        extension = ev.to_extension or ev.from_extension
        leg = CallLeg(
            provider=PROVIDER,
            leg_id=ev.leg_id,
            call_id=call.id,
            location=ev.location,
            extension=extension,
            operator_id=_operator_by_extension(session, extension),
            # the other party; a click-to-call's first leg rings the operator's own phone
            number=None if own_phone else (ev.from_number if ev.to_extension else ev.to_number),
            state="ringing",
            last_seq=0,
            popped=False,
        )
        session.add(leg)
    _fold(session, leg)
    if ev.command_id and not call.command_id:
        call.command_id = ev.command_id
    if ev.line_number and not call.line_number:
        call.line_number = ev.line_number
    matches = _update_call_parties(session, call, leg, ev, region)
    _update_call_from_legs(session, call)
    session.flush()

    if leg.operator_id is not None and not own_phone:
        if leg.state == "talking" and old_state != "talking":
            set_operator_state(session, leg.operator_id, "on_call", clock)
        elif leg.state == "ended" and old_state in ("talking", "on_hold"):
            current = session.get(OperatorState, leg.operator_id)
            if current is not None and current.state == "on_call":
                set_operator_state(session, leg.operator_id, "wrap_up", clock)
    if leg.operator_id is not None and leg.state != old_state:
        emit(session, "telephony.call_state", "call", call.id, _state_payload(call, leg))
    # Normally on Appeared; when that delivery is late or lost, on the first later event of a
    # leg that is still live (the operator talking to an unknown face needs the card too).
    if (
        ev.state != "Disconnected"
        and ev.location == "abonent"
        and ev.to_extension
        and leg.operator_id is not None
        and call.direction == Direction.INBOUND
        and leg.state != "ended"
        and not leg.popped
    ):
        leg.popped = True
        payload = _pop_payload(session, call, leg, ev, matches)
        emit(session, "telephony.screen_pop", "call", call.id, payload)
    return True


def _fold(session: Session, leg: CallLeg) -> None:
    events = session.execute(
        select(CallEvent.seq, CallEvent.event_at, CallEvent.payload)
        .where(CallEvent.leg_id == leg.leg_id, CallEvent.kind == "call")
        .order_by(CallEvent.seq)
    ).all()
    state, appeared, answered, ended, reason, last = "ringing", None, None, None, None, 0
    for seq, at, payload in events:
        name = payload.get("state")
        last = max(last, seq or 0)
        if at is not None and (appeared is None or at < appeared):
            appeared = at
        if name == "Disconnected":
            state, ended, reason = "ended", at, payload.get("disconnect_reason")
        elif state != "ended":
            state = _LEG_STATE.get(name, state)
        if name == "Connected" and answered is None:
            answered = at
    leg.state, leg.appeared_at, leg.answered_at = state, appeared, answered
    leg.ended_at, leg.disconnect_reason, leg.last_seq = ended, reason, last


def _direction_of(ev: LegEvent) -> Direction:
    if ev.command_id or (ev.from_extension and not ev.to_extension):
        return Direction.OUTBOUND
    return Direction.INBOUND


def _call_for(session: Session, entry_id: str, direction: Direction) -> Call:
    """The call row, locked: the events of one call are applied one transaction at a time, so
    a fold always sees every event committed before it (PostgreSQL runs webhook deliveries in
    parallel; two legs' events folded concurrently could each miss the other's). A call created
    concurrently by a sibling delivery fails the unique key and the webhook retries."""
    call = session.scalar(select(Call).where(Call.external_id == entry_id).with_for_update())
    if call is None:
        call = Call(
            external_id=entry_id,
            provider=PROVIDER,
            direction=direction,
            state="ringing",
            last_seq=0,
            has_summary=False,
        )
        session.add(call)
        session.flush()
    return call


def _operator_by_extension(session: Session, extension: str | None) -> int | None:
    if not extension:
        return None
    return session.scalar(
        select(User.id).where(User.pbx_extension == extension, User.is_active.is_(True))
    )


def _update_call_parties(
    session: Session, call: Call, leg: CallLeg, ev: LegEvent, region: str
) -> list[PhoneMatch]:
    if call.direction == Direction.INBOUND:
        call.from_number = call.from_number or ev.from_number
        if ev.location == "abonent" and leg.extension:
            call.extension = leg.extension
            call.to_number = call.to_number or ev.line_number
    else:
        call.from_number = call.from_number or ev.from_number
        call.to_number = call.to_number or ev.to_number
        call.extension = call.extension or leg.extension
    if call.operator_id is None and leg.operator_id is not None:
        call.operator_id = leg.operator_id
    return _link(session, call, region)


def _link(session: Session, call: Call, region: str) -> list[PhoneMatch]:
    """Customer by the external number, order by command / lease / newest open order."""
    number = call.from_number if call.direction == Direction.INBOUND else call.to_number
    matches: list[PhoneMatch] = []
    command = (
        session.scalar(
            select(TelephonyCommand).where(TelephonyCommand.command_id == call.command_id)
        )
        if call.command_id
        else None
    )
    if command is not None:
        call.customer_id = call.customer_id or command.customer_id
        call.order_id = call.order_id or command.order_id
        call.operator_id = call.operator_id or command.operator_id
        if call.direction == Direction.OUTBOUND:
            call.to_number = call.to_number or command.to_number
    if number and call.customer_id is None:
        matches = lookup_phone(session, number, region, limit=5)
        if matches:
            call.customer_id = matches[0].customer_id
    if call.order_id is None:
        call.order_id = _order_for(session, call.operator_id, call.customer_id)
    return matches


def _order_for(session: Session, operator_id: int | None, customer_id: int | None) -> int | None:
    open_statuses = select(Status.code).where(Status.is_final.is_(False))
    if operator_id is not None:
        leased = select(Order.id).where(
            Order.lease_operator_id == operator_id, Order.status.in_(open_statuses)
        )
        if customer_id is not None:
            leased = leased.where(Order.customer_id == customer_id)
        found = session.scalar(
            leased.order_by(Order.lease_taken_at.desc(), Order.id.desc()).limit(1)
        )
        if found is not None:
            return found
    if customer_id is None:
        return None
    return session.scalar(
        select(Order.id)
        .where(Order.customer_id == customer_id, Order.status.in_(open_statuses))
        .order_by(Order.created_at.desc(), Order.id.desc())
        .limit(1)
    )


def open_order_ids(session: Session, customer_id: int, limit: int = 20) -> list[int]:
    open_statuses = select(Status.code).where(Status.is_final.is_(False))
    return list(
        session.scalars(
            select(Order.id)
            .where(Order.customer_id == customer_id, Order.status.in_(open_statuses))
            .order_by(Order.created_at.desc(), Order.id.desc())
            .limit(limit)
        )
    )


def _update_call_from_legs(session: Session, call: Call) -> None:
    legs = session.scalars(select(CallLeg).where(CallLeg.call_id == call.id)).all()
    talk_legs = [leg for leg in legs if leg.number is not None or leg.location != "abonent"]
    started = [leg.appeared_at for leg in legs if leg.appeared_at]
    call.started_at = min(started) if started else call.started_at
    call.last_seq = max((leg.last_seq for leg in legs), default=0)
    if call.has_summary:
        return
    answered = [
        leg.answered_at for leg in talk_legs if leg.answered_at and leg.location == "abonent"
    ]
    call.answered_at = min(answered) if answered else None
    states = {leg.state for leg in legs}
    if "talking" in states:
        call.state = "talking"
    elif "on_hold" in states:
        call.state = "on_hold"
    elif "ringing" in states:
        call.state = "ringing"
    else:
        call.state = "ended"
        ends = [leg.ended_at for leg in legs if leg.ended_at]
        call.ended_at = max(ends) if ends else None


def _state_payload(call: Call, leg: CallLeg) -> dict[str, Any]:
    return {
        "operator_id": leg.operator_id,
        "extension": leg.extension,
        "call_id": call.id,
        "leg_id": leg.leg_id,
        "entry_id": call.external_id,
        "state": leg.state,
        # a click-to-call first rings the operator's own phone: that leg is not the customer's
        "own_phone": leg.number is None and call.command_id is not None,
        "direction": call.direction.value,
        "number": leg.number
        or (call.from_number if call.direction == Direction.INBOUND else call.to_number),
        "customer_id": call.customer_id,
        "order_id": call.order_id,
        "started_at": _iso(leg.appeared_at),
        "answered_at": _iso(leg.answered_at),
        "ended_at": _iso(leg.ended_at),
        "result": call.result,
    }


def _pop_payload(
    session: Session, call: Call, leg: CallLeg, ev: LegEvent, matches: list[PhoneMatch]
) -> dict[str, Any]:
    number = ev.from_number or ""
    if number and (not matches or number != call.from_number):
        matches = lookup_phone(session, number, limit=5)
    best = next((m for m in matches if m.customer_id == call.customer_id), None)
    best = best or (matches[0] if matches else None)
    return {
        "operator_id": leg.operator_id,
        "extension": leg.extension,
        "number": number,
        "e164": best.e164 if best else _e164_or_none(number),
        "customer_id": best.customer_id if best else None,
        "customer_name": " ".join(
            p for p in (best.last_name, best.first_name, best.patronymic) if p
        )
        if best
        else None,
        "candidates": [m.customer_id for m in matches],
        "match": best.match if best else None,
        "open_order_ids": open_order_ids(session, best.customer_id) if best else [],
        "order_id": call.order_id,
        "call_id": call.id,
        "leg_id": leg.leg_id,
        "entry_id": call.external_id,
        "direction": call.direction.value,
        "at": _iso(ev.at),
    }


def _e164_or_none(number: str) -> str | None:
    from app.customers.identity import lookup_key

    return lookup_key(number) if number else None


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


# summary ----------------------------------------------------------------------------------------


def _apply_summary(session: Session, ev: Summary, clock: Clock, region: str) -> bool:
    if not _remember(
        session, "summary", f"summary:{ev.entry_id}", ev, entry_id=ev.entry_id, event_at=ev.ended_at
    ):
        return False
    direction = Direction.OUTBOUND if ev.direction == "outbound" else Direction.INBOUND
    call = _call_for(session, ev.entry_id, direction)
    call.direction = direction
    call.has_summary = True
    call.state = "ended"
    call.line_number = call.line_number or ev.line_number
    if direction == Direction.INBOUND:
        call.from_number = ev.from_number or call.from_number
        call.extension = ev.to_extension or call.extension
    else:
        call.to_number = ev.to_number or call.to_number
        call.extension = ev.from_extension or call.extension
    if call.operator_id is None:
        call.operator_id = _operator_by_extension(session, call.extension)
    call.started_at = ev.created_at or call.started_at
    call.answered_at = ev.answered_at
    call.ended_at = ev.ended_at or call.ended_at
    call.disconnect_reason = ev.disconnect_reason
    if ev.answered_at is not None:
        call.result = "answered"
    elif ev.disconnect_reason == 1121:
        call.result = "busy"
    elif ev.disconnect_reason is not None and ev.disconnect_reason >= 2000:
        call.result = "failed"
    else:
        call.result = "missed"
    _link(session, call, region)
    session.flush()
    payload = {
        "call_id": call.id,
        "customer_id": call.customer_id,
        "order_id": call.order_id,
        "operator_id": call.operator_id,
        "result": call.result,
        "direction": call.direction.value,
    }
    emit(session, "telephony.call_logged", "call", call.id, payload)
    if direction == Direction.INBOUND and call.result != "answered":
        emit(
            session,
            "telephony.missed_call",
            "call",
            call.id,
            {**payload, "number": call.from_number},
        )
    elif direction == Direction.OUTBOUND and call.result == "answered":
        _close_callbacks_answered_by(session, call, clock)
    return True


def _close_callbacks_answered_by(session: Session, call: Call, clock: Clock) -> None:
    """A customer reached by phone needs no more call-backs for their missed calls."""
    if call.customer_id is None:
        return
    pending = session.scalars(
        select(Call).where(
            Call.customer_id == call.customer_id,
            Call.direction == Direction.INBOUND,
            Call.result == "missed",
            Call.callback_done_at.is_(None),
        )
    ).all()
    for missed in pending:
        missed.callback_done_at = clock.now()
        missed.callback_done_by_id = call.operator_id
        emit(
            session,
            "telephony.callback_done",
            "call",
            missed.id,
            {"call_id": missed.id, "by": call.operator_id, "via_call_id": call.id},
        )


# recordings and command results -----------------------------------------------------------------


def _apply_recording(session: Session, ev: RecordingEvent) -> bool:
    if ev.state == "Added":
        key = f"record_added:{ev.recording_id}"
    else:
        key = f"recording:{ev.recording_id}:{ev.seq or 0}:{ev.state}"
    if not _remember(
        session,
        "recording",
        key,
        ev,
        entry_id=ev.entry_id,
        leg_id=ev.leg_id,
        seq=ev.seq,
        event_at=ev.at,
    ):
        return False
    if ev.state != "Added" or not ev.entry_id:
        return True  # only record/added means "downloadable"
    # the recording may come before the call's own events: then a stub they complete
    call = _call_for(session, ev.entry_id, Direction.INBOUND)
    call.recording_id = ev.recording_id
    session.flush()
    emit(
        session,
        "telephony.recording_ready",
        "call",
        call.id,
        {"call_id": call.id, "recording_id": ev.recording_id},
    )
    return True


def _apply_result(session: Session, ev: CommandResult) -> bool:
    if not _remember(session, "result", f"result:{ev.command}:{ev.command_id}", ev):
        return False
    command = session.scalar(
        select(TelephonyCommand).where(TelephonyCommand.command_id == ev.command_id)
    )
    if command is None:
        log.warning("PBX result for an unknown command %s: %s", ev.command_id, ev.result)
        return True
    command.result = ev.result
    ok = ev.result == 1000
    command.status = "done" if ok else "failed"
    if not ok:
        command.error = result_text(ev.result)
        emit(
            session,
            "telephony.command_failed",
            "user",
            command.operator_id,
            {
                "operator_id": command.operator_id,
                "command_id": command.command_id,
                "kind": command.kind,
                "result": ev.result,
                "message": f"{command.kind}: {result_text(ev.result)}",
            },
        )
    return True
