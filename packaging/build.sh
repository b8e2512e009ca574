#!/usr/bin/env bash
# Builds Framecast's one-folder package with PyInstaller into dist/framecast/
# and prints its unpacked size. Run from anywhere; uses the project's .venv
# unless PYTHON names another interpreter (which needs `pip install '.[package]'`).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [[ -z "${PYTHON:-}" ]]; then
    if [[ -x .venv/bin/python ]]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi
if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
    echo "PyInstaller is missing: run \`$PYTHON -m pip install '.[package]'\` (or \`make package\`)." >&2
    exit 2
fi

export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level "${PYI_LOG_LEVEL:-WARN}" \
    --distpath dist --workpath build/pyinstaller packaging/framecast.spec

if [[ "$(uname -s)" == "Linux" && -z "${FRAMECAST_NO_STRIP:-}" ]]; then
    "$PYTHON" packaging/strip_bundle.py dist/framecast
fi

echo "Built dist/framecast/ (unpacked size: $(du -sh dist/framecast | cut -f1))"
if [[ -d dist/Framecast.app ]]; then
    echo "Built dist/Framecast.app (size: $(du -sh dist/Framecast.app | cut -f1))"
fi
