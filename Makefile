# Every target creates .venv when it is missing and installs the package into it, with the
# versions pinned in constraints.txt (the set the tests passed with). The installer is uv when
# it can be installed (a first `make demo` then takes seconds instead of half a minute), pip
# otherwise; both write the bytecode caches of what they install, as pip does by default (the
# imports of a run then read them instead of compiling). After changing dependencies:
# `make constraints` and commit constraints.txt.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
UV_VERSION := 0.13.9

.PHONY: test test-heavy lint demo bench clean constraints

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION) || true
	if [ -x $(BIN)/uv ]; then \
		$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -c constraints.txt -e '.[test,lint]'; \
	else \
		$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test,lint]'; \
	fi
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/reportgen demo --out output/luwu-timur

# the suite but its heavy checks (whole runs watched from outside: memory, signals, the wheel,
# the browser; the examples' PDF, DOCX and figures but the thesis replica's), which test-heavy
# runs, with the random study files of test_fuzz again, five times as many; CI runs both
test: $(STAMP)
	$(BIN)/python -m pytest -m "not heavy"

test-heavy: $(STAMP)
	FUZZ_EXAMPLES=100 $(BIN)/python -m pytest -m "heavy or fuzz"

# ruff's checks and its formatting, the layers' import contracts and the types of reportgen/
# (all configured in pyproject.toml)
lint: $(STAMP)
	$(BIN)/ruff check reportgen tests bench config templates
	$(BIN)/ruff format --check reportgen tests bench config templates
	$(BIN)/lint-imports
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/run.py

constraints: $(STAMP)
	$(BIN)/python -m pip freeze --all --exclude-editable | grep -v -e '^pip==' -e '^uv==' > constraints.txt

clean:
	rm -rf $(VENV) output build *.egg-info
