"""Shared helpers for the benchmarks in bench/: a throwaway migrated PostgreSQL database, latency
percentiles, the printed table and the JSON result file.

Benchmarks are not tests; they are run by hand (``.venv/bin/python bench/bench_x.py``) and
report ratios against a raw baseline measured in the same process and run (shared/PERF.md)."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import statistics
import sys
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = ROOT / "bench" / "results"
DEFAULT_SERVER_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"

if str(ROOT) not in sys.path:  # run as a script from anywhere: `python bench/bench_x.py`
    sys.path.insert(0, str(ROOT))


def server_url() -> str:
    """The PostgreSQL server to create throwaway databases on: ``$OKNO_BENCH_DATABASE_URL``, else
    ``$OKNO_TEST_DATABASE_URL``, else the local trust-auth server."""
    url = os.environ.get("OKNO_BENCH_DATABASE_URL") or os.environ.get(
        "OKNO_TEST_DATABASE_URL", DEFAULT_SERVER_URL
    )
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def libpq_url(url: str) -> str:
    """A SQLAlchemy URL as a libpq connection string for raw psycopg."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@contextmanager
def throwaway_database(prefix: str = "okno_bench", *, keep: bool = False) -> Iterator[str]:
    """Create an empty database, migrate it to head and yield its SQLAlchemy URL; drop it
    afterwards unless ``keep``."""
    from app import migrations
    from app.db import _engines

    server = server_url()
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(libpq_url(server), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    try:
        migrations.upgrade(url)
        yield url
    finally:
        engine = _engines.pop(url, None)
        if engine is not None:
            engine.dispose()
        if not keep:
            with psycopg.connect(libpq_url(server), autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        else:
            print(f"kept database {name}")


def percentiles(samples_s: Sequence[float]) -> dict[str, float]:
    """p50/p95/p99/mean/max in milliseconds from samples in seconds (nearest-rank)."""
    if not samples_s:
        raise ValueError("no samples")
    ordered = sorted(samples_s)

    def rank(p: float) -> float:
        index = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
        return ordered[index] * 1000

    return {
        "n": len(ordered),
        "p50_ms": rank(50),
        "p95_ms": rank(95),
        "p99_ms": rank(99),
        "mean_ms": statistics.fmean(ordered) * 1000,
        "max_ms": ordered[-1] * 1000,
    }


def ratio(measured: Mapping[str, float], baseline: Mapping[str, float], key: str) -> float:
    return measured[key] / baseline[key] if baseline[key] else float("inf")


def print_table(title: str, rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> None:
    """A plain fixed-width table on stdout."""

    def cell(value: Any) -> str:
        if isinstance(value, float):
            return f"{value:.3f}" if abs(value) < 100 else f"{value:.0f}"
        return str(value)

    texts = [[cell(row.get(col, "")) for col in columns] for row in rows]
    widths = [max(len(col), *(len(t[i]) for t in texts)) for i, col in enumerate(columns)]
    print(f"\n{title}")
    print("  ".join(col.rjust(w) for col, w in zip(columns, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for t in texts:
        print("  ".join(v.rjust(w) for v, w in zip(t, widths, strict=True)))


def environment(url: str | None = None) -> dict[str, Any]:
    """Where the figures were measured (they are only comparable within one run)."""
    info: dict[str, Any] = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        # a shared machine: figures taken under different load are not comparable
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    if url is not None:
        with psycopg.connect(libpq_url(url)) as conn:
            row = conn.execute("SHOW server_version").fetchone()
            info["postgresql"] = row[0] if row else "?"
    return info


def write_json(name: str, data: Mapping[str, Any]) -> Path:
    """Write ``bench/results/<name>.json`` and return its path."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"{name}.json"
    path.write_text(json.dumps(data, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"\nwrote {path.relative_to(ROOT)}")
    return path
