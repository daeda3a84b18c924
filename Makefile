# partycorpus: every target sets up what it needs on a fresh machine.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed

.PHONY: demo test eval report bench redis chromium serve clean notebooks

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/partycorpus --data data/demo demo

redis:
	bash scripts/ensure-redis.sh

chromium:
	bash scripts/ensure-chromium.sh

test: $(STAMP) redis chromium
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/partycorpus evaluate --gate
	@echo "--- synthetic dev gold (sentences and reports written for the project; gated apart) ---"
	$(BIN)/partycorpus evaluate --synthetic --gate
	@echo "--- held-out set (never used for development; reported, not gated) ---"
	$(BIN)/partycorpus evaluate --gold eval/heldout
	@echo "--- synthetic held-out set (reported, not gated) ---"
	$(BIN)/partycorpus evaluate --gold eval/heldout --synthetic
	@echo "--- relevance classifier: held-out articles and leads by length, synthetic short items (gated) ---"
	$(BIN)/partycorpus evaluate --relevance --gate

report: $(STAMP)
	$(BIN)/python -m corpus.report

# JupyterLab on 127.0.0.1 over the demo corpus (made first when missing); notebooks/NN-*.py are their paired code
notebooks: $(STAMP)
	test -f data/demo/corpus.duckdb || $(MAKE) demo
	PARTYCORPUS_DATA=$(CURDIR)/data/demo $(BIN)/jupyter lab --ip 127.0.0.1 --notebook-dir notebooks --allow-root

bench: $(STAMP)
	$(BIN)/partycorpus --data data/bench bench all

serve: $(STAMP)
	$(BIN)/partycorpus --data data/demo serve

clean:
	rm -rf data/demo data/bench reports
