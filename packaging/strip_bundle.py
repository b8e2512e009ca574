"""Strip symbols from the shared libraries of a Linux one-folder build, safely.

PyInstaller's own `strip=True` runs `strip` on every binary, and that breaks
libraries that auditwheel rewrote with patchelf (PySide6's FFmpeg, PyAV's
libraries): `strip` lays their segments out again and the loader refuses them
with "ELF load command address/offset not page-aligned". So this strips a
copy of each unstripped ELF file under `_internal/`, checks the copy's
loadable segments the way the loader does, and keeps the copy only when it
passes. The executable itself is left alone (PyInstaller appends its archive
to it).

    python packaging/strip_bundle.py dist/framecast
"""

from __future__ import annotations

import argparse
import logging
import shutil
import struct
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("framecast.packaging")

ELF_MAGIC = b"\x7fELF"
PT_LOAD = 1
SHT_SYMTAB = 2


@dataclass(frozen=True)
class StripOutcome:
    path: Path
    saved_bytes: int
    kept_original: bool


def is_elf(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(4) == ELF_MAGIC


def _elf64_header(data: bytes) -> tuple[str, int, int, int, int, int, int]:
    if data[4] != 2:
        raise ValueError("not a 64-bit ELF file")
    endian = "<" if data[5] == 1 else ">"
    (phoff, shoff) = struct.unpack_from(endian + "QQ", data, 0x20)
    (phentsize, phnum, shentsize, shnum) = struct.unpack_from(endian + "HHHH", data, 0x36)
    return endian, phoff, phentsize, phnum, shoff, shentsize, shnum


def segments_are_loadable(data: bytes) -> bool:
    """True when every PT_LOAD segment's offset and address agree modulo its alignment."""
    endian, phoff, phentsize, phnum, *_ = _elf64_header(data)
    for i in range(phnum):
        p_type, _flags, p_offset, p_vaddr, _paddr, p_filesz, _memsz, p_align = struct.unpack_from(
            endian + "IIQQQQQQ", data, phoff + i * phentsize
        )
        if p_type != PT_LOAD:
            continue
        if p_align > 1 and (p_vaddr - p_offset) % p_align != 0:
            return False
        if p_offset + p_filesz > len(data):
            return False
    return True


def has_symbol_table(data: bytes) -> bool:
    endian, _phoff, _phentsize, _phnum, shoff, shentsize, shnum = _elf64_header(data)
    for i in range(shnum):
        (sh_type,) = struct.unpack_from(endian + "I", data, shoff + i * shentsize + 4)
        if sh_type == SHT_SYMTAB:
            return True
    return False


def strip_one(path: Path, scratch: Path) -> StripOutcome | None:
    original = path.read_bytes()
    try:
        if not has_symbol_table(original):
            return None
    except (ValueError, struct.error):
        return None  # 32-bit or unusual ELF: leave it as it is
    candidate = scratch / "candidate"
    candidate.write_bytes(original)
    result = subprocess.run(["strip", "--strip-unneeded", str(candidate)], capture_output=True)
    stripped = candidate.read_bytes() if result.returncode == 0 else b""
    if not stripped or not segments_are_loadable(stripped):
        log.info("kept unstripped: %s", path)
        return StripOutcome(path, 0, kept_original=True)
    shutil.copymode(path, candidate)
    candidate.replace(path)
    return StripOutcome(path, len(original) - len(stripped), kept_original=False)


def strip_bundle(bundle: Path) -> list[StripOutcome]:
    internal = bundle / "_internal"
    if not internal.is_dir():
        raise SystemExit(f"strip_bundle: {internal} does not exist")
    outcomes: list[StripOutcome] = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted(internal.rglob("*")):
            if path.is_symlink() or not path.is_file() or not is_elf(path):
                continue
            outcome = strip_one(path, Path(tmp))
            if outcome is not None:
                outcomes.append(outcome)
    return outcomes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Strip a Linux PyInstaller one-folder build.")
    parser.add_argument("bundle", type=Path, help="the one-folder build, such as dist/framecast")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    if shutil.which("strip") is None:
        print("strip_bundle: no `strip` (binutils) found; leaving the build unstripped")
        return 0
    outcomes = strip_bundle(args.bundle)
    saved = sum(o.saved_bytes for o in outcomes)
    kept = sum(o.kept_original for o in outcomes)
    print(
        f"Stripped {len(outcomes) - kept} libraries, saved {saved / 2**20:.1f} MB; "
        f"kept {kept} unstripped because stripping would break them"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
