"""Swap encoder libraries Framecast never uses for small stand-ins (Linux builds).

PyAV's wheel links its FFmpeg against every encoder it was built with, and a
library that libavcodec names in DT_NEEDED cannot simply be left out: the
loader would refuse libavcodec. Two of them are big and never used by
Framecast, whose renderer encodes H.264 with libx264:

- libx265 (HEVC encoder, 20 MB; HEVC *decoding* is FFmpeg's own code),
- libSvtAv1Enc (AV1 encoder, 7 MB; AV1 *decoding* is dav1d's, which stays).

For each, this compiles the C file in `packaging/stubs/` into a library with
the same file name and soname, exporting every symbol libavcodec imports from
the real one; asking FFmpeg for that encoder then fails with an error, as
for any encoder that cannot open. Qt does the same for its FFmpeg
(libQt6FFmpegStub-*). Before a stand-in is used, the symbols libavcodec
imports from the real library are checked against the stand-in's exports,
so a PyAV upgrade that needs a new entry point stops the build instead of
failing at run time.

The spec calls `apply(a.binaries, workdir)`. Without a C compiler or
binutils' `nm`/`readelf` it keeps the real libraries and says so.
`FRAMECAST_FULL_CODECS=1` keeps them on purpose.

    python packaging/codec_stubs.py --check   # build the stand-ins against this venv's PyAV
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from elfinfo import ElfToolError, dynamic_symbols, needed_libraries, soname

STUB_SOURCES = Path(__file__).resolve().parent / "stubs"

# (destination path, source path, type code): PyInstaller's TOC entries.
TocEntry = tuple[str, str, str]


class StubError(Exception):
    """A stand-in cannot replace its library (a missing symbol, a failed compile)."""


@dataclass(frozen=True)
class Stub:
    """One replaceable library: its file-name prefix and the C file standing in for it."""

    prefix: str
    source: str

    def matches(self, file_name: str) -> bool:
        return file_name.startswith(self.prefix + "-") or file_name.startswith(self.prefix + ".so")

    def defines(self, required: set[str]) -> list[str]:
        """Extra compiler definitions the source needs, read off the required symbols."""
        if self.prefix != "libx265":
            return []
        builds = {m.group(1) for s in required if (m := re.fullmatch(r"x265_api_get_(\d+)", s))}
        if len(builds) != 1:
            raise StubError(f"libavcodec imports no single x265_api_get_<build>: {sorted(builds)}")
        return [f"-DX265_BUILD={builds.pop()}"]


STUBS = (
    Stub("libx265", "x265.c"),
    Stub("libSvtAv1Enc", "svtav1enc.c"),
)


def tools_missing() -> list[str]:
    return [tool for tool in ("cc", "nm", "readelf") if shutil.which(tool) is None]


def imported_from(consumers: list[Path], library: Path) -> set[str]:
    """Symbols the consumers import that `library` defines."""
    wanted: set[str] = set()
    for consumer in consumers:
        wanted |= dynamic_symbols(consumer, "--undefined-only")
    return wanted & dynamic_symbols(library, "--defined-only")


def build_stub(stub: Stub, real: Path, consumers: list[Path], out_dir: Path) -> Path:
    """Compile `stub` as a drop-in for `real`, checked against what `consumers` import."""
    required = imported_from(consumers, real)
    if not required:
        raise StubError(f"nothing imports from {real.name}; it may not be needed at all")
    target = out_dir / real.name
    compiled = subprocess.run(
        [
            "cc",
            "-shared",
            "-fPIC",
            "-O2",
            "-fvisibility=hidden",
            "-Wall",
            "-Werror",
            *stub.defines(required),
            f"-Wl,-soname,{soname(real)}",
            "-o",
            str(target),
            str(STUB_SOURCES / stub.source),
        ],
        capture_output=True,
        text=True,
    )
    if compiled.returncode != 0:
        raise StubError(f"compiling {stub.source} failed: {compiled.stderr.strip()[:500]}")
    missing = required - dynamic_symbols(target, "--defined-only")
    if missing:
        raise StubError(
            f"{stub.source} lacks {', '.join(sorted(missing))}, which libavcodec imports from "
            f"{real.name}; add them to packaging/stubs/{stub.source}"
        )
    return target


def apply(binaries: list[TocEntry], workdir: Path) -> list[TocEntry]:
    """PyInstaller's binaries with each stubbable library's source swapped for its stand-in."""
    if os.environ.get("FRAMECAST_FULL_CODECS"):
        print("codec_stubs: FRAMECAST_FULL_CODECS is set; keeping every codec library")
        return binaries
    if sys.platform != "linux":
        return binaries
    missing_tools = tools_missing()
    if missing_tools:
        print(
            f"codec_stubs: {', '.join(missing_tools)} not found; keeping the real encoder "
            "libraries (the build will be about 27 MB bigger)"
        )
        return binaries
    out_dir = workdir / "codec-stubs"
    out_dir.mkdir(parents=True, exist_ok=True)
    by_name = {Path(dest).name: Path(src) for dest, src, _ in binaries}
    replaced: dict[str, Path] = {}
    for name, src in by_name.items():
        stub = next((s for s in STUBS if s.matches(name)), None)
        if stub is None:
            continue
        consumers = [Path(user) for _, user, _ in binaries if name in needed_libraries(user)]
        replaced[name] = build_stub(stub, src, consumers, out_dir)
        saved = src.stat().st_size - replaced[name].stat().st_size
        print(f"codec_stubs: {name} -> stand-in ({saved / 2**20:.1f} MB smaller)")
    return [(dest, str(replaced.get(Path(dest).name, src)), kind) for dest, src, kind in binaries]


def _venv_binaries() -> list[TocEntry]:
    """The av.libs of the running interpreter's PyAV, as TOC entries."""
    import av

    libs = Path(av.__file__).resolve().parent.parent / "av.libs"
    return [(f"av.libs/{p.name}", str(p), "BINARY") for p in sorted(libs.glob("*.so*"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="build the stand-ins for this interpreter's PyAV and report",
    )
    args = parser.parse_args(argv)
    if not args.check:
        parser.print_help()
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        try:
            apply(_venv_binaries(), Path(tmp))
        except (StubError, ElfToolError) as exc:
            print(f"codec_stubs: {exc}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
