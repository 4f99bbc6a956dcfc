# Two commands do everything from a fresh clone: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint bench bench-store fuzz clean

$(STAMP): pyproject.toml constraints.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e '.[dev,xlsx]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/report-harvester demo

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

# Speed and memory figures for the README (the 100,000-report store benchmark is bench-store).
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_template.py
	$(BIN)/python benchmarks/bench_parse_html.py --extract --count 300
	$(BIN)/python benchmarks/bench_harvest.py --delay 0.2
	$(BIN)/python benchmarks/bench_regions.py

bench-store: $(STAMP)
	$(BIN)/python benchmarks/bench_store.py

fuzz: $(STAMP)
	$(BIN)/python benchmarks/fuzz_extract.py -n 10000 --seed 1 --timeout 10

clean:
	rm -rf $(VENV) data/*.db data/archive
