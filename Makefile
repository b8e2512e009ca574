# Framecast: the README's commands. Every target sets up what it needs itself.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.stamp-installed
# Only the headless targets default to offscreen: `make run` must open a real
# window on a desktop, where QT_QPA_PLATFORM is unset.
test bench package-check: export QT_QPA_PLATFORM ?= offscreen

# Debian/Ubuntu packages: what `python3 -m venv` and Qt's window (widgets,
# multimedia, xcb) need, and what the tests add (an X server and the X tools
# that find its windows).
PYTHON_SYSTEM_PACKAGES := python3-venv
QT_SYSTEM_PACKAGES := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 \
	libdbus-1-3 libglib2.0-0 libpulse0 fonts-dejavu-core \
	libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
	libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0 \
	libxcb-shm0 libxcb-sync1 libxcb-render0 libx11-xcb1
TEST_SYSTEM_PACKAGES := xvfb xauth x11-utils

.PHONY: run test lint bench package package-check system-deps test-system-deps venv clean \
	translations

run: system-deps venv
	$(PY) -m app gui

test: test-system-deps venv
	$(PY) -m ruff check app tests packaging scripts
	$(PY) -m ruff format --check app tests packaging scripts
	$(PY) -m mypy
	$(PY) -m pytest

lint: venv
	$(PY) -m ruff check app tests packaging scripts
	$(PY) -m ruff format --check app tests packaging scripts
	$(PY) -m mypy

bench: test-system-deps venv
	$(PY) -m tests.benchmarks.run_all

package: test-system-deps venv
	$(PY) -m pip install -q -e '.[package]'
	bash packaging/build.sh

package-check: package
	$(PY) -m pytest -q tests/packaging -p no:cacheprovider --run-package

translations: venv
	$(PY) scripts/build_translations.py

venv: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	@touch $(STAMP)

# Installs the missing packages of $(1) on Debian/Ubuntu when run as root;
# otherwise says in one sentence which are missing and the command that adds
# them. Either way make carries on: the window may still start without them.
define ensure_packages
	@if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then \
		missing=""; \
		for p in $(1); do \
			dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
		done; \
		if [ -n "$$missing" ]; then \
			if [ "$$(id -u)" = "0" ]; then \
				echo "Installing system packages:$$missing"; \
				{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
					--no-install-recommends $$missing >/dev/null; } || \
				echo "Could not install the system packages Framecast needs; try: apt-get install$$missing" >&2; \
			else \
				echo "Framecast needs system packages that are missing here; install them with: sudo apt-get install$$missing" >&2; \
			fi; \
		fi; \
	fi
endef

system-deps:
	$(call ensure_packages,$(PYTHON_SYSTEM_PACKAGES) $(QT_SYSTEM_PACKAGES))

test-system-deps:
	$(call ensure_packages,$(PYTHON_SYSTEM_PACKAGES) $(QT_SYSTEM_PACKAGES) $(TEST_SYSTEM_PACKAGES))

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
