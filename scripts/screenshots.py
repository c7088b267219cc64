"""Regenerate the README screenshots from demo data: ``python scripts/screenshots.py``.

Seeds a throwaway SQLite database with the deterministic demo data (same seed, same picture),
opens the real main window at 1366×768 on Qt's offscreen platform, waits for the first page of
orders and grabs the window, once per language, into ``docs/screenshots/``.

``--database-url`` shoots an existing database instead (nothing is written to it)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "docs" / "screenshots"
SIZE = (1366, 768)
# Demo data is generated relative to "now"; a fixed instant keeps the pictures reproducible.
DEMO_NOW = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)


def _seeded_database(workdir: Path) -> str:
    from app import migrations
    from app.demo.seed import seed_demo
    from ui.startup import DEMO_CUSTOMERS, DEMO_ORDERS

    url = f"sqlite:///{workdir / 'okno.sqlite3'}"
    migrations.upgrade(url)
    seed_demo(
        url,
        customers=DEMO_CUSTOMERS,
        orders=DEMO_ORDERS,
        seed=42,
        now=DEMO_NOW,
        progress=lambda message: print(f"  {message}"),
    )
    return url


def shoot(
    url: str, languages: list[str], out_dir: Path, size: tuple[int, int] = SIZE
) -> list[Path]:
    """Open the window on ``url`` in each language and save a PNG per language."""
    from PySide6.QtCore import QEventLoop, QTimer

    from app.config import load_config
    from ui import i18n
    from ui.main import create_application
    from ui.main_window import MainWindow
    from ui.ops import OpRunner, install_runner

    app = create_application()
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    from app.config import data_dir

    for language in languages:
        # each language starts from the default layout, not the previous window's saved one
        (data_dir() / "console.ini").unlink(missing_ok=True)
        i18n.install_language(language)
        runner = OpRunner(url)
        install_runner(runner)
        window = MainWindow(load_config(url), runner)
        window.resize(*size)
        window.show()
        loop = QEventLoop()
        pending = {"rows", "count"}

        def done(part: str, loop: QEventLoop = loop, pending: set[str] = pending) -> None:
            pending.discard(part)
            if not pending:
                # one more turn of the event loop so the rows are laid out and painted
                QTimer.singleShot(200, loop.quit)

        window.orders.sig_rows_loaded.connect(lambda _n, d=done: d("rows"))
        window.orders.sig_count_estimated.connect(lambda _c, _e, d=done: d("count"))
        window.start()
        QTimer.singleShot(30_000, loop.quit)  # never hang a build on a broken database
        loop.exec()
        suffix = "" if size == SIZE else f"-{size[0]}x{size[1]}"
        path = out_dir / f"console-{language}{suffix}.png"
        if not window.grab().save(str(path)):
            raise SystemExit(f"screenshots: could not write {path}")
        written.append(path)
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
        window.close()
        runner.shutdown()
        install_runner(None)
        window.deleteLater()
        app.processEvents()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="shoot this database instead of fresh demo data")
    parser.add_argument("--languages", default="ru,en", help="comma-separated (default: ru,en)")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output directory")
    parser.add_argument("--size", default="1366x768", help="window size, WxH (default 1366x768)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="okno-screenshots-") as tmp:
        # A home of its own: settings and the database stay in tmp, and the status bar shows
        # the embedded default's usual place (~/.local/share/Okno) instead of a temp path.
        os.environ["HOME"] = tmp
        data = Path(tmp) / ".local" / "share" / "Okno"
        data.mkdir(parents=True)
        os.environ["OKNO_DATA_DIR"] = str(data)
        url = args.database_url or _seeded_database(data)
        width, height = (int(part) for part in args.size.lower().split("x"))
        languages = [lang.strip() for lang in args.languages.split(",") if lang.strip()]
        shoot(url, languages, args.out, (width, height))
    return 0


if __name__ == "__main__":
    sys.exit(main())
