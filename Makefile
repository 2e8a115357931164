# Two entry points for a fresh machine: `make demo` and `make test`. Both install into .venv first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo noise figures test test-gpu export clean-nbs readme check constraints docs docs-site docs-test

# The versions in constraints.txt (what the studies' results were produced with); setup.py keeps ranges.
$(STAMP): setup.py settings.ini constraints.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q -U pip setuptools wheel
	$(BIN)/pip install -q -c constraints.txt -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# Results go to results/demo/; nothing in the project changes.
demo: $(STAMP)
	$(BIN)/ctstudy reproduce --profile demo

# How far the demo's headline numbers move between training seeds (two more seeds on the same data, ~2 demo runs): results/demo/noise.csv, and REPORT.md's noise section.
noise: $(STAMP)
	$(BIN)/ctstudy noise --profile demo

# Refresh the committed figures/demo/ and the notebooks' demo tables from results/demo/ (only when you mean to commit them).
figures: $(STAMP)
	$(BIN)/ctstudy figures --profile demo --to figures/demo

# One thread per notebook: two notebooks run at once on two cores (oversubscription is 5-20x slower).
# Results go to a temporary folder shared by the session's notebooks, removed at the end (never results/).
test: $(STAMP)
	@d=$$(mktemp -d "$${TMPDIR:-/tmp}/ctstudy-test.XXXXXX"); \
	CTSTUDY_TEST_OUT=$$d OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 $(BIN)/nbdev_test --n_workers 2 --timing; rc=$$?; \
	rm -rf "$$d"; exit $$rc

# On a CUDA machine: the whole suite plus the notebooks' `gpu` cells (CPU vs GPU within a stated tolerance, bf16 paths, peak
# GPU memory), with the same environment as `make test`; one line and success on a machine without CUDA (see DEVELOPERS.md).
test-gpu: $(STAMP)
	@if ! $(BIN)/python -c 'import sys, torch; sys.exit(0 if torch.cuda.is_available() else 1)' 2>/dev/null; then \
	  echo "make test-gpu: skipped, no CUDA GPU on this machine (torch.cuda.is_available() is False); 'make test' runs the CPU suite."; exit 0; fi; \
	d=$$(mktemp -d "$${TMPDIR:-/tmp}/ctstudy-test.XXXXXX"); \
	CTSTUDY_TEST_OUT=$$d OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 $(BIN)/nbdev_test --flags gpu --n_workers 2 --timing; rc=$$?; \
	rm -rf "$$d"; exit $$rc

# Re-resolve the newest versions allowed by setup.py in a scratch venv and pin them (see DEVELOPERS.md).
constraints:
	rm -rf .venv-constraints && $(PY) -m venv .venv-constraints
	.venv-constraints/bin/pip install -q -U pip setuptools wheel
	.venv-constraints/bin/pip install -q -e ".[dev]"
	{ echo "# The package versions the studies' results were produced with ($$(.venv-constraints/bin/python -c 'import sys, platform; print(f"Python {sys.version_info[0]}.{sys.version_info[1]}, {platform.system()} {platform.machine()}")'))."; \
	  echo "# Used by 'make install' and CI: pip install -c constraints.txt -e \".[dev]\". setup.py keeps ranges."; \
	  echo "# Refresh with 'make constraints' (see DEVELOPERS.md) and commit the file with the results it produced."; \
	  .venv-constraints/bin/pip freeze --exclude-editable; } > constraints.txt
	rm -rf .venv-constraints

export: $(STAMP)
	$(BIN)/nbdev_export

clean-nbs: $(STAMP)
	$(BIN)/nbdev_clean

readme: $(STAMP)
	$(BIN)/python tools/readme.py

# CI: the library and notebooks must already be exported and clean
check: $(STAMP)
	$(BIN)/nbdev_export && $(BIN)/nbdev_clean
	$(BIN)/python tools/readme.py --check
	git diff --exit-code -- nbs ctstudy || (echo "nbdev_export or nbdev_clean changed tracked files: run 'make export clean-nbs' and commit." && exit 1)
	test -z "$$(git status --porcelain --untracked-files=all -- ctstudy)" || (git status --porcelain -- ctstudy; echo "nbdev_export created untracked library files: commit them." && exit 1)

# The documentation site in _docs/ (ignored by git) from the committed notebooks, not executed, no network:
# sphinx-build -W (a warning fails it), then the link/image/title checks, then headless Chromium opens it (see DEVELOPERS.md).
docs: $(STAMP)
	$(BIN)/python tools/docs.py build check
	$(BIN)/python tools/docs_browser.py

docs-site: $(STAMP)
	$(BIN)/python tools/docs.py build check

docs-test: $(STAMP)
	$(BIN)/python tools/docs_browser.py
