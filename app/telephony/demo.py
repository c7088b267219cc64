"""The demo PBX: the Mango emulator and the webhook receiver on loopback threads, wired to each
other, so a newcomer on the embedded default can place and receive pretend calls."""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass

from sqlalchemy import select

from app.clock import SYSTEM_CLOCK, Clock
from app.db import session_scope
from app.telephony.receiver import WebhookReceiver
from integrations.telephony.emulator import MangoEmulator
from integrations.telephony.mango import MangoClient
from models import Role, User

log = logging.getLogger(__name__)

FIRST_DEMO_EXTENSION = 101


@dataclass
class DemoPbx:
    """A running demo PBX. Pass ``provider`` to ``dial``/``hang_up``/``fetch_recording``."""

    database_url: str
    emulator: MangoEmulator
    receiver: WebhookReceiver
    provider: MangoClient

    def ring(
        self,
        number: str,
        extension: str | None = None,
        *,
        answer: bool = True,
        ring_seconds: float = 4.0,
        talk_seconds: float = 20.0,
        wait: bool | None = None,
    ) -> str:
        """Simulate an inbound call from ``number`` to ``extension`` (default: the first
        operator with one); returns the call's ``entry_id``."""
        ext = extension or first_extension(self.database_url)
        if ext is None:
            raise LookupError("no operator has a PBX extension to ring")
        return self.emulator.ring(
            number,
            ext,
            answer=answer,
            ring_seconds=ring_seconds,
            talk_seconds=talk_seconds,
            wait=wait,
        )

    def stop(self) -> None:
        self.emulator.stop()
        self.receiver.stop()


def start_demo_pbx(
    database_url: str,
    *,
    pace: float = 1.0,
    host: str = "127.0.0.1",
    clock: Clock = SYSTEM_CLOCK,
    assign_extensions: bool = True,
    shuffle: bool = False,
    duplicate: bool = False,
    emulator_port: int = 0,
    webhook_port: int = 0,
) -> DemoPbx:
    """Start the emulator and the receiver on free loopback ports. ``pace`` is real seconds per
    scripted second (1.0 = real time; 0 = instant, for tests)."""
    key, salt = "demo-" + secrets.token_hex(4), secrets.token_hex(16)
    if assign_extensions:
        give_demo_extensions(database_url)
    receiver = WebhookReceiver(database_url, key, salt, host, webhook_port, clock=clock).start()
    emulator = MangoEmulator(
        key,
        salt,
        receiver.url,
        host=host,
        port=emulator_port,
        pace=pace,
        shuffle=shuffle,
        duplicate=duplicate,
    ).start()
    provider = MangoClient(key, salt, emulator.base_url, line_number=emulator.line_number)
    log.info("demo PBX: emulator %s, webhook %s", emulator.base_url, receiver.url)
    return DemoPbx(database_url, emulator, receiver, provider)


def give_demo_extensions(database_url: str) -> dict[int, str]:
    """Operators without an extension get 101, 102, ... (demo data only)."""
    given = {}
    with session_scope(database_url) as session:
        taken = {e for e in session.scalars(select(User.pbx_extension)) if e}
        users = session.scalars(
            select(User)
            .where(User.pbx_extension.is_(None), User.role.in_((Role.OPERATOR, Role.SUPERVISOR)))
            .order_by(User.id)
        ).all()
        number = FIRST_DEMO_EXTENSION
        for user in users:
            while str(number) in taken:
                number += 1
            user.pbx_extension = str(number)
            taken.add(str(number))
            given[user.id] = str(number)
    return given


def first_extension(database_url: str) -> str | None:
    with session_scope(database_url) as session:
        return session.scalar(
            select(User.pbx_extension)
            .where(
                User.pbx_extension.is_not(None),
                User.is_active.is_(True),
                User.role == Role.OPERATOR,
            )
            .order_by(User.id)
            .limit(1)
        )
