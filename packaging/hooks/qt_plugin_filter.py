"""Qt plugins Framecast never loads, kept out of the PyInstaller build.

The stock PySide6 hooks collect whole plugin folders; binary analysis then
pulls in every library those plugins link to (the GTK 3 theme alone drags in
cairo, pango, gdk-pixbuf and friends). Filtering here, inside the hooks,
stops those libraries from being collected at all, which filtering the
finished Analysis could not do. The hooks in this folder override PyInstaller's
own hooks of the same name (`hookspath` takes precedence).
"""

from __future__ import annotations

import os

# Paths relative to PySide6/Qt/plugins, with "/" separators. A bare folder
# name drops the whole plugin type.
UNUSED_PLUGINS = frozenset(
    {
        "egldeviceintegrations",  # EGLFS: embedded devices without a window system
        "generic",  # evdev/tuio input for EGLFS and linuxfb
        "platforms/libqeglfs.so",
        "platforms/libqlinuxfb.so",
        "platforms/libqminimalegl.so",
        "platforms/libqvkkhrdisplay.so",
        "platforms/libqvnc.so",
        "platformthemes/libqgtk3.so",  # xdg-desktop-portal theme stays
        "platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "imageformats/libqtga.so",
        "imageformats/libqtiff.so",
        "imageformats/libqwbmp.so",
        "imageformats/libqicns.so",
        "imageformats/libqpdf.so",  # PySide6 6.11 ships it; it pulls in QtPdf
    }
)


def is_unused_plugin(src: str, dest: str) -> bool:
    """True for a collected plugin (source path, destination folder) Framecast never loads."""
    dest = dest.replace(os.sep, "/")
    marker = "/plugins/"
    if marker not in f"/{dest}/":
        return False
    plugin_type = f"/{dest}/".split(marker, 1)[1].strip("/")
    name = os.path.basename(src)
    return plugin_type in UNUSED_PLUGINS or f"{plugin_type}/{name}" in UNUSED_PLUGINS


def without_unused_plugins(binaries: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(src, dest) for src, dest in binaries if not is_unused_plugin(src, dest)]
