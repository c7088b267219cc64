"""Where generated rows go: PostgreSQL COPY or SQLite Core ``executemany``, in one transaction.

PostgreSQL: rows become COPY text in the generating thread, and a writer thread streams each
chunk with ``COPY ... FROM STDIN`` over the one connection. psycopg releases the GIL while it
waits for the server, so Python builds the next chunk while the server ingests the last one (two
cores, both busy). Chunks are written in the order they are queued, so a child table's chunk
always follows its parents' (foreign keys hold at every statement).

SQLite: the same rows, turned into typed values, go through ``insert(table)`` with executemany
inside one ``BEGIN IMMEDIATE`` transaction."""

from __future__ import annotations

import datetime as dt
import json
import queue
import threading
import time
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, Protocol

from sqlalchemy import Engine, Table, text

from app.demo import tables as T
from models import Base

Row = tuple[Any, ...]


class EncodedRows:
    """Rows already turned into COPY text (by a worker process): the bytes and how many."""

    __slots__ = ("count", "data")

    def __init__(self, count: int, data: bytes) -> None:
        self.count = count
        self.data = data

    def __len__(self) -> int:
        return self.count


_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()


class Sink(Protocol):
    """Receives rows table by table; ``finish`` commits, ``abort`` rolls back."""

    dialect: str

    def write(self, spec: T.TableSpec, rows: Sequence[Row] | EncodedRows) -> None: ...

    def finish(self, analyze: bool = True) -> None: ...

    def abort(self) -> None: ...


# ------------------------------------------------------------------------- COPY text encoding

_TIMES = [f" {s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}+00" for s in range(86400)]
_DAYS: dict[int, str] = {}
_N = "\\N"
# Bounded memo tables: prices, discounts and comments repeat a lot; growth stops at the cap.
_CACHE_CAP = 200_000
_money_cache: dict[int, str] = {}
_text_cache: dict[str, str] = {}


def copy_ts(seconds: int) -> str:
    """Epoch seconds → timestamptz COPY text (``2025-03-01 12:00:05+00``)."""
    days = seconds // 86400
    day = _DAYS.get(days)
    if day is None:
        day = _DAYS[days] = dt.date.fromordinal(_EPOCH_ORDINAL + days).isoformat()
    return day + _TIMES[seconds - days * 86400]


def _copy_date(ordinal: int) -> str:
    return dt.date.fromordinal(ordinal).isoformat()


def _copy_money(kopecks: int) -> str:
    text_ = _money_cache.get(kopecks)
    if text_ is None:
        text_ = f"{kopecks // 100}.{kopecks % 100:02d}"
        if len(_money_cache) < _CACHE_CAP:
            _money_cache[kopecks] = text_
    return text_


_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_text(value: str) -> str:
    text_ = _text_cache.get(value)
    if text_ is None:
        text_ = value.translate(_ESCAPES)
        if len(_text_cache) < _CACHE_CAP:
            _text_cache[value] = text_
    return text_


def _copy_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_ESCAPES)


_COPY_HELPERS: dict[str, Callable[[Any], str]] = {
    T.TS: copy_ts,
    T.DATE: _copy_date,
    T.MONEY: _copy_money,
    T.TEXT: _copy_text,
    T.JSON: _copy_json,
}


def copy_line_function(spec: T.TableSpec) -> Callable[[Row], str]:
    """A function turning one row of ``spec`` into a COPY text line.

    It is compiled from one f-string made for the table's kinds: a single Python call per row,
    NULL tests inline, booleans by tuple index. At millions of rows the encoding costs as much
    as generating the data, so this matters."""
    namespace: dict[str, Any] = {"_N": _N, "_B": ("f", "t")}
    parts = []
    for i, kind in enumerate(spec.kinds):
        base = kind.rstrip("?")
        v = f"r[{i}]"
        if base in _COPY_HELPERS:
            name = f"_{base}"
            namespace[name] = _COPY_HELPERS[base]
            expr = f"{name}({v})"
        elif base == T.BOOL:
            expr = f"_B[{v}]"
        else:
            expr = v
        if kind.endswith("?"):
            expr = f"{expr} if {v} is not None else _N"
        parts.append("{" + expr + "}")
    source = "lambda r: f" + repr("\t".join(parts) + "\n")
    fn: Callable[[Row], str] = eval(source, namespace)  # built above from constants only
    return fn


# ------------------------------------------------------------------------------ PostgreSQL


class PgCopySink:
    """COPY chunks through a writer thread on one psycopg connection, one transaction."""

    dialect = "postgresql"

    def __init__(self, engine: Engine, *, queue_depth: int = 3) -> None:
        self._engine = engine
        self._fairy = engine.raw_connection()
        self.connection: Any = self._fairy.driver_connection  # psycopg.Connection
        self._formatters: dict[str, Callable[[Row], str]] = {}
        # (table, COPY text) or (None, SQL statement), run in order by the writer thread; at most
        # ``queue_depth`` COPY chunks wait (memory), statements never block the caller
        self._queue: queue.Queue[tuple[T.TableSpec | None, Any] | None] = queue.Queue()
        self._copy_slots = threading.BoundedSemaphore(queue_depth)
        self._error: BaseException | None = None
        self._written: set[str] = set()
        self.server_wait = 0.0  # seconds the writer spent in COPY (server-bound time)
        self.restore_seconds = 0.0  # writer seconds spent recreating deferred indexes and keys
        self.restore_timings: list[tuple[str, float]] = []  # (statement, seconds)
        self._deferred: list[tuple[str, str]] = []  # (table, statement that recreates it)
        self._work_mem_set = False
        self._thread = threading.Thread(target=self._run, name="demo-copy", daemon=True)
        self._thread.start()

    def pause(self) -> None:
        """Drain the queue and stop the writer thread (before forking worker processes)."""
        self.drain()
        self._stop()

    def resume(self) -> None:
        """Start a new writer thread after :meth:`pause`."""
        if not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run, name="demo-copy", daemon=True)
            self._thread.start()

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        """Run one statement on the loading connection (after the queue is drained)."""
        self.drain()
        with self.connection.cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchall() if cur.description else None

    def defer_constraints(self, table_names: Sequence[str]) -> None:
        """Drop the foreign keys and the plain (non-unique) indexes of ``table_names`` for the
        load and remember their definitions; :meth:`finish` recreates them before the commit.

        This is what pg_restore does: a foreign key checked row by row and an index grown row by
        row cost several times the COPY itself, while one validating join and one sorted index
        build afterwards cost a fraction. Partial indexes stay: they hold only the few rows
        their predicate admits (the queue, live leases), and a predicate recreated from
        pg_get_indexdef's text comes back spelled differently from the migration's. It all
        happens inside the loading transaction, so other sessions never see the tables without
        them, and a failure rolls it all back."""
        fks = self.execute(
            "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) "
            "FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid "
            "WHERE c.contype = 'f' AND t.relname = ANY(%s) "
            "AND t.relnamespace = current_schema()::regnamespace ORDER BY 1, 2",
            (list(table_names),),
        )
        indexes = self.execute(
            "SELECT t.relname, i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) "
            "FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid "
            "WHERE t.relname = ANY(%s) AND t.relnamespace = current_schema()::regnamespace "
            "AND NOT i.indisprimary AND NOT i.indisunique AND i.indpred IS NULL ORDER BY 1",
            (list(table_names),),
        )
        for table, name, _definition in fks:
            self.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
        for _table, name, _definition in indexes:
            self.execute(f"DROP INDEX {name}")
        # indexes first: a foreign key validates faster with the referenced side indexed
        self._deferred.extend((table, definition) for table, _name, definition in indexes)
        self._deferred.extend(
            (table, f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
            for table, name, definition in fks
        )

    def restore_constraints(self, table_names: Sequence[str] | None = None) -> None:
        """Queue the statements recreating what :meth:`defer_constraints` dropped on
        ``table_names`` (all when None). They run in the writer thread after the rows already
        queued, so a table's indexes are built while later tables are still being generated."""
        wanted = None if table_names is None else set(table_names)
        now = [(t, sql) for t, sql in self._deferred if wanted is None or t in wanted]
        if not now:
            return
        self._deferred = [(t, sql) for t, sql in self._deferred if (t, sql) not in now]
        if not self._work_mem_set:
            # Index builds sort in memory up to maintenance_work_mem (default 64MB); the joins
            # validating a foreign key hash in memory up to work_mem (default 4MB, then spill).
            self._put((None, "SET LOCAL maintenance_work_mem = '512MB'"))
            self._put((None, "SET LOCAL work_mem = '256MB'"))
            self._work_mem_set = True
        for _table, statement in now:
            self._put((None, statement))

    def write(self, spec: T.TableSpec, rows: Sequence[Row] | EncodedRows) -> None:
        if not len(rows):
            return
        if isinstance(rows, EncodedRows):
            data = rows.data
        else:
            fmt = self._formatters.get(spec.name)
            if fmt is None:
                fmt = self._formatters[spec.name] = copy_line_function(spec)
            data = "".join(map(fmt, rows)).encode()
        self._raise_if_failed()
        while not self._copy_slots.acquire(timeout=1.0):
            self._raise_if_failed()  # the writer died: do not wait for it forever
        self._put((spec, data))
        self._written.add(spec.name)

    def _put(self, item: tuple[T.TableSpec | None, Any]) -> None:
        self._raise_if_failed()
        if not self._thread.is_alive():
            raise RuntimeError("the COPY writer is paused")
        self._queue.put(item)

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            try:
                if item is None:
                    return
                spec, data = item
                if self._error is not None:  # drain quietly; the main thread raises it
                    if spec is not None:
                        self._copy_slots.release()
                    continue
                started = time.perf_counter()
                if spec is None:  # a statement (recreating an index or a key)
                    with self.connection.cursor() as cur:
                        cur.execute(data)
                    seconds = time.perf_counter() - started
                    self.restore_timings.append((data, seconds))
                    self.restore_seconds += seconds
                    continue
                try:
                    columns = ", ".join(spec.column_names)
                    with (
                        self.connection.cursor() as cur,
                        cur.copy(f"COPY {spec.name} ({columns}) FROM STDIN") as copy,
                    ):
                        copy.write(data)
                finally:
                    self._copy_slots.release()
                self.server_wait += time.perf_counter() - started
            except BaseException as exc:
                self._error = exc
            finally:
                self._queue.task_done()

    def _raise_if_failed(self) -> None:
        if self._error is not None:
            raise self._error

    def drain(self) -> None:
        """Wait until every queued chunk is in the database (or raise what failed)."""
        self._queue.join()
        self._raise_if_failed()

    def reset_sequences(self) -> None:
        for spec in T.ALL_TABLES:
            if spec.has_id and spec.name in self._written:
                self.execute(
                    f"SELECT setval(pg_get_serial_sequence('{spec.name}', 'id'), "
                    f"COALESCE((SELECT MAX(id) FROM {spec.name}), 1))"
                )

    def finish(self, analyze: bool = True) -> None:
        self.restore_constraints()  # whatever is still deferred
        self.drain()
        self.reset_sequences()
        self._stop()
        self.connection.commit()
        if analyze:
            # Fresh statistics: the planner otherwise believes these tables are empty.
            self.connection.autocommit = True
            try:
                with self.connection.cursor() as cur:
                    for name in sorted(self._written):
                        cur.execute(f"ANALYZE {name}")
            finally:
                self.connection.autocommit = False
        self._fairy.close()

    def abort(self) -> None:
        self._stop()
        try:
            self.connection.rollback()
        finally:
            self._fairy.close()

    def _stop(self) -> None:
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()


# ---------------------------------------------------------------------------------- SQLite


def _to_datetime(seconds: int | None) -> dt.datetime | None:
    if seconds is None:
        return None
    return dt.datetime.fromtimestamp(seconds, dt.UTC)


def _to_date(ordinal: int | None) -> dt.date | None:
    return None if ordinal is None else dt.date.fromordinal(ordinal)


def _to_money(kopecks: int | None) -> Decimal | None:
    return None if kopecks is None else Decimal(kopecks).scaleb(-2)


def _to_decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


_PY_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    T.TS: _to_datetime,
    T.DATE: _to_date,
    T.MONEY: _to_money,
    T.DEC: _to_decimal,
}


class CoreSink:
    """SQLAlchemy Core ``insert(table)`` executemany, all in one transaction."""

    dialect = "sqlite"

    def __init__(self, engine: Engine, *, chunk: int = 5000) -> None:
        self._conn = engine.connect()
        self._tx = self._conn.begin()
        self._chunk = chunk

    def write(self, spec: T.TableSpec, rows: Sequence[Row] | EncodedRows) -> None:
        if isinstance(rows, EncodedRows):
            raise TypeError("SQLite takes rows, not COPY text")
        if not rows:
            return
        table: Table = Base.metadata.tables[spec.name]
        names = spec.column_names
        converters = [(i, _PY_CONVERTERS.get(k.rstrip("?"))) for i, k in enumerate(spec.kinds)]
        needs = [(i, c) for i, c in converters if c is not None]
        for start in range(0, len(rows), self._chunk):
            batch = []
            for row in rows[start : start + self._chunk]:
                values = list(row)
                for i, conv in needs:
                    values[i] = conv(values[i])
                batch.append(dict(zip(names, values, strict=True)))
            self._conn.execute(table.insert(), batch)

    def execute(self, sql: str) -> Any:
        return self._conn.execute(text(sql)).fetchall()

    def finish(self, analyze: bool = True) -> None:
        self._tx.commit()
        if analyze:
            with self._conn.begin():
                self._conn.exec_driver_sql("ANALYZE")
        self._conn.close()

    def abort(self) -> None:
        try:
            self._tx.rollback()
        finally:
            self._conn.close()


def open_sink(engine: Engine) -> PgCopySink | CoreSink:
    """The fastest bulk path this database offers."""
    if engine.dialect.name == "postgresql":
        return PgCopySink(engine)
    return CoreSink(engine)
