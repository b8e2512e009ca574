"""The export dialog: a part of a video saved as MP4, a looping GIF or WebM.

The player opens it with the range between its In and Out points (or the
whole video). The creator picks a format and a file; the dialog says what
the format will do (an MP4 whose cut starts on a keyframe is a fast copy
with no re-encoding, `app.media.export.can_copy`), runs `export_clip` on a
worker thread (app/ui/tasks.run_in_thread) with a progress bar and Cancel,
then says where the file went, with Show in folder.

Nothing is overwritten without asking: the media engine refuses an existing
file before any work starts (OutputExistsError), the dialog asks "Replace?",
and only a yes runs the export again with `overwrite=True`. The worker
thread never touches a widget: it writes the latest fraction into a plain
object which a GUI-thread timer reads. Closing the dialog mid-export cancels
it, and the dialog goes away once the worker has stopped (a cancelled
export leaves no file, app.media.files). Every failure is worded by
`app.ui.wording.media_problem`, in the creator's language.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.media import (
    ExportCancelled,
    ExportKind,
    ExportResult,
    OutputExistsError,
    can_copy,
    export_clip,
    plan_cut,
    probe,
)
from app.ui import message_boxes, wording
from app.ui.desktop import show_in_folder
from app.ui.elided_label import ElidedLabel
from app.ui.file_names import suggested_file_name, videos_folder
from app.ui.tasks import run_in_thread
from app.ui.theme import set_style_property

log = logging.getLogger("framecast.ui")

#: How often the progress bar reads the worker's progress.
PROGRESS_MS = 100
PROGRESS_STEPS = 1000


@dataclass
class _Run:
    """One export on the worker thread: its cancel switch and latest progress
    (a float written by the worker, read by the GUI thread's timer)."""

    cancel: threading.Event = field(default_factory=threading.Event)
    fraction: float = 0.0


class ExportDialog(QDialog):
    """Export `start`..`end` seconds of `source` (see the module docstring)."""

    def __init__(
        self, source: Path, title: str, start: float, end: float, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export video"))
        self.source, self.title = source, title
        self.start, self.end = start, end
        self.copyable: bool | None = None  # unknown until the video is read
        self.exported: ExportResult | None = None
        self._run: _Run | None = None
        self._closing = False
        self.folder = videos_folder()
        self._build()
        self._timer = QTimer(self)
        self._timer.setInterval(PROGRESS_MS)
        self._timer.timeout.connect(self._show_progress)
        self._check_copy()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.heading = QLabel(self.tr("Export a part of the video"))
        self.heading.setProperty("role", "title")
        self.rangeLabel = QLabel(self._range_text())
        self.rangeLabel.setObjectName("exportRange")
        self.rangeLabel.setProperty("role", "muted")
        self.rangeLabel.setWordWrap(True)

        self.mp4Radio = QRadioButton(self.tr("MP4 video"))
        self.mp4Radio.setObjectName("exportMp4")
        self.gifRadio = QRadioButton(self.tr("Looping GIF"))
        self.gifRadio.setObjectName("exportGif")
        self.webmRadio = QRadioButton(self.tr("WebM video"))
        self.webmRadio.setObjectName("exportWebm")
        self.formats = QButtonGroup(self)
        for radio, kind in (
            (self.mp4Radio, ExportKind.MP4),
            (self.gifRadio, ExportKind.GIF),
            (self.webmRadio, ExportKind.WEBM),
        ):
            radio.setProperty("kind", kind.value)
            self.formats.addButton(radio)
        self.mp4Radio.setChecked(True)
        self.formats.buttonToggled.connect(self._format_changed)
        self.formatNote = QLabel()
        self.formatNote.setObjectName("exportFormatNote")
        self.formatNote.setProperty("role", "muted")
        self.formatNote.setWordWrap(True)
        # Two lines always: the dialog does not jump when the note changes.
        self.formatNote.setMinimumHeight(self.formatNote.fontMetrics().lineSpacing() * 2 + 2)

        self.fileEdit = QLineEdit(self._default_target(ExportKind.MP4).name)
        self.fileEdit.setObjectName("exportFile")
        self.fileEdit.setAccessibleName(self.tr("File name"))
        self.folderLabel = ElidedLabel(str(self.folder))
        self.folderLabel.setObjectName("exportFolder")
        self.folderLabel.setToolTip(str(self.folder))
        self.chooseButton = QPushButton(self.tr("Choose…"))
        self.chooseButton.setObjectName("exportChooseButton")
        self.chooseButton.setProperty("role", "ghost")
        self.chooseButton.clicked.connect(self.choose_file)

        self.progressBar = QProgressBar()
        self.progressBar.setObjectName("exportProgress")
        self.progressBar.setRange(0, PROGRESS_STEPS)
        self.progressBar.setTextVisible(False)
        self.progressBar.hide()
        self.statusLabel = QLabel()
        self.statusLabel.setObjectName("exportStatus")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.statusLabel.hide()

        self.folderButton = QPushButton(self.tr("Show in folder"))
        self.folderButton.setObjectName("exportShowInFolder")
        self.folderButton.setProperty("role", "ghost")
        self.folderButton.clicked.connect(self._show_in_folder)
        self.folderButton.hide()
        self.cancelButton = QPushButton(self.tr("Close"))
        self.cancelButton.setObjectName("exportCancelButton")
        self.cancelButton.setProperty("role", "ghost")
        self.cancelButton.clicked.connect(self.cancel_or_close)
        self.exportButton = QPushButton(self.tr("Export"))
        self.exportButton.setObjectName("exportStartButton")
        self.exportButton.setProperty("role", "primary-small")
        self.exportButton.setDefault(True)
        self.exportButton.clicked.connect(self.start_export)

        form = QGridLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        form.addWidget(_field(self.tr("Format")), 0, 0, Qt.AlignmentFlag.AlignTop)
        kinds = QVBoxLayout()
        kinds.setSpacing(4)
        for radio in (self.mp4Radio, self.gifRadio, self.webmRadio):
            kinds.addWidget(radio)
        kinds.addWidget(self.formatNote)
        form.addLayout(kinds, 0, 1)
        form.addWidget(_field(self.tr("Name")), 1, 0)
        form.addWidget(self.fileEdit, 1, 1)
        form.addWidget(_field(self.tr("Folder")), 2, 0)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folderLabel, 1)
        folder_row.addWidget(self.chooseButton)
        form.addLayout(folder_row, 2, 1)
        form.setColumnStretch(1, 1)

        buttons = QHBoxLayout()
        buttons.addWidget(self.folderButton)
        buttons.addStretch(1)
        buttons.addWidget(self.cancelButton)
        buttons.addWidget(self.exportButton)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.rangeLabel)
        layout.addLayout(form)
        layout.addWidget(self.progressBar)
        layout.addWidget(self.statusLabel)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)
        self._format_changed()

    def _range_text(self) -> str:
        return wording.export_range(self.start, self.end)

    def _default_target(self, kind: ExportKind) -> Path:
        return self.folder / suggested_file_name(self.title, date.today(), kind.value)

    # ------------------------------------------------------------------ format and file

    def kind(self) -> ExportKind:
        checked = self.formats.checkedButton()
        return ExportKind(str(checked.property("kind"))) if checked else ExportKind.MP4

    def set_kind(self, kind: ExportKind) -> None:
        {ExportKind.MP4: self.mp4Radio, ExportKind.GIF: self.gifRadio}.get(
            kind, self.webmRadio
        ).setChecked(True)

    def _format_changed(self, *_: object) -> None:
        kind = self.kind()
        self.formatNote.setText(wording.export_format_note(kind.value, self.copyable))
        text = self.fileEdit.text().strip()
        if text:  # the same name, with this format's extension
            self.fileEdit.setText(str(Path(text).with_suffix(f".{kind.value}")))
        self.adjustSize()

    def _check_copy(self) -> None:
        """Whether an MP4 of this range is a fast copy: read the video off the GUI thread."""
        source, start, end = self.source, self.start, self.end

        def copyable() -> bool:
            info = probe(source)
            return can_copy(info, plan_cut(info, start, end))

        run_in_thread(copyable, self._copy_checked)

    def _copy_checked(self, copyable: bool | None, error: BaseException | None) -> None:
        if error is not None:
            log.warning("reading %s for export failed: %s", self.source, error)
            self._say(wording.media_problem(error), problem=True)
            self.exportButton.setEnabled(False)
            return
        self.copyable = bool(copyable)
        self._format_changed()

    def target(self) -> Path:
        """The file named in the dialog, with the format's extension; a bare
        name goes into the folder shown (the Videos folder unless chosen)."""
        text = self.fileEdit.text().strip() or self._default_target(self.kind()).name
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = self.folder / path
        suffix = f".{self.kind().value}"
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def choose_file(self) -> None:
        """A Save dialog for the file. It does not ask about an existing file
        itself: the export does, once, whichever way the name was given."""
        kind = self.kind()
        dialog = QFileDialog(self, self.tr("Export as"))
        dialog.setObjectName("exportFileDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
        dialog.setNameFilter(wording.export_file_filter(kind.value))
        dialog.setDefaultSuffix(kind.value)
        current = self.target()
        dialog.setDirectory(str(current.parent))
        dialog.selectFile(current.name)
        dialog.fileSelected.connect(self._file_chosen)
        dialog.finished.connect(dialog.deleteLater)
        self.fileDialog = dialog
        dialog.open()

    def _file_chosen(self, name: str) -> None:
        path = Path(name)
        self.folder = path.parent
        self.folderLabel.set_full_text(str(self.folder))
        self.folderLabel.setToolTip(str(self.folder))
        self.fileEdit.setText(path.name)

    # ------------------------------------------------------------------ exporting

    def is_running(self) -> bool:
        return self._run is not None

    def start_export(self) -> None:
        if self._run is None:
            self._export(self.target(), overwrite=False)

    def _export(self, target: Path, *, overwrite: bool) -> None:
        run = _Run()
        self._run = run
        source, start, end, kind = self.source, self.start, self.end, self.kind()
        self.exported = None
        self._set_running(True)
        self._say(wording.exporting(0))

        def work() -> ExportResult:
            return export_clip(
                source,
                target,
                start,
                end,
                kind,
                lambda fraction: setattr(run, "fraction", fraction),
                run.cancel,
                overwrite=overwrite,
            )

        run_in_thread(
            work, lambda result, error: self._finished(target, result, error, asked=overwrite)
        )

    def _set_running(self, running: bool) -> None:
        for widget in (
            self.mp4Radio,
            self.gifRadio,
            self.webmRadio,
            self.fileEdit,
            self.chooseButton,
            self.exportButton,
        ):
            widget.setEnabled(not running)
        self.cancelButton.setText(self.tr("Cancel") if running else self.tr("Close"))
        self.progressBar.setVisible(running)
        self.progressBar.setValue(0)
        if running:
            self.folderButton.hide()
            self._timer.start()
        else:
            self._timer.stop()

    def _show_progress(self) -> None:
        if self._run is not None:
            fraction = self._run.fraction
            self.progressBar.setValue(round(fraction * PROGRESS_STEPS))
            self._say(wording.exporting(round(fraction * 100)))

    def _finished(
        self,
        target: Path,
        result: ExportResult | None,
        error: BaseException | None,
        *,
        asked: bool,
    ) -> None:
        self._run = None
        self._set_running(False)
        if self._closing:
            super().reject()
            return
        if isinstance(error, OutputExistsError) and not asked:
            self._ask_replace(target)
            return
        if error is not None or result is None:
            if not isinstance(error, ExportCancelled):
                log.warning("export to %s failed: %s", target, error)
            self._say(wording.media_problem(error), problem=not isinstance(error, ExportCancelled))
            return
        self.exported = result
        self._say(wording.exported_to(result.path, result.duration, result.size_bytes))
        self.folderButton.show()

    def _ask_replace(self, target: Path) -> None:
        self._say(wording.media_problem(OutputExistsError(target)))
        self.replaceQuestion = message_boxes.ask(
            self,
            title=self.tr("Replace the file?"),
            text=wording.replace_question(target.name),
            details=str(target.parent),
            yes=self.tr("Replace"),
            no=self.tr("Keep it"),
            on_yes=lambda: self._export(target, overwrite=True),
        )
        self.replaceQuestion.setObjectName("replaceQuestion")

    def _say(self, text: str, *, problem: bool = False) -> None:
        self.statusLabel.setText(text)
        set_style_property(self.statusLabel, "role", "error" if problem else "")
        self.statusLabel.setVisible(bool(text))

    def _show_in_folder(self) -> None:
        if self.exported is not None:
            show_in_folder(self.exported.path)

    # ------------------------------------------------------------------ closing

    def cancel_or_close(self) -> None:
        """Cancel while exporting (the dialog stays, saying so); else close."""
        if self._run is not None:
            self._run.cancel.set()
        else:
            self.reject()

    def reject(self) -> None:
        """Closing mid-export cancels it; the dialog goes once the worker stopped."""
        if self._run is not None:
            self._closing = True
            self._run.cancel.set()
            self.hide()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._run is not None:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)


def _field(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "field")
    return label
