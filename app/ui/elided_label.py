"""A one-line label that shortens its text with "…" to the width it gets.

Qt's layouts do not elide labels: a long prompt would push a card's buttons
out of sight. The full text stays in the tooltip. The label is plain text,
and `plain_tooltip` makes any tooltip literal: what they show may come from a
server, and Qt renders text that looks like HTML as HTML.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


def plain_tooltip(text: str) -> str:
    """`text` as a tooltip that shows it literally, line breaks kept."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>" if text else ""


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._full = ""
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        tooltip = plain_tooltip(text)
        if text == self._full and self.toolTip() == tooltip:
            return
        self._full = text
        self.setToolTip(tooltip)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(20, self.contentsRect().width())
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width))
