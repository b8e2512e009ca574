"""The form's presets: a picker (`presetCombo`) and a menu to save, rename and delete.

Choosing a preset applies it at once through the form's `apply` callable,
which returns what it could not apply (a model no longer offered, say); the
note under the picker says so. "Save current settings as…" asks for a name
(and before replacing a preset of that name), "Rename…" and "Delete…" act on
the preset shown. The presets live in `app.store.presets.PresetStore`; every
read and write of its file runs off the GUI thread, and a damaged file is
reported here in plain words (the store moved it aside and lost nothing).
Dialogs open with `open()`, never `exec()`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.store.presets import (
    MAX_NAME,
    BadPresetName,
    FormSettings,
    Preset,
    PresetExists,
    PresetNotFound,
    PresetsLoad,
    PresetStore,
    clean_name,
)
from app.ui import message_boxes, wording
from app.ui.icons import icon
from app.ui.tasks import run_in_thread
from app.ui.theme import set_style_property

#: How long a note that something worked stays (a problem stays until the next action).
NOTE_MS = 6000

Reader = Callable[[], FormSettings]
#: Applies settings to the form; returns what it could not apply, as (setting, value shown).
Applier = Callable[[FormSettings], Sequence[tuple[str, str]]]


class PresetBar(QWidget):
    """`presetCombo`, its actions button and a note line."""

    #: The presets as the file now has them (after a load or a change).
    presetsChanged = Signal()

    def __init__(
        self, store: PresetStore, read: Reader, apply: Applier, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("presetBar")
        self.store = store
        self._read = read
        self._apply = apply
        self._presets: list[Preset] = []
        self._applied: FormSettings | None = None  # the form right after the last apply
        self._dialog: QInputDialog | None = None

        self.presetCombo = QComboBox()
        self.presetCombo.setObjectName("presetCombo")
        self.presetCombo.setAccessibleName(wording.preset())
        self.presetCombo.setToolTip(wording.preset_tip())
        self.presetCombo.setPlaceholderText(wording.choose_preset())
        self.presetCombo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.presetCombo.setMinimumContentsLength(10)
        self.presetCombo.activated.connect(self._chosen)

        self.actionsButton = QToolButton()
        self.actionsButton.setObjectName("presetActionsButton")
        self.actionsButton.setAccessibleName(wording.preset_actions())
        self.actionsButton.setToolTip(wording.preset_actions())
        self.actionsButton.setIcon(icon("more", "#c9cfdb"))
        self.actionsButton.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.actionsButton.clicked.connect(self._open_menu)
        self.menu = QMenu(self.actionsButton)
        self.menu.setObjectName("presetMenu")
        self.saveAction = self.menu.addAction(wording.save_preset_as())
        self.saveAction.triggered.connect(self.ask_save)
        self.renameAction = self.menu.addAction(wording.rename_preset())
        self.renameAction.triggered.connect(self.ask_rename)
        self.deleteAction = self.menu.addAction(wording.delete_preset())
        self.deleteAction.triggered.connect(self.ask_delete)

        self.noteLabel = QLabel("")
        self.noteLabel.setObjectName("presetNote")
        self.noteLabel.setProperty("role", "muted")
        self.noteLabel.setWordWrap(True)
        self.noteLabel.setTextFormat(Qt.TextFormat.PlainText)  # holds preset names
        self.noteLabel.hide()
        self._noteTimer = QTimer(self)
        self._noteTimer.setSingleShot(True)
        self._noteTimer.setInterval(NOTE_MS)
        self._noteTimer.timeout.connect(self.noteLabel.hide)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(self.presetCombo, 1)
        row.addWidget(self.actionsButton)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.noteLabel)
        self._fill()

    def _open_menu(self) -> None:
        button = self.actionsButton
        self.menu.popup(button.mapToGlobal(button.rect().bottomLeft()))

    # ------------------------------------------------------------------ loading

    def load(self) -> None:
        """Read the presets file off the GUI thread."""
        run_in_thread(self.store.load, self._loaded)

    def _loaded(self, result: PresetsLoad | None, error: BaseException | None) -> None:
        if error is not None or result is None:
            self._problem(wording.presets_not_read(error))
            return
        self._set_presets(list(result.presets))
        if result.moved_to is not None:
            self._problem(wording.presets_file_damaged(result.moved_to, result.unreadable))

    def presets(self) -> list[Preset]:
        return list(self._presets)

    def current_name(self) -> str | None:
        index = self.presetCombo.currentIndex()
        return self._presets[index].name if 0 <= index < len(self._presets) else None

    def _set_presets(self, presets: list[Preset], show: str | None = None) -> None:
        keep = show if show is not None else self.current_name()
        self._presets = presets
        self._fill(keep)
        self.presetsChanged.emit()

    def _fill(self, show: str | None = None) -> None:
        self.presetCombo.blockSignals(True)
        self.presetCombo.clear()
        for preset in self._presets:
            self.presetCombo.addItem(preset.name, preset.name)
        index = self.presetCombo.findData(show) if show is not None else -1
        self.presetCombo.setCurrentIndex(index)
        self.presetCombo.blockSignals(False)
        has = bool(self._presets)
        self.presetCombo.setEnabled(has)
        self.presetCombo.setPlaceholderText(
            wording.choose_preset() if has else wording.no_presets()
        )
        self._update_actions()

    def _update_actions(self) -> None:
        chosen = self.current_name() is not None
        self.renameAction.setEnabled(chosen)
        self.deleteAction.setEnabled(chosen)

    # ------------------------------------------------------------------ applying

    def _chosen(self, index: int) -> None:
        if 0 <= index < len(self._presets):
            self.apply(self._presets[index])

    def apply(self, preset: Preset) -> None:
        gaps = self._apply(preset.settings)
        self._applied = self._read()
        self.presetCombo.setCurrentIndex(self.presetCombo.findData(preset.name))
        self._update_actions()
        if gaps:
            self._problem(wording.preset_applied_partly(preset.name, gaps))
        else:
            self._note(wording.preset_applied(preset.name))

    def form_changed(self) -> None:
        """The form changed: once it no longer is the preset shown, show none."""
        if self._applied is not None and self._read() != self._applied:
            self._applied = None
            self.presetCombo.setCurrentIndex(-1)
            self._update_actions()

    # ------------------------------------------------------------------ saving

    def ask_save(self) -> None:
        self._ask_name(
            wording.save_preset_title(), wording.preset_name_label(), self.current_name() or ""
        ).textValueSelected.connect(self._save_named)

    def _save_named(self, name: str) -> None:
        try:
            cleaned = clean_name(name)
        except BadPresetName:
            self._problem(wording.bad_preset_name(MAX_NAME))
            return
        settings = self._read()
        taken = next((p for p in self._presets if p.name.casefold() == cleaned.casefold()), None)
        if taken is None:
            self.save(name, settings, overwrite=False)
            return
        message_boxes.ask(
            self.window(),
            title=wording.replace_preset_title(),
            text=wording.replace_preset_question(taken.name),
            details="",
            yes=wording.replace_preset(),
            no=wording.keep_preset(),
            on_yes=lambda: self.save(name, settings, overwrite=True),
        )

    def save(self, name: str, settings: FormSettings, *, overwrite: bool) -> None:
        """Keep `settings` under `name` (off the GUI thread); the picker then shows it."""

        def done(preset: Preset | None, error: BaseException | None) -> None:
            if error is not None or preset is None:
                self._failed(error)
                return
            self._applied = settings
            self._set_presets(list(self.store.presets()), show=preset.name)
            self._note(wording.preset_saved(preset.name))

        run_in_thread(lambda: self.store.save(name, settings, overwrite=overwrite), done)

    # ------------------------------------------------------------------ rename and delete

    def ask_rename(self) -> None:
        old = self.current_name()
        if old is None:
            return
        dialog = self._ask_name(wording.rename_preset_title(), wording.preset_new_name_label(), old)
        dialog.textValueSelected.connect(lambda name: self._rename(old, name))

    def _rename(self, old: str, new: str) -> None:
        def done(preset: Preset | None, error: BaseException | None) -> None:
            if error is not None or preset is None:
                self._failed(error)
                return
            self._set_presets(list(self.store.presets()), show=preset.name)
            self._note(wording.preset_renamed(preset.name))

        run_in_thread(lambda: self.store.rename(old, new), done)

    def ask_delete(self) -> None:
        name = self.current_name()
        if name is None:
            return
        message_boxes.ask(
            self.window(),
            title=wording.delete_preset_title(),
            text=wording.delete_preset_question(name),
            details=wording.delete_preset_details(),
            yes=wording.delete_preset_yes(),
            no=wording.keep_preset(),
            on_yes=lambda: self.delete(name),
        )

    def delete(self, name: str) -> None:
        def done(_result: None, error: BaseException | None) -> None:
            if error is not None:
                self._failed(error)
                return
            self._applied = None
            self._set_presets(list(self.store.presets()), show="")
            self._note(wording.preset_deleted(name))

        run_in_thread(lambda: self.store.delete(name), done)

    # ------------------------------------------------------------------ dialogs and notes

    def _ask_name(self, title: str, label: str, text: str) -> QInputDialog:
        dialog = QInputDialog(self.window())
        dialog.setObjectName("presetNameDialog")
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(text)
        dialog.setOkButtonText(wording.save_preset())
        dialog.setCancelButtonText(wording.cancel())
        for edit in dialog.findChildren(QLineEdit):
            edit.setMaxLength(MAX_NAME)
            edit.setAccessibleName(label)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self._dialog = dialog
        dialog.open()
        return dialog

    def _failed(self, error: BaseException | None) -> None:
        if isinstance(error, PresetExists):
            self._problem(wording.preset_name_taken(error.name))
        elif isinstance(error, BadPresetName):
            self._problem(wording.bad_preset_name(MAX_NAME))
        elif isinstance(error, PresetNotFound):
            self._set_presets(list(self.store.presets()))
        else:
            self._problem(wording.presets_not_saved(error))

    def _note(self, text: str) -> None:
        set_style_property(self.noteLabel, "role", "muted")
        self._show_note(text)
        self._noteTimer.start()

    def _problem(self, text: str) -> None:
        self._noteTimer.stop()
        set_style_property(self.noteLabel, "role", "hint")
        self._show_note(text)

    def _show_note(self, text: str) -> None:
        self.noteLabel.setText(text)
        self.noteLabel.setAccessibleDescription(text)
        self.noteLabel.show()

    def note_text(self) -> str:
        return self.noteLabel.text() if self.noteLabel.isVisible() else ""
