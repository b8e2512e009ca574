"""Help → Diagnostics: what a bug report needs, ready to copy.

The dialog shows the versions (Framecast, Qt, PySide6, Python, the system),
the backend in use, the engine's counters for this run in words, how many
problems were logged, and where the log file is; every value can be
selected. "Copy details" puts all of it, with the recent problems' log
lines, on the clipboard as plain English text for the maintainers; it holds
no token (log lines are redacted when they are written, see `app.logs`).
"Open log file" says so when the system cannot open it.
"""

from __future__ import annotations

import collections
import logging
import platform
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, qVersion
from PySide6.QtGui import QGuiApplication, QShowEvent
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
from app.logs import ROOT_LOGGER, RedactingFilter, clean_text
from app.ui.desktop import open_file
from app.ui.theme import fit_height, set_style_property

translate = QCoreApplication.translate

#: How many recent problems are kept for the copied details.
RECENT_LIMIT = 20


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


#: The same counters in English, for the copied details.
COUNTER_NAMES = {
    "sse_connects": "Live connections opened",
    "sse_failures": "Live connection failures",
    "sse_reconnects": "Reconnects",
    "polling_fallbacks": "Fallbacks to polling",
    "polls": "Status checks (polls)",
    "poll_errors": "Failed status checks",
    "events_received": "Events received",
    "events_skipped": "Events skipped",
    "downloads": "Downloads",
    "download_retries": "Download retries",
    "bytes_downloaded": "Bytes downloaded",
}


# --------------------------------------------------------------------------- recent problems


class RecentProblems(logging.Handler):
    """The last warnings and errors Framecast logged in this run, redacted."""

    def __init__(self, limit: int = RECENT_LIMIT) -> None:
        super().__init__(logging.WARNING)
        self.addFilter(RedactingFilter())
        self._lines: collections.deque[str] = collections.deque(maxlen=limit)
        self._count = 0
        self._guard = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        stamp = time.strftime("%H:%M:%S", time.localtime(record.created))
        line = clean_text(f"{stamp} {record.levelname} {record.name}: {record.msg}", max_chars=400)
        with self._guard:
            self._lines.append(line)
            self._count += 1

    def lines(self) -> list[str]:
        with self._guard:
            return list(self._lines)

    @property
    def count(self) -> int:
        return self._count


_recent: RecentProblems | None = None


def install_recent_problems() -> RecentProblems:
    """Start collecting what Framecast's loggers warn about (once, at start-up)."""
    global _recent
    if _recent is None:
        _recent = RecentProblems()
        logging.getLogger(ROOT_LOGGER).addHandler(_recent)
    return _recent


def recent_problems() -> RecentProblems:
    """The collector installed at start-up, or an empty one when none was."""
    return _recent if _recent is not None else RecentProblems()


# --------------------------------------------------------------------------- versions


@dataclass(frozen=True)
class Versions:
    framecast: str
    qt: str
    pyside: str
    python: str
    system: str

    @staticmethod
    def current() -> Versions:
        return Versions(
            framecast=__version__,
            qt=qVersion(),
            pyside=PySide6.__version__,
            python=platform.python_version(),
            system=f"{platform.system()} {platform.release()} ({platform.machine()})"
            + (f" · {QGuiApplication.platformName()}" if QGuiApplication.instance() else ""),
        )


def details_text(
    versions: Versions,
    backend: str,
    counters: dict[str, int],
    log_file: Path | None,
    problems: list[str],
) -> str:
    """The plain-text report "Copy details" puts on the clipboard."""
    lines = [
        f"Framecast {versions.framecast}",
        f"Qt {versions.qt}, PySide6 {versions.pyside}, Python {versions.python}",
        f"System: {versions.system}",
        f"Backend: {backend}",
        f"Log file: {log_file or 'none'}",
        "",
        "Counters this run:",
        *(f"  {name}: {counters.get(key, 0):,}" for key, name in COUNTER_NAMES.items()),
        "",
        f"Recent problems ({len(problems)}):" if problems else "Recent problems: none",
        *(f"  {line}" for line in problems),
    ]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- the dialog


class DiagnosticsDialog(QDialog):
    """Refreshes its counters every second while open.

    `backend` says which backend is in use, in words (never the token)."""

    def __init__(
        self,
        backend: Callable[[], str],
        counters: Callable[[], dict[str, int]],
        log_file: Path | None,
        parent: QWidget | None = None,
        *,
        problems: RecentProblems | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("diagnosticsDialog")
        self.setWindowTitle(self.tr("Diagnostics"))
        self.setMinimumWidth(640)
        self._backend = backend
        self._counters = counters
        self.log_file = log_file
        self.versions = Versions.current()
        self.problems = problems if problems is not None else recent_problems()

        intro = QLabel(
            self.tr(
                "When you report a problem, press Copy details and paste them into your "
                "message. They hold no token or password."
            )
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")

        self.form = QFormLayout()
        self.form.setVerticalSpacing(6)
        self.form.setHorizontalSpacing(18)
        v = self.versions
        self.form.addRow(self._field(self.tr("Framecast")), self._value(v.framecast))
        self.form.addRow(
            self._field(self.tr("Qt and Python")),
            self._value(f"Qt {v.qt} · PySide6 {v.pyside} · Python {v.python}"),
        )
        self.form.addRow(self._field(self.tr("System")), self._value(v.system))
        self.backendLabel = self._value("", "diagnosticsBackend")
        self.form.addRow(self._field(self.tr("Backend")), self.backendLabel)
        self._values: dict[str, QLabel] = {}
        for key, text in counter_labels().items():
            value = self._value("0", f"counter_{key}")
            self._values[key] = value
            self.form.addRow(self._field(text), value)
        self.problemsLabel = self._value("", "diagnosticsProblems")
        self.form.addRow(self._field(self.tr("Problems logged")), self.problemsLabel)
        self.logLabel = self._value(
            str(log_file) if log_file else self.tr("Not logging to a file"), "diagnosticsLogFile"
        )
        self.form.addRow(self._field(self.tr("Log file")), self.logLabel)

        self.messageLabel = QLabel("")
        self.messageLabel.setObjectName("diagnosticsMessage")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.hide()

        self.copyButton = QPushButton(self.tr("Copy details"))
        self.copyButton.setObjectName("copyDetailsButton")
        self.copyButton.setProperty("role", "ghost")
        self.copyButton.clicked.connect(self.copy_details)
        self.openLogButton = QPushButton(self.tr("Open log file"))
        self.openLogButton.setObjectName("openLogButton")
        self.openLogButton.setProperty("role", "ghost")
        self.openLogButton.setEnabled(log_file is not None)
        self.openLogButton.clicked.connect(self.open_log)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("closeDiagnosticsButton")
        close.setProperty("role", "primary-small")
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copyButton)
        buttons.addWidget(self.openLogButton)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 22, 24, 20)
        layout.setSpacing(14)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addWidget(self.messageLabel)
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

    @staticmethod
    def _value(text: str, name: str = "") -> QLabel:
        """A value the creator can select and copy, with the mouse or the keyboard."""
        label = QLabel(text)
        if name:
            label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        return label

    def refresh(self) -> None:
        self.backendLabel.setText(self._backend())
        values = self._counters()
        for key, label in self._values.items():
            value = values.get(key, 0)
            text = QLocale().formattedDataSize(value) if key == "bytes_downloaded" else f"{value:,}"
            label.setText(text)
        count = self.problems.count
        self.problemsLabel.setText(
            self.tr("None in this run")
            if count == 0
            else self.tr("%n in this run (their lines are in the copied details)", None, count)
        )

    def details(self) -> str:
        return details_text(
            self.versions,
            self._backend(),
            self._counters(),
            self.log_file,
            self.problems.lines(),
        )

    def copy_details(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.details())
        self._say("ok", self.tr("Copied. Paste the details into your report."))

    def open_log(self) -> None:
        path = self.log_file
        if path is None:
            return
        if not path.is_file():
            self._say("error", self.tr("The log file does not exist yet."))
        elif not open_file(path):
            self._say(
                "error",
                self.tr(
                    "No program on this computer could open the log file. Open it with a "
                    "text editor: %1"
                ).replace("%1", str(path)),
            )
        else:
            self._say("muted", "")

    def _say(self, role: str, text: str) -> None:
        set_style_property(self.messageLabel, "role", role)
        self.messageLabel.setText(text)
        self.messageLabel.setVisible(bool(text))
        fit_height(self)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_height(self)
