"""The operator queue: who gets which order, leases, and no order ever claimed twice."""

from __future__ import annotations

import collections
import datetime as dt
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, func, insert, select, text, update

from app import migrations
from app.business_settings import set_setting
from app.clock import FixedClock
from app.db import make_engine, session_scope
from app.queue import (
    CLAIM_SQL,
    TOP_PRIORITY_SQL,
    LeaseLost,
    OrderNotFound,
    claim_next,
    heartbeat,
    lease_holder,
    release,
    take_next,
)
from models import Order, OutboxEvent
from tests import factories, pg

T0 = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
LEASE = 15  # minutes, the business setting's default


def _operators(url: str, count: int) -> list[int]:
    with session_scope(url) as s:
        return [factories.user(s).id for _ in range(count)]


def _order(
    url: str,
    *,
    status: str = "needs_confirmation",
    priority: int = 0,
    age_minutes: int = 60,
    **kw: object,
) -> int:
    with session_scope(url) as s:
        o = factories.order(
            s,
            [],
            status=status,
            priority=priority,
            created_at=T0 - dt.timedelta(minutes=age_minutes),
            **kw,
        )
        return o.id


def _row(url: str, order_id: int) -> Order:
    with session_scope(url) as s:
        order = s.get(Order, order_id)
        assert order is not None
        return order


def _claimed_events(url: str) -> list[OutboxEvent]:
    with session_scope(url) as s:
        return list(
            s.scalars(
                select(OutboxEvent)
                .where(OutboxEvent.topic == "order.claimed")
                .order_by(OutboxEvent.id)
            )
        )


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


def test_most_urgent_first_priority_then_age(db_url: str, clock: FixedClock) -> None:
    old_low = _order(db_url, priority=0, age_minutes=500)
    new_high = _order(db_url, priority=2, age_minutes=10)
    old_high = _order(db_url, priority=2, age_minutes=100)
    mid = _order(db_url, priority=1, age_minutes=5)
    _order(db_url, status="new", priority=9)  # not in the queue
    _order(db_url, status="confirmed", priority=9)  # not in the queue

    operators = _operators(db_url, 5)
    taken = [take_next(db_url, operator_id=op, clock=clock) for op in operators]

    assert [c.order_id if c else None for c in taken] == [old_high, new_high, mid, old_low, None]


def test_no_answer_only_when_its_next_attempt_is_due(db_url: str, clock: FixedClock) -> None:
    retry = _order(
        db_url, status="no_answer", next_attempt_at=T0 + dt.timedelta(hours=3), priority=5
    )
    (op,) = _operators(db_url, 1)

    assert take_next(db_url, operator_id=op, clock=clock) is None

    clock.advance(hours=3)
    claimed = take_next(db_url, operator_id=op, clock=clock)
    assert claimed is not None
    assert (claimed.order_id, claimed.status) == (retry, "no_answer")


def test_callback_in_the_future_is_excluded_until_it_comes(db_url: str, clock: FixedClock) -> None:
    later = _order(db_url, priority=5, callback_at=T0 + dt.timedelta(minutes=30))
    now = _order(db_url, priority=0)
    came = _order(db_url, priority=1, callback_at=T0 - dt.timedelta(minutes=1))
    a, b, c = _operators(db_url, 3)

    assert take_next(db_url, operator_id=a, clock=clock).order_id == came  # type: ignore[union-attr]
    assert take_next(db_url, operator_id=b, clock=clock).order_id == now  # type: ignore[union-attr]
    assert take_next(db_url, operator_id=c, clock=clock) is None
    clock.advance(minutes=30)
    assert take_next(db_url, operator_id=c, clock=clock).order_id == later  # type: ignore[union-attr]


def test_live_lease_excluded_expired_lease_goes_back_to_the_pool(
    db_url: str, clock: FixedClock
) -> None:
    order_id = _order(db_url)
    anna, boris = _operators(db_url, 2)
    first = take_next(db_url, operator_id=anna, clock=clock)
    assert first is not None and first.order_id == order_id

    clock.advance(minutes=LEASE - 1)
    assert take_next(db_url, operator_id=boris, clock=clock) is None  # still Anna's

    clock.advance(minutes=2)  # Anna's console went silent for 16 minutes
    second = take_next(db_url, operator_id=boris, clock=clock)
    assert second is not None
    assert (second.order_id, second.operator_id, second.resumed) == (order_id, boris, False)
    assert second.lease_taken_at == clock.now()

    with session_scope(db_url) as s, pytest.raises(LeaseLost) as lost:
        heartbeat(s, order_id, anna, clock)
    assert lost.value.holder_id == boris
    assert first.number in str(lost.value)
    assert f"operator {boris} holds it" in str(lost.value)
    assert len(_claimed_events(db_url)) == 2


def test_same_operator_gets_the_held_order_back(db_url: str, clock: FixedClock) -> None:
    first_id = _order(db_url, priority=0, age_minutes=100)
    _order(db_url, priority=0, age_minutes=50)
    (anna,) = _operators(db_url, 1)
    first = take_next(db_url, operator_id=anna, clock=clock)
    assert first is not None and first.order_id == first_id and not first.resumed

    clock.advance(minutes=5)
    again = take_next(db_url, operator_id=anna, clock=clock)

    assert again is not None
    assert (again.order_id, again.resumed) == (first_id, True)
    assert again.lease_taken_at == first.lease_taken_at
    assert again.lease_heartbeat_at == clock.now()  # asking again proves she is there
    assert len(_claimed_events(db_url)) == 1  # nothing new was claimed


def test_finished_order_is_not_handed_back_as_held(db_url: str, clock: FixedClock) -> None:
    first_id = _order(db_url, age_minutes=100)
    second_id = _order(db_url, age_minutes=50)
    (anna,) = _operators(db_url, 1)
    assert take_next(db_url, operator_id=anna, clock=clock).order_id == first_id  # type: ignore[union-attr]
    with session_scope(db_url) as s:  # say the call ended with a call-back in an hour
        order = s.get(Order, first_id)
        assert order is not None
        order.callback_at = T0 + dt.timedelta(hours=1)

    nxt = take_next(db_url, operator_id=anna, clock=clock)

    assert nxt is not None and (nxt.order_id, nxt.resumed) == (second_id, False)


def test_claim_writes_the_lease_and_an_outbox_event_and_nothing_else(
    db_url: str, clock: FixedClock
) -> None:
    mine = _order(db_url, priority=1)
    borises = _order(db_url, priority=0)
    anna, boris, carol = _operators(db_url, 3)
    with session_scope(db_url) as s:
        s.execute(update(Order).where(Order.id == borises).values(operator_id=boris))
    before = _row(db_url, mine)

    claimed = take_next(db_url, operator_id=anna, clock=clock)

    after = _row(db_url, mine)
    assert claimed is not None and claimed.order_id == mine
    assert (after.lease_operator_id, after.lease_taken_at, after.lease_heartbeat_at) == (
        anna,
        T0,
        T0,
    )
    assert after.operator_id == anna  # nobody was responsible: now Anna is
    assert after.version == before.version  # a lease is not an edit of the order
    assert after.updated_at == before.updated_at
    assert after.status == "needs_confirmation"
    assert claimed.lease_expires_at == T0 + dt.timedelta(minutes=LEASE)
    assert claimed.version == before.version

    by_carol = take_next(db_url, operator_id=carol, clock=clock)
    assert by_carol is not None and by_carol.order_id == borises
    assert _row(db_url, borises).operator_id == boris  # Boris stays responsible for it

    events = _claimed_events(db_url)
    assert [(e.aggregate, e.aggregate_id, e.actor_id) for e in events] == [
        ("order", mine, anna),
        ("order", borises, carol),
    ]
    assert events[0].payload["number"] == after.number
    assert events[0].payload["operator_id"] == anna


def test_heartbeat_release_and_lease_holder(db_url: str, clock: FixedClock) -> None:
    order_id = _order(db_url)
    anna, boris = _operators(db_url, 2)
    take_next(db_url, operator_id=anna, clock=clock)

    clock.advance(minutes=10)
    with session_scope(db_url) as s:
        lease = heartbeat(s, order_id, anna, clock)
    assert (lease.taken_at, lease.heartbeat_at) == (T0, clock.now())
    assert lease.expires_at == clock.now() + dt.timedelta(minutes=LEASE)

    clock.advance(minutes=10)  # 20 min after the claim, 10 after the heartbeat: still live
    assert take_next(db_url, operator_id=boris, clock=clock) is None
    with session_scope(db_url) as s:
        holder = lease_holder(s, order_id, clock)
    assert holder is not None and (holder.operator_id, holder.live) == (anna, True)

    with session_scope(db_url) as s, pytest.raises(LeaseLost, match=f"operator {anna} holds it"):
        release(s, order_id, boris, clock)  # nobody drops a colleague's lease
    with session_scope(db_url) as s:
        assert release(s, order_id, anna, clock) is True
    with session_scope(db_url) as s:
        assert release(s, order_id, anna, clock) is False  # twice is harmless
        assert lease_holder(s, order_id, clock) is None
    with session_scope(db_url) as s, pytest.raises(LeaseLost, match="nobody holds it"):
        heartbeat(s, order_id, anna, clock)

    with session_scope(db_url) as s:
        released = s.scalars(
            select(OutboxEvent).where(OutboxEvent.topic == "order.lease_released")
        ).all()
    assert [(e.aggregate_id, e.actor_id) for e in released] == [(order_id, anna)]

    back = take_next(db_url, operator_id=boris, clock=clock)
    assert back is not None and back.order_id == order_id


def test_lapsed_lease_nobody_took_can_be_renewed(db_url: str, clock: FixedClock) -> None:
    order_id = _order(db_url)
    (anna,) = _operators(db_url, 1)
    take_next(db_url, operator_id=anna, clock=clock)
    clock.advance(minutes=LEASE + 5)
    with session_scope(db_url) as s:
        assert lease_holder(s, order_id, clock).live is False  # type: ignore[union-attr]
        lease = heartbeat(s, order_id, anna, clock)
    assert lease.live and lease.heartbeat_at == clock.now()


def test_unknown_order_is_named(db_url: str, clock: FixedClock) -> None:
    (anna,) = _operators(db_url, 1)
    with session_scope(db_url) as s:
        for call in (heartbeat, release):
            with pytest.raises(OrderNotFound, match="order id 424242 does not exist"):
                call(s, 424242, anna, clock)
        with pytest.raises(OrderNotFound):
            lease_holder(s, 424242, clock)


def test_lease_length_comes_from_the_business_setting(db_url: str, clock: FixedClock) -> None:
    order_id = _order(db_url)
    anna, boris = _operators(db_url, 2)
    with session_scope(db_url) as s:
        set_setting(s, "queue.lease_minutes", 5)
    claimed = take_next(db_url, operator_id=anna, clock=clock)
    assert claimed is not None and claimed.lease_expires_at == T0 + dt.timedelta(minutes=5)

    clock.advance(minutes=6)
    stolen = take_next(db_url, operator_id=boris, clock=clock)
    assert stolen is not None and stolen.order_id == order_id

    with session_scope(db_url) as s, pytest.raises(ValueError, match="positive"):
        claim_next(s, operator_id=anna, clock=clock, lease_minutes=0)


def test_a_setting_changed_between_claims_is_used_by_the_next_one(
    db_url: str, clock: FixedClock
) -> None:
    """take_next reads the lease length on every claim: an admin's change applies at once."""
    first, second = _order(db_url, age_minutes=90), _order(db_url, age_minutes=60)
    anna, boris = _operators(db_url, 2)
    assert take_next(db_url, operator_id=anna, clock=clock).lease_expires_at == (  # type: ignore[union-attr]
        T0 + dt.timedelta(minutes=LEASE)
    )
    with session_scope(db_url) as s:
        set_setting(s, "queue.lease_minutes", 7)
    claimed = take_next(db_url, operator_id=boris, clock=clock)
    assert claimed is not None and claimed.order_id == second != first
    assert claimed.lease_expires_at == T0 + dt.timedelta(minutes=7)
    with pytest.raises(ValueError, match="positive"):
        take_next(db_url, operator_id=boris, clock=clock, lease_minutes=0)


def test_claim_next_in_the_callers_session_matches_take_next(
    db_url: str, clock: FixedClock
) -> None:
    """The session flavour (the caller commits) leases and writes the same event as take_next;
    rolled back, it leaves neither lease nor event."""
    kept, other = _order(db_url, age_minutes=90), _order(db_url, age_minutes=60)
    anna, boris = _operators(db_url, 2)

    with pytest.raises(RuntimeError), session_scope(db_url) as s:
        assert claim_next(s, operator_id=anna, clock=clock).order_id == kept  # type: ignore[union-attr]
        raise RuntimeError("the caller changed its mind")
    assert _row(db_url, kept).lease_operator_id is None
    assert _claimed_events(db_url) == []

    with session_scope(db_url) as s:
        by_session = claim_next(s, operator_id=anna, clock=clock)
    by_core = take_next(db_url, operator_id=boris, clock=clock)
    assert by_session is not None and by_core is not None
    assert (by_session.order_id, by_core.order_id) == (kept, other)
    assert (by_session.resumed, by_core.resumed) == (False, False)
    assert by_session.lease_expires_at == by_core.lease_expires_at
    events = _claimed_events(db_url)
    assert [(e.aggregate_id, e.actor_id) for e in events] == [(kept, anna), (other, boris)]
    assert [sorted(e.payload) for e in events] == [
        ["lease_taken_at", "number", "operator_id", "status"]
    ] * 2
    assert events[1].payload == {
        "number": _row(db_url, other).number,
        "status": "needs_confirmation",
        "operator_id": boris,
        "lease_taken_at": T0.isoformat(),
    }
    assert all(e.created_at is not None for e in events)

    # held orders come back from either flavour, without a second event
    with session_scope(db_url) as s:
        assert claim_next(s, operator_id=boris, clock=clock).resumed  # type: ignore[union-attr]
    assert take_next(db_url, operator_id=anna, clock=clock).resumed  # type: ignore[union-attr]
    assert len(_claimed_events(db_url)) == 2


def test_claim_is_served_by_the_queue_index(db_url: str, backend: str) -> None:
    """The claim's searches can run off the partial index ix_orders_queue (the planner picks
    it on a big table: see bench/bench_claim.py; here it is only shown to be usable)."""
    params = {
        "now": T0,
        "stale_before": T0 - dt.timedelta(minutes=LEASE),
        "op_id": 1,
        "at_priority": 0,
    }
    with session_scope(db_url) as s:
        conn = s.connection()
        for stmt in (TOP_PRIORITY_SQL, CLAIM_SQL):
            compiled = stmt.compile(dialect=conn.dialect)
            if backend == "postgresql":
                # a test table is tiny: forbid the alternatives to show the index can serve it
                conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
                conn.exec_driver_sql("SET LOCAL enable_sort = off")
                rows = conn.exec_driver_sql(
                    "EXPLAIN " + str(compiled), {**compiled.params, **params}
                )
            else:  # SQLite plans at prepare time, before any value is bound
                unbound = tuple(None for _ in compiled.positiontup or ())
                rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + str(compiled), unbound)
            plan = "\n".join(str(r[-1]) for r in rows)
            assert "ix_orders_queue" in plan, plan


# --- concurrency: many claimers, each order claimed exactly once -------------------------------

_QUEUE_ORDER_DEFAULTS = {
    "source": "site",
    "status": "needs_confirmation",
    "contact_name": "Покупатель",
    "delivery_type": "courier",
    "delivery_cost": 0,
    "payment_status": "not_paid",
    "subtotal": 0,
    "discount_total": 0,
    "total": 0,
    "no_answer_attempts": 0,
    "version": 1,
    "updated_at": T0,
}


def _bulk_queue(engine: Engine, count: int) -> set[int]:
    """``count`` queued orders in one fast Core executemany; three priorities, spread in age."""
    rows = [
        {
            **_QUEUE_ORDER_DEFAULTS,
            "number": f"Q{i:07d}",
            "priority": i % 3,
            "created_at": T0 - dt.timedelta(seconds=i),
        }
        for i in range(count)
    ]
    with engine.begin() as conn:
        conn.execute(insert(Order.__table__), rows)
        return set(conn.scalars(select(Order.id)))


def _claim_until_empty(
    engine: Engine, operators: list[int], clock: FixedClock
) -> tuple[collections.Counter[int], list[BaseException]]:
    """Every operator in its own thread takes the next order and finishes it (confirmed, lease
    cleared) until the queue is empty. Returns how often each order was claimed, and errors."""
    claims: collections.Counter[int] = collections.Counter()
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(len(operators))
    orders = Order.__table__

    def operator(op: int) -> None:
        try:
            start.wait()
            # the lease length is given, not read from the settings: this test is about
            # concurrency, and on a 2-core machine every statement saved shortens it
            while (
                claimed := take_next(engine, operator_id=op, clock=clock, lease_minutes=LEASE)
            ) is not None:
                with lock:
                    claims[claimed.order_id] += 1
                with engine.begin() as conn:
                    finished = conn.execute(
                        update(orders)
                        .where(orders.c.id == claimed.order_id, orders.c.lease_operator_id == op)
                        .values(status="confirmed", lease_operator_id=None)
                    ).rowcount
                if finished != 1:
                    raise AssertionError(f"operator {op} lost order {claimed.order_id}")
        except BaseException as exc:  # reported by the test, not lost in a thread
            with lock:
                errors.append(exc)

    threads = [threading.Thread(target=operator, args=(op,)) for op in operators]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return claims, errors


def _assert_each_claimed_once(
    engine: Engine, all_ids: set[int], claims: collections.Counter[int]
) -> None:
    twice = {order_id: n for order_id, n in claims.items() if n > 1}
    assert twice == {}, f"claimed more than once: {twice}"
    assert set(claims) == all_ids, f"never claimed: {sorted(all_ids - set(claims))[:20]}"
    with engine.connect() as conn:
        events = conn.execute(
            select(func.count(), func.count(OutboxEvent.aggregate_id.distinct())).where(
                OutboxEvent.topic == "order.claimed"
            )
        ).one()
        still_queued = conn.scalar(
            select(func.count()).select_from(Order).where(Order.status == "needs_confirmation")
        )
    assert tuple(events) == (len(all_ids), len(all_ids))
    assert still_queued == 0


def test_a_few_concurrent_claimers_never_take_one_order_twice(
    db_url: str, clock: FixedClock
) -> None:
    engine = make_engine(db_url, **({"pool_size": 4} if db_url.startswith("postgresql") else {}))
    try:
        all_ids = _bulk_queue(engine, 300)
        operators = _operators(db_url, 4)
        claims, errors = _claim_until_empty(engine, operators, clock)
        assert errors == []
        _assert_each_claimed_once(engine, all_ids, claims)
    finally:
        engine.dispose()


@pytest.fixture
def pg_only_url() -> Iterator[str]:
    """A migrated PostgreSQL database of its own (the test needs real row locks and 32
    connections; SQLite serialises writers and is covered by the smaller test above)."""
    url = pg.create_database("okno_queue")
    try:
        migrations.upgrade(url)
        yield url
    finally:
        pg.drop_database(url)


@pytest.mark.slow
def test_32_concurrent_claimers_over_10000_orders_claim_each_exactly_once(
    pg_only_url: str, clock: FixedClock
) -> None:
    # one connection per claimer; no pre-ping round trip on every checkout (nothing restarts)
    engine = make_engine(pg_only_url, pool_size=32, max_overflow=0, pool_pre_ping=False)
    try:
        all_ids = _bulk_queue(engine, 10_000)
        with engine.begin() as conn:
            conn.execute(text("ANALYZE orders"))
        operators = _operators(pg_only_url, 32)

        claims, errors = _claim_until_empty(engine, operators, clock)

        assert errors == []
        _assert_each_claimed_once(engine, all_ids, claims)
    finally:
        engine.dispose()
