#!/usr/bin/env bash
# Screenshots of the window at the two small screens the team checks, in
# English and Russian, under Xvfb: tests/artifacts/states/<lang>-<size>-<state>.png.
# Each run has its own data and config folders, so it starts as a first launch.
#
#   scripts/screenshots.sh [OUTDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-tests/artifacts/states}"
mkdir -p "$out"
for size in 1280x720 1366x860; do
  for language in en ru; do
    home="$(mktemp -d)"
    FRAMECAST_DATA_DIR="$home/data" FRAMECAST_CONFIG_DIR="$home/config" QT_QPA_PLATFORM=xcb \
      xvfb-run -a -s "-screen 0 ${size}x24" \
      .venv/bin/python -m tests.ui.screenshot_states "$out" --size "$size" --language "$language"
    rm -rf "$home"
  done
done
