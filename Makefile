# Two entry points for a fresh machine: `make demo` and `make test`. Both install into .venv first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test export clean-nbs readme check

$(STAMP): setup.py settings.ini
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q -U pip setuptools wheel
	$(BIN)/pip install -q -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/ctstudy reproduce --profile demo

# One thread per notebook: two notebooks run at once on two cores (oversubscription is 5-20x slower).
test: $(STAMP)
	OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 $(BIN)/nbdev_test --n_workers 2 --timing

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
