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


def test_worker_receiver_from_config(db_url: str, people: dict[str, int]) -> None:
    import requests

    from app.config import Config
    from app.telephony.receiver import receiver_from_config

    assert receiver_from_config(Config(db_url, embedded=False)) is None
    with pytest.raises(ValueError, match="OKNO_MANGO_API_KEY"):
        receiver_from_config(Config(db_url, embedded=False), "127.0.0.1:0")
    config = Config(db_url, embedded=False, mango_api_key="k", mango_api_salt="s")
    receiver = receiver_from_config(config, "127.0.0.1:0")
    assert receiver is not None
    receiver.start()
    try:
        forged = {"vpbx_api_key": "k", "sign": "0" * 64, "json": "{}"}
        answer = requests.post(f"{receiver.url}/events/call", data=forged, timeout=5)
        assert answer.status_code == 403
    finally:
        receiver.stop()
