"""Framecast's desktop window (PySide6 on qasync's loop); the only Qt code.

Importing this package first guards against a PySide6 6.12 bug on Python
3.11 (pyproject pins PySide6 below 6.12; the guard is for installs that
bring 6.12 anyway, such as a packager's own environment): every Qt call
that returns None (`parent()`, `currentItem()`, a missing `property()`, an
unset item-data role...) gives back a reference to None
without taking one, so None's reference count falls by one per call and the
process aborts with "Fatal Python error: none_dealloc" after a few thousand
such calls. Python 3.12 makes None immortal; here we do the same by raising
its count far beyond reach, once.
"""

from __future__ import annotations

import ctypes
import sys


def _make_none_immortal() -> None:
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        return  # immortal already, or a debug build with a different object layout
    import PySide6

    if not PySide6.__version__.startswith("6.12."):
        return
    before = sys.getrefcount(None)
    counter = ctypes.c_ssize_t.from_address(id(None))
    if counter.value < before - 8 or counter.value > before + 8:
        return  # not the layout we expect: leave it alone
    counter.value += 1 << 48


_make_none_immortal()
