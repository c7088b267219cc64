"""Run generation chunks in worker processes, results back in chunk order.

Every chunk has its own random stream (``seed`` and the chunk's number), so the data does not
depend on how many processes made it. Workers are forked: they inherit the catalogue and the
customers built so far without pickling them, and send back COPY text (bytes are cheap to pass
between processes; millions of tuples are not). Where fork is unavailable, or for one worker,
chunks run in this process, one after another, and come back as rows."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from typing import Any

from app.demo import tables as T
from app.demo.sinks import EncodedRows, Row, copy_line_function

ChunkResult = tuple[Any, dict[T.TableSpec, list[Row]]]
Job = Callable[[int, int, int], ChunkResult]
Batch = dict[T.TableSpec, "list[Row] | EncodedRows"]

# The job of the pool being forked: module state, so children inherit it instead of unpickling
# it (a job closes over the whole catalogue and a million customers).
_job: Job | None = None
_encode = False


def chunk_bounds(total: int, size: int) -> list[tuple[int, int, int]]:
    """(chunk number, first index, end index) covering ``range(total)``."""
    return [(i, start, min(total, start + size)) for i, start in enumerate(range(0, total, size))]


def default_workers() -> int:
    """One worker per core, where processes can be forked (Linux); else one (in-process)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(4, os.cpu_count() or 1))


def _encode_batch(batch: dict[T.TableSpec, list[Row]]) -> Batch:
    out: Batch = {}
    for spec, rows in batch.items():
        fmt = copy_line_function(spec)
        out[spec] = EncodedRows(len(rows), "".join(map(fmt, rows)).encode())
    return out


def _run(bounds: tuple[int, int, int]) -> tuple[Any, Batch]:
    assert _job is not None
    meta, batch = _job(*bounds)
    return meta, (_encode_batch(batch) if _encode else dict(batch))


def run_chunks(
    job: Job,
    bounds: list[tuple[int, int, int]],
    *,
    workers: int,
    encode: bool,
    before_fork: Callable[[], None] | None = None,
    after_fork: Callable[[], None] | None = None,
    on_start: Callable[[], None] | None = None,
) -> Iterator[tuple[Any, Batch]]:
    """Yield ``job(*b)`` for each of ``bounds`` in order, as rows, or as COPY text when
    ``encode`` and run by forked workers. ``before_fork``/``after_fork`` let the caller park
    its threads while the pool forks (a thread must not hold a lock a child could need);
    ``on_start`` runs once the chunks are under way (work to overlap with them)."""
    global _job, _encode
    if workers <= 1 or len(bounds) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        if on_start is not None:
            on_start()
        for b in bounds:
            meta, batch = job(*b)
            yield meta, dict(batch)
        return
    _job, _encode = job, encode
    if before_fork is not None:
        before_fork()
    try:
        pool = multiprocessing.get_context("fork").Pool(min(workers, len(bounds)))
    finally:
        if after_fork is not None:
            after_fork()
    try:
        results = pool.imap(_run, bounds, chunksize=1)
        if on_start is not None:
            on_start()
        yield from results
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
        _job = None
