# Everything a fresh machine needs, from the two commands in the README.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench lock clean

$(STAMP): requirements-pip.txt requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements-pip.txt
	$(BIN)/pip install --quiet --require-hashes -r requirements.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/claimgraph demo

test: $(STAMP)
	bash scripts/install-browser
	$(BIN)/ruff check claimgraph tests bench scripts
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

# Re-pin requirements.txt (with hashes) from requirements.in.
lock:
	$(PYTHON) -m venv /tmp/claimgraph-lock && /tmp/claimgraph-lock/bin/pip install --quiet pip-tools
	/tmp/claimgraph-lock/bin/pip-compile --generate-hashes --allow-unsafe --strip-extras -o requirements.txt requirements.in

clean:
	rm -rf $(VENV) claimgraph.db .pytest_cache .ruff_cache
