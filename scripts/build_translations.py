"""Build the window's translations: `.ts` sources → `.qm` files Qt loads.

    python scripts/build_translations.py            # lrelease every .ts into .qm
    python scripts/build_translations.py --update   # first refresh the .ts from app/ui

Uses pyside6-lupdate / pyside6-lrelease from the PySide6 wheel (no system Qt
tools needed). Both the `.ts` sources and the built `.qm` files are committed.
lupdate does not see plural forms (`%n`) in Python's `translate(ctx, text, None, n)`,
so `--update` keeps the plural forms the `.ts` already has for such messages.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCES = sorted((ROOT / "app" / "ui").rglob("*.py"))
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


def plural_messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """The messages a .ts marks as plural, by (context, source)."""
    if not ts.exists():
        return {}
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            if message.get("numerus") == "yes":
                found[(name, message.findtext("source") or "")] = message
    return found


def restore_plurals(ts: Path, plurals: dict[tuple[str, str], ET.Element]) -> None:
    """Give back the plural forms lupdate dropped (see the module doc)."""
    tree = ET.parse(ts)
    changed = False
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            saved = plurals.get((name, message.findtext("source") or ""))
            if saved is None or message.get("numerus") == "yes":
                continue
            message.set("numerus", "yes")
            old = message.find("translation")
            if old is not None:
                message.remove(old)
            translation = saved.find("translation")
            if translation is not None:
                message.append(translation)
            changed = True
    if changed:
        ET.indent(tree, "  ")
        text = ET.tostring(tree.getroot(), encoding="unicode")
        ts.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{text}\n', "utf-8")


def update() -> None:
    for code in LANGUAGES:
        ts = TRANSLATIONS / f"framecast_{code}.ts"
        plurals = plural_messages(ts)
        subprocess.run(
            [
                *tool("pyside6-lupdate"),
                *map(str, SOURCES),
                "-no-obsolete",
                # No line numbers: they change with every edit and make
                # concurrent changes to the .ts files collide.
                "-locations",
                "none",
                "-source-language",
                "en",
                "-target-language",
                code,
                "-ts",
                str(ts),
            ],
            check=True,
        )
        restore_plurals(ts, plurals)


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
