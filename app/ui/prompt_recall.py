"""Earlier prompts, back in the prompt box: Up and Down, and a searchable list.

`PromptRecall` watches the prompt box. When the box is empty, or still shows
a prompt it recalled, unchanged, Up brings the next earlier prompt (newest
first) and Down the next later one; Down past the newest puts back what the
box held before (the draft), and so does Escape. Typing in a recalled prompt
makes it the creator's own: recall ends there and the words stay. The
prompts are this session's (`note_used`, newest first) ahead of the history
database's (`set_earlier`, read off the GUI thread by the window), each once.

`PromptListPopup` is the same list, searchable: a filter line over it, Up and
Down move through it from the filter, Enter or a click puts the prompt in the
box, Escape closes it. Both say what they are to a screen reader.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui import wording
from app.ui.elided_label import plain_tooltip
from app.ui.icons import icon

#: How many earlier prompts the window reads from the history.
RECALL_LIMIT = 500
PROMPT_ROLE = Qt.ItemDataRole.UserRole + 1
POPUP_SIZE = (480, 340)


def merged(session: Iterable[str], earlier: Iterable[str]) -> list[str]:
    """This session's prompts, then the history's, newest first; each once
    (the same words with other spaces around them are the same prompt)."""
    seen: set[str] = set()
    result: list[str] = []
    for prompt in (*session, *earlier):
        words = prompt.strip()
        if words and words not in seen:
            seen.add(words)
            result.append(words)
    return result


def one_line(prompt: str) -> str:
    return " ".join(prompt.split())


class PromptRecall(QObject):
    """Up and Down in the prompt box walk through earlier prompts."""

    #: (which, of how many): 1 is the newest; (0, n) when not recalling.
    positionChanged = Signal(int, int)

    def __init__(self, edit: QPlainTextEdit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.edit = edit
        self._earlier: list[str] = []
        self._session: list[str] = []
        self._prompts: list[str] = []
        self._index = -1  # the recalled prompt's place in `_prompts`; -1: not recalling
        self._draft = ""
        self._setting = False  # the box changes because recall changed it
        edit.installEventFilter(self)
        edit.textChanged.connect(self._edited)

    # ------------------------------------------------------------------ the prompts

    def prompts(self) -> list[str]:
        return list(self._prompts)

    def set_earlier(self, prompts: Iterable[str]) -> None:
        """The history's prompts, newest first (read off the GUI thread)."""
        self._earlier = list(prompts)
        self._rebuild()

    def note_used(self, prompt: str) -> None:
        """A prompt sent this session: it is the newest now."""
        words = prompt.strip()
        if words:
            self._session = [words, *(p for p in self._session if p != words)]
            self._rebuild()

    def _rebuild(self) -> None:
        current = self._prompts[self._index] if self.recalling() else None
        self._prompts = merged(self._session, self._earlier)
        self._index = self._prompts.index(current) if current in self._prompts else -1
        self._announce()

    # ------------------------------------------------------------------ walking

    def recalling(self) -> bool:
        return self._index >= 0

    def older(self) -> bool:
        """The next earlier prompt (False when there is none)."""
        if self._index + 1 >= len(self._prompts):
            return False
        if not self.recalling():
            self._draft = self.edit.toPlainText()
        self._show(self._index + 1)
        return True

    def newer(self) -> bool:
        """The next later prompt; past the newest, the draft again."""
        if not self.recalling():
            return False
        if self._index == 0:
            self.leave()
            return True
        self._show(self._index - 1)
        return True

    def leave(self) -> None:
        """Stop recalling and put back the draft."""
        if not self.recalling():
            return
        self._index = -1
        self._put(self._draft)
        self._announce()

    def _show(self, index: int) -> None:
        self._index = index
        self._put(self._prompts[index])
        self._announce()

    def _put(self, text: str) -> None:
        self._setting = True
        try:
            self.edit.setPlainText(text)
            self.edit.moveCursor(self.edit.textCursor().MoveOperation.End)
        finally:
            self._setting = False

    def _edited(self) -> None:
        if not self._setting and self.recalling():
            self._index = -1  # the creator changed it: it is theirs now
            self._announce()

    def _announce(self) -> None:
        self.positionChanged.emit(self._index + 1, len(self._prompts))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        ):
            key = event.key()
            free = self.recalling() or not self.edit.toPlainText()
            if key == Qt.Key.Key_Up and free and self.older():
                return True
            if key == Qt.Key.Key_Up and self.recalling():
                return True  # the oldest: stay on it (the caret must not wander)
            if key == Qt.Key.Key_Down and self.recalling():
                return self.newer()
            if key == Qt.Key.Key_Escape and self.recalling():
                self.leave()
                return True
        return super().eventFilter(watched, event)


class PromptListPopup(QFrame):
    """Earlier prompts with a filter line; `chosen` gives the one picked."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("promptListPopup")
        self.setAccessibleName(wording.earlier_prompts())
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.resize(*POPUP_SIZE)

        self.title = QLabel(wording.earlier_prompts())
        self.title.setObjectName("promptListTitle")
        self.hint = QLabel(wording.prompt_list_hint())
        self.hint.setProperty("role", "muted")
        self.hint.setWordWrap(True)
        self.filterEdit = QLineEdit()
        self.filterEdit.setObjectName("promptFilter")
        self.filterEdit.setAccessibleName(wording.filter_earlier_prompts())
        self.filterEdit.setPlaceholderText(wording.filter_earlier_prompts())
        self.filterEdit.setClearButtonEnabled(True)
        self.filterEdit.addAction(
            icon("search", "#8b93a3"), QLineEdit.ActionPosition.LeadingPosition
        )
        self.filterEdit.installEventFilter(self)

        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filterEdit.textChanged.connect(self._filter)

        self.promptList = QListView()
        self.promptList.setObjectName("promptList")
        self.promptList.setAccessibleName(wording.earlier_prompts())
        self.promptList.setModel(self.proxy)
        self.promptList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.promptList.setUniformItemSizes(True)
        self.promptList.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.promptList.clicked.connect(self._pick)
        self.promptList.activated.connect(self._pick)

        self.emptyLabel = QLabel("")
        self.emptyLabel.setObjectName("promptListEmpty")
        self.emptyLabel.setProperty("role", "muted")
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyLabel.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 10)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.filterEdit)
        layout.addWidget(self.promptList, 1)
        layout.addWidget(self.emptyLabel, 1)
        layout.addWidget(self.hint)

    def set_prompts(self, prompts: Iterable[str]) -> None:
        self.model.clear()
        for prompt in prompts:
            item = QStandardItem(one_line(prompt))
            item.setData(prompt, PROMPT_ROLE)
            item.setData(plain_tooltip(prompt), Qt.ItemDataRole.ToolTipRole)
            item.setEditable(False)
            self.model.appendRow(item)
        self._filter(self.filterEdit.text())

    def visible_prompts(self) -> list[str]:
        return [
            str(self.proxy.index(row, 0).data(PROMPT_ROLE)) for row in range(self.proxy.rowCount())
        ]

    def show_at(self, where: QPoint, width: int) -> None:
        """Open below `where` (global), `width` wide, the filter empty and focused."""
        self.filterEdit.clear()
        self.resize(max(POPUP_SIZE[0], width), POPUP_SIZE[1])
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        x, y = where.x(), where.y()
        if screen is not None:
            x = max(screen.left(), min(x, screen.right() - self.width()))
            if y + self.height() > screen.bottom():
                y = max(screen.top(), y - self.height())
        self.move(x, y)
        self.show()
        self.filterEdit.setFocus()

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        count = self.proxy.rowCount()
        if count:
            self.promptList.setCurrentIndex(self.proxy.index(0, 0))
        elif self.model.rowCount():
            self.emptyLabel.setText(wording.no_prompt_matches())
        else:
            self.emptyLabel.setText(wording.no_earlier_prompts())
        self.promptList.setVisible(bool(count))
        self.emptyLabel.setVisible(not count)

    def _pick(self, index: QModelIndex) -> None:
        prompt = index.data(PROMPT_ROLE)
        if isinstance(prompt, str):
            self.hide()
            self.chosen.emit(prompt)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """From the filter line: Up and Down move in the list, Enter picks, Escape closes."""
        if (
            watched is self.filterEdit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                self._step(key)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                current = self.promptList.currentIndex()
                if current.isValid():
                    self._pick(current)
                return True
        return super().eventFilter(watched, event)

    def _step(self, key: int) -> None:
        rows = self.proxy.rowCount()
        if not rows:
            return
        row = self.promptList.currentIndex().row()
        steps = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -8}
        row = max(0, min(rows - 1, row + steps.get(Qt.Key(key), 8)))
        index = self.proxy.index(row, 0)
        self.promptList.setCurrentIndex(index)
        self.promptList.scrollTo(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            event.accept()
            return
        super().keyPressEvent(event)
