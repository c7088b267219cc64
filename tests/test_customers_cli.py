"""``okno customers add / duplicates / reindex / birthday-promos`` (both databases)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select, update

from app.cli import main
from app.db import get_engine, session_scope
from models import Child, Customer
from tests import factories as f


def _run(db_url: str, *args: str) -> int:
    return main(["--database-url", db_url, "customers", *args])


def test_add_refuses_a_duplicate_and_force_records_it(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with session_scope(db_url) as s:
        f.user(s, login="olga", name="Ольга")
    base = ["add", "--user", "olga", "--first-name", "Анна", "--last-name", "Петрова",
            "--birth-date", "1990-05-17", "--json"]  # fmt: skip
    assert _run(db_url, *base, "--phone", "8 916 123-45-67") == 0
    first = json.loads(capsys.readouterr().out)["id"]
    assert _run(db_url, *base, "--phone", "+7 916 1234567") == 1
    err = capsys.readouterr().err
    assert "+79161234567 already belongs to customer" in err and f"#{first}" in err
    assert _run(db_url, *base, "--phone", "+7 916 1234567", "--force") == 0
    forced = json.loads(capsys.readouterr().out)
    assert forced["forced_over"] == [first] and forced["similar"] == []
    assert _run(db_url, *base, "--phone", "+7 903 000 00 00") == 0
    similar = json.loads(capsys.readouterr().out)["similar"]
    assert [c["id"] for c in similar] == [first, forced["id"]]
    assert _run(db_url, "add", "--user", "olga", "--phone", "12") == 1
    assert "phone" in capsys.readouterr().err
    assert _run(db_url, "add", "--user", "olga", "--birth-date", "17.05.1990") == 1


def test_duplicates_json(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    born = dt.date(1985, 1, 2)
    with session_scope(db_url) as s:
        a = f.customer(s, phone="+79161234567", first_name="Анна", last_name="Петрова")
        b = f.customer(s, phone="+79161234567", first_name="Аня", last_name="Петрова")
        c = f.customer(s, phone="+79030000001", email="x@y.ru", email_normalized="x@y.ru")
        d = f.customer(s, phone="+79030000002", email="X@Y.RU", email_normalized="x@y.ru")
        e = f.customer(
            s, phone="+79030000003", first_name="Иван", last_name="Ёжиков", birth_date=born
        )
        g = f.customer(
            s, phone="+79030000004", first_name="ЕЖИКОВ", last_name="иван", birth_date=born
        )
        f.customer(s, phone="+79030000005", first_name="Иван", last_name="Ежиков",
                   birth_date=dt.date(1985, 1, 3))  # fmt: skip
        merged = f.customer(s, phone="+79161234567", first_name="Старая")
        merged.merged_into_id = a.id
    assert _run(db_url, "duplicates", "--json") == 0
    groups = json.loads(capsys.readouterr().out)
    assert [(g_["reason"], g_["key"], [c_["id"] for c_ in g_["customers"]]) for g_ in groups] == [
        ("phone", "+79161234567", [a.id, b.id]),
        ("email", "x@y.ru", [c.id, d.id]),
        ("name_birth_date", "ежиков иван 1985-01-02", [e.id, g.id]),
    ]
    assert _run(db_url, "duplicates") == 0
    assert "phone +79161234567" in capsys.readouterr().out


def test_reindex_fills_rows_loaded_around_the_orm(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with session_scope(db_url) as s:
        cid = f.customer(s, first_name="Алёна", last_name="Ёлкина").id
    with get_engine(db_url).begin() as conn:  # what a COPY loader leaves behind
        conn.execute(update(Customer).values(search_text=None, name_key=None))
    assert _run(db_url, "find", "елкина", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []
    assert _run(db_url, "reindex") == 0
    assert "filled for 1 customers" in capsys.readouterr().out
    assert _run(db_url, "find", "елкина", "--json") == 0
    assert [h["id"] for h in json.loads(capsys.readouterr().out)] == [cid]
    with session_scope(db_url) as s:
        assert s.scalar(select(Customer.name_key).where(Customer.id == cid)) == "алена елкина"


def test_birthday_promos_command(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with session_scope(db_url) as s:
        c = f.customer(s, consent_sms=True)
        s.add(Child(customer_id=c.id, name="Маша", birth_date=dt.date(2019, 11, 25)))
    assert _run(db_url, "birthday-promos", "--now", f.T0.isoformat()) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(p["birthday"], p["no_message_reason"]) for p in out] == [("2026-11-25", None)]
    assert _run(db_url, "birthday-promos", "--now", f.T0.isoformat()) == 0
    assert json.loads(capsys.readouterr().out) == []
