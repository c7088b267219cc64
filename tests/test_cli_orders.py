"""The order CLI as an admin or a script uses it."""

from __future__ import annotations

import json

from app.cli import main as cli
from app.db import session_scope
from models import Role
from tests import factories as f


def _setup(db_url: str) -> str:
    with session_scope(db_url) as s:
        st = f.store(s)
        f.user(s, "anna", Role.OPERATOR)
        off = f.offer(s, "800", stock={st.id: 5})
        return f.order(
            s, [(off, 1)], status="needs_confirmation", store_id=st.id, number="A-1"
        ).number


def test_user_add_and_list(db_url: str, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("OKNO_PASSWORD", "s3cret")
    assert (
        cli(
            [
                "--database-url",
                db_url,
                "user",
                "add",
                "petr",
                "--role",
                "supervisor",
                "--extension",
                "201",
            ]
        )
        == 0
    )
    assert cli(["--database-url", db_url, "user", "add", "petr"]) == 1
    assert cli(["--database-url", db_url, "user", "list"]) == 0
    out = capsys.readouterr().out
    assert "petr" in out and "supervisor" in out and "201" in out


def test_set_status_show_and_refusals(db_url: str, capsys) -> None:  # type: ignore[no-untyped-def]
    number = _setup(db_url)
    base = ["--database-url", db_url, "orders"]
    assert cli([*base, "set-status", number, "shipped", "--user", "anna"]) == 1
    assert "may not move it" in capsys.readouterr().err
    assert cli([*base, "set-status", number, "cancelled", "--user", "anna"]) == 1
    assert "needs a reason" in capsys.readouterr().err
    assert (
        cli(
            [
                *base,
                "set-status",
                number,
                "no_answer",
                "--user",
                "anna",
                "--now",
                "2026-11-20T10:00:00Z",
            ]
        )
        == 0
    )
    assert "attempt 1" in capsys.readouterr().out
    assert cli([*base, "show", number, "--json"]) == 0
    details = json.loads(capsys.readouterr().out)
    assert details["status"] == "no_answer"
    assert details["retry"]["no_answer_attempts"] == 1
    assert details["retry"]["next_attempt_at"].startswith("2026-11-20T13:00")
    assert [h["to"] for h in details["history"]] == ["no_answer"]
    assert cli([*base, "show", "NOPE"]) == 1


def test_backtest_json(db_url: str, capsys) -> None:  # type: ignore[no-untyped-def]
    _setup(db_url)
    assert (
        cli(
            [
                "--database-url",
                db_url,
                "robot",
                "backtest",
                "--threshold",
                "500",
                "--threshold",
                "1000",
                "--json",
            ]
        )
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert [r["auto_confirmed"] for r in out["results"]] == [0, 1]
