# cascade — the two commands a new machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PLAN   ?= plans/probation
OUT    ?= out

.PHONY: run test lint typecheck unit schemas docs bench clean vscode vscode-if-npm e2e-vscode e2e-vscode-install

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[pdf]'
	touch $@

$(VENV)/.installed-dev: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

PERIOD ?= 2569-Q2

## run: install cascade and run the main job on the bundled example plan
run: $(VENV)/.installed
	$(BIN)/cascade validate $(PLAN)
	@mkdir -p $(OUT)
	$(BIN)/cascade validate $(PLAN) --format sarif --output $(OUT)/validate.sarif
	$(BIN)/cascade score $(PLAN) --period $(PERIOD) --party LAW
	$(BIN)/cascade status $(PLAN) --period $(PERIOD) --as-of 2569-05-05
	$(BIN)/cascade score $(PLAN) --period $(PERIOD) --format xlsx --out $(OUT) > /dev/null
	$(BIN)/cascade score $(PLAN) --period $(PERIOD) --format json --out $(OUT) --incentives > /dev/null
	$(BIN)/cascade report $(PLAN) --period $(PERIOD) --format html,md,pdf --pdf-book org --out $(OUT)
	@echo "scorecards: $(abspath $(OUT))/scorecards-$(PERIOD).xlsx (and .json)"
	@echo "report: $(abspath $(OUT))/report/html/index.html (PDFs: one per party in $(abspath $(OUT))/report/pdf/, all agreements in pdf/books/agreements.pdf)"

## test: lint, type-check and run the whole suite on every core (fails when no test ran)
test: $(VENV)/.installed-dev lint typecheck vscode-if-npm unit

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check cascade tests bench editors/vscode/e2e
	$(BIN)/ruff format --check cascade tests bench editors/vscode/e2e

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

unit: $(VENV)/.installed-dev
	@$(BIN)/python -m pytest -n auto; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "error: no tests were collected"; exit 1; fi; exit $$rc

## vscode: build the VS Code extension: npm ci, compile, node tests, editors/vscode/*.vsix
VSCODE := editors/vscode

$(VSCODE)/node_modules/.installed: $(VSCODE)/package-lock.json
	cd $(VSCODE) && npm ci --no-audit --no-fund --prefer-offline
	touch $@

vscode: $(VSCODE)/node_modules/.installed
	cd $(VSCODE) && npm run --silent compile && npm test
	cd $(VSCODE) && npx vsce package --skip-license --allow-missing-repository </dev/null

vscode-if-npm:
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory vscode; \
	else echo "note: npm is not installed; skipped the VS Code extension (make vscode)"; fi

## e2e-vscode-install: code-server 4.96.4 (VS Code in the browser) for e2e-vscode: npm registry only, ~350 MB
E2E := $(VSCODE)/e2e

e2e-vscode-install: $(E2E)/node_modules/.installed

$(E2E)/node_modules/.installed: $(E2E)/package-lock.json $(E2E)/install.sh
	sh $(E2E)/install.sh

## e2e-vscode: the extension in a real VS Code (code-server, headless chromium): errors as you type, F12, hover
e2e-vscode: $(VENV)/.installed-dev vscode
	$(BIN)/python -m pytest -p no:cacheprovider $(E2E)

## schemas: regenerate schemas/ and docs/rules.md from the code
schemas docs: $(VENV)/.installed-dev
	$(BIN)/cascade schema --out schemas
	$(BIN)/cascade rules --markdown > docs/rules.md

## bench: time validate on generated plans (see docs/performance.md)
bench: $(VENV)/.installed-dev
	$(BIN)/python -m bench.run
	$(BIN)/python -m bench.warm --people 20000
	$(BIN)/python -m bench.score --people 20000
	$(BIN)/python -m bench.report --people 2000

clean:
	rm -rf $(VENV) $(OUT) build dist .pytest_cache .mypy_cache .ruff_cache
