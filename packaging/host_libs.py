"""Leave the Linux desktop's own libraries out of the build, as AppImage tools do.

PyInstaller bundles every shared library the app links to, except glibc.
That includes the client libraries of the desktop's own services: the X11
libraries, fontconfig and FreeType, GLib, D-Bus and PulseAudio (with the
codecs, systemd and crypto libraries *they* link to). Every Linux desktop
has these, Qt's own "X11 requirements" expect them from the host, and a
copy from the build machine only risks disagreeing with the host's servers
and configuration; the AppImage "excludelist" and linuxdeploy leave them out
for the same reasons. glibc's libmvec is left out because it must match the
host's glibc, and libstdc++, libgcc_s and zlib because the host's are at
least as new as the build machine's and its GPU drivers need its own.

`apply(binaries)` drops the libraries named in HOST_LIBRARIES from the top
level of the bundle, then every top-level library that was there only
because a dropped library linked to it (sndfile and FLAC for PulseAudio,
libmount and pcre2 for GLib, ...). A library nothing links to (loaded by
ctypes, say) or that anything kept still links to stays. The Debian/Ubuntu
packages that provide these are the ones `make` installs (QT_SYSTEM_PACKAGES
in the Makefile); packaging/README.md lists them for users.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from pathlib import Path

from elfinfo import needed_libraries

TocEntry = tuple[str, str, str]

HOST_LIBRARIES = frozenset(
    {
        # glibc's vector maths: part of the host's glibc, must match it.
        "libmvec.so.1",
        # The C++ runtime and zlib. The host's are never older than the build's
        # (build on the oldest Linux you support), and the host's GPU drivers
        # (Mesa, loaded by Qt) need the host's own: an older bundled libstdc++
        # makes them fail with "GLIBCXX_3.4.xx not found".
        "libstdc++.so.6",
        "libgcc_s.so.1",
        "libz.so.1",
        # X11 client libraries (the xcb-* set Qt's xcb plugin needs stays bundled).
        "libX11.so.6",
        "libX11-xcb.so.1",
        "libXext.so.6",
        "libXrender.so.1",
        "libXrandr.so.2",
        "libXau.so.6",
        "libXdmcp.so.6",
        # Fonts: the host's fontconfig must read the host's font configuration.
        "libfontconfig.so.1",
        "libfreetype.so.6",
        # GLib: Qt's event loop integration and the network-information plugin.
        "libglib-2.0.so.0",
        "libgobject-2.0.so.0",
        "libgio-2.0.so.0",
        "libgmodule-2.0.so.0",
        "libgthread-2.0.so.0",
        # D-Bus, and the PulseAudio (or PipeWire-Pulse) client library for sound.
        "libdbus-1.so.3",
        "libpulse.so.0",
    }
)


def dropped_libraries(needs: Mapping[str, AbstractSet[str]], top_level: set[str]) -> set[str]:
    """Top-level libraries to leave out, given which bundled file needs which library
    (by soname, which for a top-level library is its file name)."""
    users: dict[str, set[str]] = defaultdict(set)
    for user, libraries in needs.items():
        for library in libraries:
            users[library].add(user)
    dropped = {name for name in top_level if name in HOST_LIBRARIES}
    changed = True
    while changed:
        changed = False
        for name in top_level - dropped:
            if users[name] and users[name] <= dropped:
                dropped.add(name)
                changed = True
    return dropped


def apply(binaries: list[TocEntry]) -> list[TocEntry]:
    """PyInstaller's binaries without the host's libraries and what only they needed."""
    top_level = {dest for dest, _src, _kind in binaries if "/" not in dest and ".so" in dest}
    needs = {dest: needed_libraries(src) for dest, src, _kind in binaries}
    dropped = dropped_libraries(needs, top_level)
    if dropped:
        saved = sum(Path(src).stat().st_size for dest, src, _ in binaries if dest in dropped)
        print(
            f"host_libs: leaving {len(dropped)} desktop libraries to the host "
            f"({saved / 2**20:.1f} MB): {', '.join(sorted(dropped))}"
        )
    return [entry for entry in binaries if entry[0] not in dropped]
