# Two commands do all the set-up (see README):
#   make demo   - create .venv, install, run the pipeline on corpus/ into out/, score it against the gold
#   make test   - install the dev extras and run the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: demo test lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/minutes run corpus --out out
	$(BIN)/minutes evaluate out/meetings.jsonl --gold corpus/gold
	$(BIN)/minutes evaluate out/meetings.jsonl --gold corpus/synthetic/gold
	$(BIN)/minutes followups out --status overdue --status carried_forward --status closed

# pytest exits 5 when it collects no tests; that fails this target like any other failure.
test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache *.egg-info
