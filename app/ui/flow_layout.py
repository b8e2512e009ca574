"""A row of buttons that wraps onto more lines instead of being cut off.

Qt's box layouts never wrap: a card or the player with more buttons than
room would push the last ones out of sight (or force the whole column
wider than the screen). `FlowLayout` lays its widgets left to right,
aligned to the right edge (or the left), and starts a new line when the
next one does not fit; an item wider than a whole line gets the line's
width. It reports the height it needs for a width (`heightForWidth`), so
the layouts around it make room for the extra lines.

With a lead (`lead_min`), the first widget is a text that goes before the
buttons: it takes the room the buttons leave on their line while that is
at least `lead_min` wide, and a line of its own above them otherwise (so a
title is never squeezed to a few letters beside them).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget

Placed = list[tuple[QLayoutItem, QRect]]


class FlowLayout(QLayout):
    def __init__(
        self,
        parent: QWidget | None = None,
        spacing: int = 8,
        *,
        align_right: bool = True,
        lead_min: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self._align_right = align_right
        self._lead_min = lead_min
        self.setContentsMargins(0, 0, 0, 0)

    def set_lead_min(self, width: int) -> None:
        """How narrow the lead may get beside the buttons before it takes a line of its own."""
        if width != self._lead_min:
            self._lead_min = width
            self.invalidate()

    # ------------------------------------------------------------------ QLayout's interface

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        visible = self._visible()
        width = sum(i.sizeHint().width() for i in visible) + self._gap * max(0, len(visible) - 1)
        height = max((i.sizeHint().height() for i in visible), default=0)
        return self._with_margins(QSize(width, height))

    def minimumSize(self) -> QSize:
        """One widget a line: as narrow as the widest button (or the lead's minimum)."""
        size = QSize()
        lead, buttons = self._split()
        if lead is not None:
            size = QSize(self._lead_min or 0, lead.minimumSize().height())
        for item in buttons:
            size = size.expandedTo(item.minimumSize()).expandedTo(QSize(item.sizeHint().width(), 0))
        return self._with_margins(size)

    # ------------------------------------------------------------------ arranging

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _split(self) -> tuple[QLayoutItem | None, list[QLayoutItem]]:
        """The lead (when there is one and it shows) and the buttons."""
        if self._lead_min is None or not self._items:
            return None, self._visible()
        lead = self._items[0]
        rest = [i for i in self._items[1:] if not i.isEmpty()]
        return (None if lead.isEmpty() else lead), rest

    def _with_margins(self, size: QSize) -> QSize:
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _lines(self, items: list[QLayoutItem], width: int) -> list[list[QLayoutItem]]:
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in items:
            needed = item.sizeHint().width()
            if lines[-1] and used + self._gap + needed > width:
                lines.append([])
                used = 0
            used += needed + (self._gap if lines[-1] else 0)
            lines[-1].append(item)
        return [line for line in lines if line]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the items in `rect` (when `move`); returns the height they take."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        lead, buttons = self._split()
        lines = self._lines(buttons, area.width())
        placed: Placed = []
        y = area.y()
        if lead is not None:
            first = lines[0] if lines else []
            beside = area.width() - self._line_width(first) - (self._gap if first else 0)
            if len(lines) <= 1 and beside >= (self._lead_min or 0):
                # One line: the lead in the room the buttons leave (all of it when
                # they sit at the right edge, as much as it asks when they follow it).
                height = max(i.sizeHint().height() for i in [lead, *first])
                width = beside if self._align_right else min(beside, lead.sizeHint().width())
                placed.append((lead, QRect(area.x(), y, width, height)))
                after = area.adjusted(width + self._gap, 0, 0, 0)
                placed += self._place_line(first, area if self._align_right else after, y, height)
                y += height + self._gap
                lines = []
            else:
                height = lead.sizeHint().height()
                placed.append((lead, QRect(area.x(), y, area.width(), height)))
                y += height + self._gap
        for line in lines:
            height = max(i.sizeHint().height() for i in line)
            placed += self._place_line(line, area, y, height)
            y += height + self._gap
        if move:
            for item, where in placed:
                item.setGeometry(where)
        return max(0, y - self._gap - area.y()) + margins.top() + margins.bottom()

    def _line_width(self, line: list[QLayoutItem]) -> int:
        return sum(i.sizeHint().width() for i in line) + self._gap * max(0, len(line) - 1)

    def _place_line(self, line: list[QLayoutItem], area: QRect, y: int, height: int) -> Placed:
        widths = [min(i.sizeHint().width(), area.width()) for i in line]
        x = area.x()
        if self._align_right:
            x = area.right() + 1 - (sum(widths) + self._gap * (len(line) - 1))
        placed: Placed = []
        for item, width in zip(line, widths, strict=True):
            top = y + (height - item.sizeHint().height()) // 2
            size = QSize(width, item.sizeHint().height())
            placed.append((item, QRect(QPoint(max(x, area.x()), top), size)))
            x += width + self._gap
        return placed


def flow_widget(
    *widgets: QWidget, spacing: int = 8, align_right: bool = True, lead_min: int | None = None
) -> QWidget:
    """A widget holding `widgets` in a `FlowLayout` (the first is the lead
    when `lead_min` is given)."""
    holder = QWidget()
    layout = FlowLayout(holder, spacing, align_right=align_right, lead_min=lead_min)
    for widget in widgets:
        layout.addWidget(widget)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    holder.setSizePolicy(policy)
    return holder
