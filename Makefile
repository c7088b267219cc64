# Okno developer commands. The two a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: demo test lint typecheck install translations screenshots bench-seed clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

## Install everything and open the console on the embedded SQLite default with demo data.
demo: install translations
	$(BIN)/okno-console --demo  # the GUI entry point: it skips importing every CLI subcommand

## Install everything and run the whole test suite (SQLite and PostgreSQL), then lint and types.
test: install translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

lint: install
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

translations: install
	$(BIN)/python -m ui.i18n_build

screenshots: install translations
	$(BIN)/python scripts/screenshots.py

bench-seed: install
	$(BIN)/python bench/bench_seed.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
