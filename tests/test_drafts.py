"""Drafts of unsaved order edits (app/drafts.py): round trip, atomic revisions, bad files kept."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal
from pathlib import Path

import pytest

from app.drafts import (
    BaseLine,
    DraftError,
    DraftLine,
    DraftStore,
    OrderDraft,
    database_key,
)

T = dt.datetime(2026, 11, 20, 11, 32, tzinfo=dt.UTC)


def draft(order_id: int = 7, **kw: object) -> OrderDraft:
    values: dict[str, object] = {
        "order_id": order_id,
        "order_number": f"T{order_id:06d}",
        "user_id": 3,
        "expected_version": 4,
        "saved_at": T,
        "fields": (("delivery_address", "Москва, Арбат, 10"), ("shipping_store_id", 12)),
        "base_lines": (BaseLine(101, 5, 1, Decimal("0.00")),),
        "lines": (
            DraftLine(
                101,
                5,
                "SKU-5",
                "Рубашка белая, 128",
                "белый",
                "128",
                Decimal("1000.00"),
                3,
                Decimal("0.00"),
                free_at_store=2,
            ),
            DraftLine(
                None,
                9,
                "SKU-9",
                "Джинсы",
                None,
                None,
                Decimal("2500.00"),
                1,
                None,
                capsule_name="Лето",
                is_cross_sell=True,
            ),
        ),
        "labels": (("shipping_store_name", "Тверская"),),
    }
    values.update(kw)
    return OrderDraft(**values)  # type: ignore[arg-type]


def test_round_trip_keeps_every_value_exactly(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    original = draft()
    assert store.write(original)
    back = store.read(7)
    assert back == original
    assert back is not None and back.lines is not None
    assert back.lines[0].price == Decimal("1000.00")  # Decimal, never a float
    assert back.lines[1].discount is None  # "loyalty" survives as None, not 0
    assert back.field_map()["shipping_store_id"] == 12
    assert back.label_map() == {"shipping_store_name": "Тверская"}
    assert "Москва" in store.path(7).read_text(encoding="utf-8")  # readable by a person


def test_untouched_items_stay_none(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.write(draft(lines=None))
    back = store.read(7)
    assert back is not None and back.lines is None


def test_missing_draft_is_none_and_remove_reports(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "not-yet")
    assert store.read(1) is None
    assert store.order_ids() == []
    assert store.remove(1) is False
    store.write(draft(1))
    store.write(draft(22))
    assert store.order_ids() == [1, 22]
    assert store.remove(1) is True
    assert store.order_ids() == [22]


def test_an_older_revision_never_replaces_a_newer_one(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    assert store.write(draft(expected_version=5), revision=2)
    assert not store.write(draft(expected_version=4), revision=1)  # late writer from a thread
    back = store.read(7)
    assert back is not None and back.expected_version == 5


def test_a_late_write_cannot_resurrect_a_removed_draft(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.write(draft(), revision=1)
    assert store.remove(7, revision=2)  # saved: the draft goes
    assert not store.write(draft(), revision=2)  # the debounced write that was still queued
    assert store.read(7) is None
    assert store.write(draft(), revision=3)  # a new edit after the save is a new draft
    assert store.read(7) is not None


def test_concurrent_writers_leave_one_complete_file(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    errors: list[BaseException] = []

    def write(rev: int) -> None:
        try:
            store.write(draft(expected_version=rev), revision=rev)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(r,)) for r in range(1, 41)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    back = store.read(7)
    assert back is not None
    # whichever ran last among the accepted writes, it is whole and the newest seen
    assert back.expected_version == max(store._revisions.values())
    assert [p.name for p in tmp_path.iterdir()] == ["order-7.json"]  # no temp files left


def test_unreadable_file_is_kept_aside_not_lost(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.path(7).write_text('{"format": 1, "order_id": 7', encoding="utf-8")
    assert store.read(7) is None
    kept = list(tmp_path.glob("order-7.broken-*.json"))
    assert len(kept) == 1
    assert kept[0].read_text(encoding="utf-8") == '{"format": 1, "order_id": 7'
    assert store.order_ids() == []  # a broken file is not offered as a draft


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(format=99), "format 99"),
        (lambda d: d.pop("expected_version"), "'expected_version' is missing"),
        (lambda d: d.update(order_id="7"), "'order_id' should be int"),
        (lambda d: d.update(user_id=True), "'user_id' should be int"),
        (lambda d: d.update(saved_at="2026-11-20T11:32:00"), "no time zone"),
        (lambda d: d["lines"][0].update(price="12,5"), "'12,5' is not an amount"),
        (lambda d: d["fields"].update(delivery_cost=[1]), "field 'delivery_cost' holds a list"),
    ],
)
def test_bad_content_names_what_is_wrong(mutate: object, message: str) -> None:
    import json

    data = json.loads(draft().to_json())
    mutate(data)  # type: ignore[operator]
    with pytest.raises(DraftError, match=message) as err:
        OrderDraft.from_json(json.dumps(data), "order-7.json")
    assert str(err.value).startswith("order-7.json: ")


def test_a_file_under_the_wrong_name_is_refused(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.path(8).write_text(draft(7).to_json(), encoding="utf-8")
    assert store.read(8) is None
    assert list(tmp_path.glob("order-8.broken-*.json"))


def test_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        draft(saved_at=dt.datetime(2026, 11, 20, 11, 32))


def test_drafts_are_separated_by_database_and_user(tmp_path: Path) -> None:
    pg = "postgresql+psycopg://okno:secret@db.example:5432/okno"
    same_pg_other_password = "postgresql+psycopg://okno:other@db.example:5432/okno"
    sqlite = "sqlite:////home/op/.local/share/Okno/okno.sqlite3"
    assert database_key(pg) == database_key(same_pg_other_password)
    assert database_key(pg) != database_key(sqlite)
    assert "secret" not in str(DraftStore.for_user(pg, 3, tmp_path).directory)
    a = DraftStore.for_user(pg, 3, tmp_path)
    b = DraftStore.for_user(sqlite, 3, tmp_path)
    c = DraftStore.for_user(pg, 4, tmp_path)
    a.write(draft())
    assert a.read(7) is not None
    assert b.read(7) is None and c.read(7) is None


def test_default_root_is_the_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OKNO_DATA_DIR", str(tmp_path))
    store = DraftStore.for_user("sqlite:///x.sqlite3", 1)
    assert store.directory.parent.parent == tmp_path / "drafts"
