"""Help → Diagnostics: the backend in use, the engine's counters for this run,
and where the log file is, with a button to open it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.ui.desktop import open_file

translate = QCoreApplication.translate


def counter_labels() -> dict[str, str]:
    return {
        "sse_connects": translate("DiagnosticsDialog", "Live connections opened"),
        "sse_failures": translate("DiagnosticsDialog", "Live connection failures"),
        "sse_reconnects": translate("DiagnosticsDialog", "Reconnects"),
        "polling_fallbacks": translate("DiagnosticsDialog", "Fallbacks to polling"),
        "polls": translate("DiagnosticsDialog", "Status checks (polls)"),
        "poll_errors": translate("DiagnosticsDialog", "Failed status checks"),
        "events_received": translate("DiagnosticsDialog", "Events received"),
        "events_skipped": translate("DiagnosticsDialog", "Events skipped"),
        "downloads": translate("DiagnosticsDialog", "Downloads"),
        "download_retries": translate("DiagnosticsDialog", "Download retries"),
        "bytes_downloaded": translate("DiagnosticsDialog", "Bytes downloaded"),
    }


class DiagnosticsDialog(QDialog):
    """Refreshes its counters every second while open."""

    def __init__(
        self,
        backend: Callable[[], str],
        counters: Callable[[], dict[str, int]],
        log_file: Path | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("diagnosticsDialog")
        self.setWindowTitle(self.tr("Diagnostics"))
        self.setMinimumWidth(460)
        self._backend = backend
        self._counters = counters
        self.log_file = log_file

        self.backendLabel = QLabel()
        self.backendLabel.setObjectName("diagnosticsBackend")
        self.backendLabel.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setVerticalSpacing(6)
        self.form.setHorizontalSpacing(18)
        self.form.addRow(self._field(self.tr("Framecast")), QLabel(__version__))
        self.form.addRow(self._field(self.tr("Backend")), self.backendLabel)
        self._values: dict[str, QLabel] = {}
        labels = counter_labels()
        for key, text in labels.items():
            value = QLabel("0")
            value.setObjectName(f"counter_{key}")
            self._values[key] = value
            self.form.addRow(self._field(text), value)
        self.logLabel = QLabel(str(log_file) if log_file else self.tr("Not logging to a file"))
        self.logLabel.setObjectName("diagnosticsLogFile")
        self.logLabel.setWordWrap(True)
        self.form.addRow(self._field(self.tr("Log file")), self.logLabel)

        self.openLogButton = QPushButton(self.tr("Open log file"))
        self.openLogButton.setObjectName("openLogButton")
        self.openLogButton.setProperty("role", "ghost")
        self.openLogButton.setEnabled(log_file is not None)
        self.openLogButton.clicked.connect(self.open_log)
        close = QPushButton(self.tr("Close"))
        close.setProperty("role", "primary-small")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.openLogButton)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 22, 24, 20)
        layout.setSpacing(16)
        layout.addLayout(self.form)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    @staticmethod
    def _field(text: str) -> QLabel:
        label = QLabel(text)
        label.setProperty("role", "muted")
        return label

    def refresh(self) -> None:
        self.backendLabel.setText(self._backend())
        values = self._counters()
        for key, label in self._values.items():
            label.setText(f"{values.get(key, 0):,}")

    def open_log(self) -> None:
        if self.log_file is not None:
            open_file(self.log_file)
