"""Build the UI translations: ``python -m ui.i18n_build`` compiles ``ui/i18n/*.ts`` → ``.qm``.

``.ts`` files are the sources (reviewed, committed); ``.qm`` are build outputs (gitignored).

Adding a visible string to ui/ therefore means: ``python -m ui.i18n_build --update``, then give
each new message its Russian ``<translation>`` in ``ui/i18n/okno_ru.ts`` (and the English
plural forms of ``%n`` messages in ``okno_en.ts``). tests/ui/test_i18n.py fails until both .ts
files hold every string of the code and the Russian one is complete.
``--update`` first re-extracts the strings from ``ui/`` with ``pyside6-lupdate`` (keeping the
existing translations), for when code gained or changed a visible string.

The tools come from the same environment as this Python (the venv's PySide6), so the result
matches the Qt that loads it."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

UI_DIR = Path(__file__).resolve().parent
I18N_DIR = UI_DIR / "i18n"


def _tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"i18n_build: {name} not found next to {sys.executable} or on PATH")
    return found


def sources() -> list[Path]:
    """Every Python file under ui/ that may hold a visible string."""
    return sorted(p for p in UI_DIR.rglob("*.py") if "__pycache__" not in p.parts)


def update() -> None:
    """Re-extract strings into every .ts (obsolete ones are dropped, translations kept)."""
    for ts in sorted(I18N_DIR.glob("*.ts")):
        language = ts.stem.rsplit("_", 1)[-1]  # okno_ru.ts -> ru
        cmd = [
            _tool("pyside6-lupdate"),
            *map(str, sources()),
            "-no-obsolete",
            "-locations",
            "none",  # no line numbers: a moved string must not churn the .ts
            "-source-language",
            "en",
            "-target-language",
            language,
            "-ts",
            str(ts),
        ]
        subprocess.run(cmd, check=True, capture_output=True, text=True)
        print(f"updated {ts.relative_to(UI_DIR.parent)}")


def build(quiet: bool = False) -> list[Path]:
    """Compile every .ts that is newer than its .qm. Returns the .qm files."""
    built = []
    for ts in sorted(I18N_DIR.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            result = subprocess.run(
                [_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)],
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                raise SystemExit(f"i18n_build: lrelease failed on {ts}:\n{result.stderr}")
            if not quiet:
                print(f"built {qm.relative_to(UI_DIR.parent)}")
        built.append(qm)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.i18n_build", description=__doc__)
    parser.add_argument("--update", action="store_true", help="re-extract strings into .ts first")
    args = parser.parse_args(argv)
    if args.update:
        update()
    build()
    return 0


if __name__ == "__main__":
    sys.exit(main())
