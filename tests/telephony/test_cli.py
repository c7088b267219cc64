"""``okno pbx ring`` against a running demo PBX, then ``okno calls log`` / ``okno calls missed``."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from app.telephony import DemoPbx


def test_ring_then_log_and_missed(
    db_url: str, people: dict[str, int], pbx: DemoPbx, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            [
                "pbx",
                "ring",
                "+79161234567",
                "--extension",
                "101",
                "--no-answer",
                "--emulator",
                pbx.emulator.url,
            ]
        )
        == 0
    )
    assert pbx.emulator.wait_idle()
    assert "ringing extension 101" in capsys.readouterr().out
    assert main(["--database-url", db_url, "calls", "missed", "--json"]) == 0
    (missed,) = json.loads(capsys.readouterr().out)
    assert (missed["customer_id"], missed["result"]) == (people["customer"], "missed")
    assert main(["--database-url", db_url, "calls", "log", "--operator", "olga"]) == 0
    out = capsys.readouterr().out
    assert "inbound" in out and "missed" in out and "Иванова Мария" in out
    assert main(["pbx", "ring", "+79161234567", "--emulator", "http://127.0.0.1:9"]) == 1
