"""What the order card asks beyond load_card: free stock per offer at a store, stores ranked for
the lines being edited, status names."""

from __future__ import annotations

from app.db import session_scope
from app.orders.card import free_stock, status_labels, stores_for_order
from tests import factories as f


def test_free_stock_at_a_store_counts_reserves_and_zero_fills(db_url: str) -> None:
    with session_scope(db_url) as s:
        a = f.store(s, name="Тверская")
        shirt = f.offer(s, "1000", stock={a.id: 5})
        jeans = f.offer(s, "2500")
        f.offer(s, "10", stock={a.id: 50})  # not asked for
        stock_row = s.query(f.Stock).filter_by(offer_id=shirt.id).one()
        stock_row.reserved = 2
        store_id, shirt_id, jeans_id = a.id, shirt.id, jeans.id
    with session_scope(db_url) as s:
        free = dict(free_stock(s, store_id, (shirt_id, jeans_id)))
        assert free_stock(s, store_id, ()) == ()
    assert free == {shirt_id: 3, jeans_id: 0}


def test_stores_ranked_for_the_lines_being_edited(db_url: str) -> None:
    with session_scope(db_url) as s:
        a = f.store(s, city="Москва", name="Тверская")
        b = f.store(s, city="Москва", name="Арбат")
        f.store(s, city="Казань", name="Казань")
        shirt = f.offer(s, "1000", stock={a.id: 1, b.id: 5})
        jeans = f.offer(s, "2500", stock={a.id: 3})
        o = f.order(s, [(shirt, 1)], store_id=a.id)
        ids = {"a": a.id, "b": b.id, "shirt": shirt.id, "jeans": jeans.id, "order": o.id}
    with session_scope(db_url) as s:
        saved = stores_for_order(s, ids["order"])
        edited = stores_for_order(s, ids["order"], wanted={ids["shirt"]: 2, ids["jeans"]: 1})
    # the saved order (1 shirt): both Moscow stores have it; ties go by name
    assert [(c.name, c.items_fully_available, c.units_wanted) for c in saved] == [
        ("Арбат", 1, 1),
        ("Тверская", 1, 1),
    ]
    # the edited lines (2 shirts + jeans): Tverskaya serves the jeans and one shirt,
    # Arbat two shirts and no jeans; nobody has it all
    assert [
        (c.name, c.items_fully_available, c.units_available, c.units_wanted) for c in edited
    ] == [("Арбат", 1, 2, 3), ("Тверская", 1, 2, 3)]


def test_status_labels_in_display_order(db_url: str) -> None:
    with session_scope(db_url) as s:
        labels = status_labels(s)
    codes = [label.code for label in labels]
    assert codes[:2] == ["new", "needs_confirmation"]
    by_code = {label.code: label for label in labels}
    assert by_code["no_answer"].name_ru == "Недозвон"
    assert by_code["cancelled"].name_en
