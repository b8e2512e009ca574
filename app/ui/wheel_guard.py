"""The mouse wheel scrolls the page, not the settings under the pointer.

A combo box or spin box changes its value on a wheel turn even when the
pointer only passes over it while the creator scrolls the form (Frame 16:9
became 1:1). One application-wide event filter lets them take the wheel only
when they have the keyboard focus; otherwise the turn goes on to the scroll
area behind them. A click or Tab still gives them the focus, the wheel no
longer does. Installed once for every window and dialog by `apply_theme`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

GUARDED = (QComboBox, QAbstractSpinBox)


def _guarded(obj: QObject) -> QWidget | None:
    """The combo box or spin box `obj` is, or is inside (a spin box's line edit)."""
    if isinstance(obj, GUARDED):
        return obj
    parent = obj.parent() if isinstance(obj, QWidget) else None
    return parent if isinstance(parent, GUARDED) else None


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, GUARDED):
            # Wheel focus would hand them the focus first, and the value with it.
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel:
            target = _guarded(watched)
            if target is not None and not target.hasFocus():
                # Ignored and filtered: Qt offers the turn to the parents, so
                # the scroll area behind the field scrolls.
                event.ignore()
                return True
        return False


_guard: WheelGuard | None = None


def install_wheel_guard(app: QApplication) -> None:
    """Install the guard on the application (once)."""
    global _guard
    if _guard is None:
        _guard = WheelGuard(app)
        app.installEventFilter(_guard)
