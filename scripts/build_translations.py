"""Build the window's translations: `.ts` sources → `.qm` files Qt loads.

    python scripts/build_translations.py            # lrelease every .ts into .qm
    python scripts/build_translations.py --update   # first refresh the .ts from app/ui

Uses pyside6-lupdate / pyside6-lrelease from the PySide6 wheel (no system Qt
tools needed). Both the `.ts` sources and the built `.qm` files are committed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCES = sorted((ROOT / "app" / "ui").glob("*.py"))
LANGUAGES = ("en", "ru")


def tool(name: str) -> list[str]:
    """The PySide6 wrapper next to this interpreter, else on PATH."""
    local = Path(sys.executable).parent / name
    if local.exists():
        return [str(local)]
    found = shutil.which(name)
    if found:
        return [found]
    raise SystemExit(f"{name} not found: install PySide6-Essentials (pip install -e .)")


def update() -> None:
    for code in LANGUAGES:
        ts = TRANSLATIONS / f"framecast_{code}.ts"
        subprocess.run(
            [
                *tool("pyside6-lupdate"),
                *map(str, SOURCES),
                "-no-obsolete",
                "-source-language",
                "en",
                "-target-language",
                code,
                "-ts",
                str(ts),
            ],
            check=True,
        )


def release() -> list[Path]:
    built = []
    for ts in sorted(TRANSLATIONS.glob("framecast_*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([*tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--update", action="store_true", help="refresh the .ts sources from app/ui before building"
    )
    args = parser.parse_args()
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    if args.update:
        update()
    for qm in release():
        print(f"built {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
