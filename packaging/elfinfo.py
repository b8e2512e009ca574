"""What binutils' readelf and nm say about a shared library, for the build steps.

Shared by `codec_stubs.py` and `host_libs.py`, which both need each bundled
library's DT_NEEDED list; it is read once per file per build (cached).
"""

from __future__ import annotations

import functools
import re
import subprocess
from pathlib import Path


class ElfToolError(Exception):
    """readelf or nm failed on a file."""


def run(*args: str) -> str:
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        raise ElfToolError(f"{' '.join(args[:2])} failed: {result.stderr.strip()[:500]}")
    return result.stdout


@functools.cache
def _dynamic_section(path: str) -> str:
    return run("readelf", "-dW", path)


def needed_libraries(path: str | Path) -> frozenset[str]:
    """The sonames `path` names in DT_NEEDED."""
    return frozenset(re.findall(r"\(NEEDED\).*\[(.+?)\]", _dynamic_section(str(path))))


def soname(path: Path) -> str:
    match = re.search(r"\(SONAME\).*\[(.+?)\]", _dynamic_section(str(path)))
    return match.group(1) if match else path.name


def dynamic_symbols(path: Path, *flags: str) -> set[str]:
    """Names in the dynamic symbol table (`nm -D FLAGS`), without version suffixes."""
    names = set()
    for line in run("nm", "-D", *flags, str(path)).splitlines():
        parts = line.split()
        if parts:
            names.add(parts[-1].split("@", 1)[0])
    return names
