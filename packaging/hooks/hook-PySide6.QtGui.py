"""PyInstaller's own hook for PySide6.QtGui, minus the plugins in qt_plugin_filter."""

from __future__ import annotations

import os
import sys

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

sys.path.insert(0, os.path.dirname(__file__))
from qt_plugin_filter import without_unused_plugins

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = without_unused_plugins(binaries)
