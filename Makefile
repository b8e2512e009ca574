# Framecast: the README's commands. Every target sets up what it needs itself.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.stamp-installed
# Only the headless targets default to offscreen: `make run` must open a real
# window on a desktop, where QT_QPA_PLATFORM is unset.
test bench package-check: export QT_QPA_PLATFORM ?= offscreen

# System libraries Qt (widgets, multimedia, xcb) needs on Debian/Ubuntu.
QT_SYSTEM_PACKAGES := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 \
	libdbus-1-3 libglib2.0-0 libpulse0 xvfb xauth fonts-dejavu-core \
	libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
	libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0 \
	libxcb-shm0 libxcb-sync1 libxcb-render0 libx11-xcb1

.PHONY: run test lint bench package package-check system-deps venv clean translations

run: venv
	$(PY) -m app gui

test: system-deps venv
	$(PY) -m ruff check app tests packaging scripts
	$(PY) -m ruff format --check app tests packaging scripts
	$(PY) -m mypy
	$(PY) -m pytest

lint: venv
	$(PY) -m ruff check app tests packaging scripts
	$(PY) -m ruff format --check app tests packaging scripts
	$(PY) -m mypy

bench: system-deps venv
	$(PY) -m tests.benchmarks.run_all

package: system-deps venv
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

# Installs Qt's system libraries only on Debian/Ubuntu, only as root, only when missing.
system-deps:
	@if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then \
		missing=""; \
		for p in $(QT_SYSTEM_PACKAGES); do \
			dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
		done; \
		if [ -n "$$missing" ]; then \
			if [ "$$(id -u)" = "0" ]; then \
				echo "Installing system libraries for Qt:$$missing"; \
				apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
			else \
				echo "Missing system libraries (run as root to install):$$missing" >&2; \
			fi; \
		fi; \
	fi

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
