# Brandstudio: `make run` opens the studio, `make test` runs the whole suite.
# Both create .venv when it is missing and install the project into it.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check
CONSTRAINTS := requirements/constraints.txt

.PHONY: run test lint format bench schema clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstalled when the project's metadata or pins change.
$(VENV)/.installed: pyproject.toml $(CONSTRAINTS) | $(BIN)/python
	$(PIP) install --quiet -c $(CONSTRAINTS) -e '.[test]'
	touch $@

# The studio window and the renderer are still being built: for now `run` checks the
# starter templates and lists the network presets they lay out for.
run: $(VENV)/.installed
	@echo "The studio window is not built yet: checking the starter templates instead." >&2
	$(BIN)/brandstudio validate templates/*.json
	$(BIN)/brandstudio presets

test: $(VENV)/.installed
	@bash tools/system-packages.sh
	$(BIN)/python -m pytest

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(VENV)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

schema: $(VENV)/.installed
	$(BIN)/python -c "from brandstudio.fileformat.schema import template_json_schema as s; \
	from brandstudio.fileformat.jsonio import dump_json as d; \
	open('docs/template.schema.json', 'w', encoding='utf-8').write(d(s()))"

bench: $(VENV)/.installed
	$(BIN)/python -m benchmarks

clean:
	rm -rf build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache out
