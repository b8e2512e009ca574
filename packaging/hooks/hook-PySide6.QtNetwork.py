"""PyInstaller's own hook for PySide6.QtNetwork, minus the plugins in qt_plugin_filter."""

from __future__ import annotations

import os
import sys

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

sys.path.insert(0, os.path.dirname(__file__))
from qt_plugin_filter import without_unused_plugins

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)

from PyInstaller.utils.hooks.qt import pyside6_library_info  # noqa: E402

binaries += pyside6_library_info.collect_qtnetwork_files()
binaries = without_unused_plugins(binaries)
