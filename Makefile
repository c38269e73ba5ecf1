# Brandstudio: `make run` opens the studio, `make test` runs the whole suite.
# Both create .venv when it is missing and install the project into it.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check
CONSTRAINTS := requirements/constraints.txt

.PHONY: run test lint format bench schema clean package

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstalled when the project's metadata or pins change.
$(VENV)/.installed: pyproject.toml $(CONSTRAINTS) | $(BIN)/python
	$(PIP) install --quiet -c $(CONSTRAINTS) -e '.[test]'
	touch $@

# Opens the studio on the demo brand (or the last template used). Without a display it
# renders the demo campaign (every starter template at every preset) into ./out and says so.
run: $(VENV)/.installed
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ] || [ "$$(uname)" != "Linux" ]; then \
		$(BIN)/brandstudio gui; \
	else \
		echo "No display here: rendering the demo campaign into ./out instead of opening the studio." >&2; \
		$(BIN)/brandstudio demo --out out; \
	fi

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

$(VENV)/.installed-bench: pyproject.toml $(CONSTRAINTS) | $(VENV)/.installed
	$(PIP) install --quiet -c $(CONSTRAINTS) -e '.[test,bench]'
	touch $@

# Figures and ratios to baselines measured in the same run; the stamp benchmark compares
# against ImageMagick and libvips on real photographs (installed here when run as root).
bench: $(VENV)/.installed-bench
	@bash tools/system-packages.sh "the stamp benchmark" imagemagick plasma-workspace-wallpapers
	$(BIN)/python -m benchmarks

$(VENV)/.installed-package: pyproject.toml $(CONSTRAINTS) | $(VENV)/.installed
	$(PIP) install --quiet -c $(CONSTRAINTS) -e '.[test,package]'
	touch $@

# The desktop app: a one-folder PyInstaller build in dist/brandstudio/ (packaging/README.md).
package: $(VENV)/.installed-package
	$(BIN)/python tools/make_icons.py > /dev/null
	$(BIN)/python -m PyInstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/brandstudio.spec
	@echo "Built dist/brandstudio/ ($$(du -sh dist/brandstudio | cut -f1)): run dist/brandstudio/brandstudio," \
		"or packaging/linux/install.sh to add it to the desktop menu."

clean:
	rm -rf build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache out
