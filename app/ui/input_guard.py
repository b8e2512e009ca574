"""Two input rules for every window and dialog, in one application-wide filter.

The mouse wheel scrolls the page, not the settings under the pointer.

A combo box or spin box changes its value on a wheel turn even when the
pointer only passes over it while the creator scrolls the form (Frame 16:9
became 1:1). One application-wide event filter lets them take the wheel only
when they have the keyboard focus; otherwise the turn scrolls the scroll area
around them (handed to its scroll bar: Qt passes only the system's own wheel
events on to parents). A click or Tab still gives them the focus, the wheel
no longer does.

Space presses the focused button. A window shortcut on Space (Play / Pause)
would otherwise take the key from the button, check box or combo box the
keyboard is on, so nothing could be pressed without a mouse.

Installed once on the application by `apply_theme`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)

GUARDED = (QComboBox, QAbstractSpinBox)
#: Controls that Space presses or opens.
SPACE_TAKERS = (QAbstractButton, QComboBox)


def _guarded(obj: QObject) -> QWidget | None:
    """The combo box or spin box `obj` is, or is inside (a spin box's line edit)."""
    if isinstance(obj, GUARDED):
        return obj
    parent = obj.parent() if isinstance(obj, QWidget) else None
    return parent if isinstance(parent, GUARDED) else None


class InputGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if _is_plain_space(event) and isinstance(watched, SPACE_TAKERS):
                event.accept()  # the focused control keeps Space; no shortcut fires
                return True
            return False
        if kind == QEvent.Type.Polish and isinstance(watched, GUARDED):
            # Wheel focus would hand them the focus first, and the value with it.
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel and isinstance(event, QWheelEvent):
            target = _guarded(watched)
            if target is not None and not target.hasFocus():
                _scroll_around(target, event)
                return True
        return False


def _is_plain_space(event: QKeyEvent) -> bool:
    return event.key() == Qt.Key.Key_Space and event.modifiers() in (
        Qt.KeyboardModifier.NoModifier,
        Qt.KeyboardModifier.KeypadModifier,
    )


def _scroll_around(widget: QWidget, event: QWheelEvent) -> None:
    """Give the wheel turn to the scroll bar of the nearest scroll area around `widget`."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    if parent is None:
        return
    vertical = event.angleDelta().y() != 0 or event.pixelDelta().y() != 0
    bar = parent.verticalScrollBar() if vertical else parent.horizontalScrollBar()
    if not bar.isVisible():
        return
    turn = QWheelEvent(
        QPointF(bar.width() / 2, bar.height() / 2),
        event.globalPosition(),
        event.pixelDelta(),
        event.angleDelta(),
        event.buttons(),
        event.modifiers(),
        event.phase(),
        event.inverted(),
    )
    QCoreApplication.sendEvent(bar, turn)


_guard: InputGuard | None = None


def install_input_guard(app: QApplication) -> None:
    """Install the guard on the application (once)."""
    global _guard
    if _guard is None:
        _guard = InputGuard(app)
        app.installEventFilter(_guard)
