"""Framecast's main window: the prompt form, the player, active jobs, history.

The window owns the flow between widgets and the engine: it opens a backend
`Session`, feeds the catalogue to the form, submits requests, binds the
bridge's job signals to the cards, the player and the history, and turns
failures into plain words with the next step. Widgets never await the
network; the window's coroutines do, on qasync's loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import json
import logging
from collections.abc import Awaitable, Callable, Coroutine
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.api.errors import ApiError, AuthenticationError
from app.api.models import GenerationRequest, aspect_of
from app.engine.updates import ErrorKind, JobState, JobUpdate
from app.session import BackendChoice, Session, choose_backend
from app.store import paths
from app.store.history import AsyncHistoryStore, JobRecord
from app.store.settings import Settings, save_settings
from app.ui.bridge import JobBridge
from app.ui.diagnostics_dialog import DiagnosticsDialog
from app.ui.errors import error_text, failure_hint
from app.ui.history_panel import HistoryPanel
from app.ui.icons import icon
from app.ui.player import PlayerView
from app.ui.progress_panel import ProgressPanel
from app.ui.prompt_form import PromptForm
from app.ui.settings_dialog import SettingsChange, SettingsDialog
from app.ui.workers import run_in_thread

log = logging.getLogger("framecast.ui")

HISTORY_LIMIT = 500

SessionFactory = Callable[[BackendChoice, Settings, AsyncHistoryStore], Awaitable[Session]]


async def open_session(
    choice: BackendChoice, settings: Settings, history: AsyncHistoryStore
) -> Session:
    return await Session.open(choice, settings, history=history)


def app_icon() -> QIcon:
    """The packaged app icon (`app.ui.icon`, when packaging provides it), else a drawn one."""
    fallback = icon("sparkle", "#7c5cff", 128)
    try:
        module = importlib.import_module("app.ui.icon")
    except ImportError:
        return fallback
    for name in ("app_icon", "icon", "get_icon", "load_icon"):
        factory = getattr(module, name, None)
        if callable(factory):
            result = factory()
            if isinstance(result, QIcon) and not result.isNull():
                return result
    return fallback


def request_from_json(text: str) -> GenerationRequest | None:
    """The request saved in a history row (either the bare config or `{config: ...}`)."""
    try:
        data = json.loads(text or "{}")
        if isinstance(data, dict) and isinstance(data.get("config"), dict):
            data = data["config"]
        return GenerationRequest.model_validate(data)
    except ValueError:
        return None


class Banner(QFrame):
    """A calm message strip above the player, with one action button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setProperty("level", "info")
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # it shows server errors
        self.label.setObjectName("bannerText")
        self.label.setWordWrap(True)
        self.actionButton = QPushButton()
        self.actionButton.setObjectName("bannerAction")
        self.actionButton.setProperty("role", "ghost")
        self.closeButton = QToolButton()
        self.closeButton.setText("✕")
        self.closeButton.setObjectName("bannerClose")
        self.closeButton.setAccessibleName(self.tr("Dismiss"))
        self.closeButton.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 10, 10)
        layout.setSpacing(12)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.actionButton)
        layout.addWidget(self.closeButton)
        self._action: Callable[[], object] | None = None
        self.actionButton.clicked.connect(self._run_action)
        self.hide()

    def show_message(
        self,
        text: str,
        level: str = "info",
        action_text: str | None = None,
        action: Callable[[], object] | None = None,
    ) -> None:
        self.label.setText(text)
        self.setProperty("level", level)
        self.style().unpolish(self)
        self.style().polish(self)
        self._action = action
        self.actionButton.setVisible(action is not None)
        self.actionButton.setText(action_text or "")
        self.show()

    def _run_action(self) -> None:
        if self._action is not None:
            self._action()


class MainWindow(QMainWindow):
    closed = Signal()
    sessionReady = Signal()
    catalogueLoaded = Signal()
    historyLoaded = Signal()

    def __init__(
        self,
        history: AsyncHistoryStore,
        settings: Settings,
        *,
        backend_arg: str | None = None,
        token_arg: str | None = None,
        session_factory: SessionFactory = open_session,
        state_file: Path | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("Framecast")
        self.setWindowIcon(app_icon())
        self.history = history
        self.settings = settings
        self.backend_arg = backend_arg
        self.token_arg = token_arg
        self.session_factory = session_factory
        self.session: Session | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.diagnostics_dialog: DiagnosticsDialog | None = None
        self._dialogs: list[QMessageBox] = []
        self._tasks: set[asyncio.Future[object]] = set()
        self._titles: dict[str, str] = {}
        self._history_running = False
        self._history_dirty = False
        self._connecting = False
        self._reconnect = False
        self._shut_down = False
        self._tray: QSystemTrayIcon | None = None
        self._state = QSettings(
            str(state_file or paths.config_dir() / "window.ini"), QSettings.Format.IniFormat
        )

        self.bridge = JobBridge(self)
        self.bridge.jobUpdated.connect(self._on_job_updated)
        self.bridge.jobFinished.connect(self._on_job_finished)

        self.form = PromptForm()
        self.form.generateRequested.connect(self._on_generate)
        self.progress = ProgressPanel()
        self.progress.checkNowRequested.connect(self._check_now)
        self.progress.cancelRequested.connect(self._confirm_cancel)
        self.progress.retryRequested.connect(self._retry)
        self.progress.countChanged.connect(self._on_job_count)
        self.player = PlayerView()
        self.historyPanel = HistoryPanel()
        self.historyPanel.searchChanged.connect(lambda _t: self.request_history_reload())
        self.historyPanel.playRequested.connect(self._play_record)
        self.historyPanel.reuseRequested.connect(self._reuse_record)
        self.historyPanel.deleteRequested.connect(self._confirm_delete)
        self.historyPanel.showInFolderRequested.connect(self._show_record_in_folder)
        self.banner = Banner()

        self._build_layout()
        self._build_menus()
        self._restore_state()
        self.progress.setVisible(False)
        self._set_backend_status(self.tr("Connecting…"), "connecting")

    # ------------------------------------------------------------------ layout

    def _build_layout(self) -> None:
        brand = QLabel("Framecast")
        brand.setObjectName("brand")
        brand_icon = QLabel()
        brand_icon.setPixmap(icon("sparkle", "#7c5cff", 64).pixmap(20, 20))
        self.backendStatus = QLabel()
        self.backendStatus.setObjectName("backendStatus")
        self.backendStatus.setAccessibleName(self.tr("Backend status"))
        self.settingsButton = QPushButton(self.tr("Settings"))
        self.settingsButton.setObjectName("settingsButton")
        self.settingsButton.setAccessibleName(self.tr("Settings"))
        self.settingsButton.setProperty("role", "ghost")
        self.settingsButton.setIcon(icon("gear", "#c9cfdb"))
        self.settingsButton.setToolTip(self.tr("Settings (Ctrl+,)"))
        self.settingsButton.clicked.connect(lambda: self.open_settings())

        topbar = QFrame()
        topbar.setObjectName("topBar")
        top = QHBoxLayout(topbar)
        top.setContentsMargins(20, 10, 16, 10)
        top.setSpacing(10)
        top.addWidget(brand_icon)
        top.addWidget(brand)
        top.addStretch(1)
        top.addWidget(self.backendStatus)
        top.addWidget(self.settingsButton)

        left = QFrame()
        left.setObjectName("leftPane")
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.form)
        left.setMinimumWidth(340)

        player_card = QFrame()
        player_card.setObjectName("playerCard")
        player_layout = QVBoxLayout(player_card)
        player_layout.setContentsMargins(0, 0, 0, 0)
        player_layout.addWidget(self.player)

        center = QWidget()
        center.setObjectName("centerPane")
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(20, 20, 20, 20)
        center_layout.setSpacing(16)
        center_layout.addWidget(self.banner)
        center_layout.addWidget(player_card, 1)
        center_layout.addWidget(self.progress)

        right = QFrame()
        right.setObjectName("rightPane")
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.historyPanel)
        right.setMinimumWidth(300)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(center)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([400, 700, 340])

        root = QWidget()
        root.setObjectName("root")
        root_layout = QVBoxLayout(root)
        root_layout.setContentsMargins(0, 0, 0, 0)
        root_layout.setSpacing(0)
        root_layout.addWidget(topbar)
        root_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(root)
        self.statusBar().hide()

    def _action(
        self,
        text: str,
        shortcut: str | QKeySequence.StandardKey | None,
        slot: Callable[[], object],
        *extra: str,
    ) -> QAction:
        action = QAction(text, self)
        keys: list[QKeySequence] = []
        if isinstance(shortcut, QKeySequence.StandardKey):
            keys.extend(QKeySequence.keyBindings(shortcut))
        elif shortcut:
            keys.append(QKeySequence(shortcut))
        keys.extend(QKeySequence(k) for k in extra)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda *_: slot())
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.generateAction = self._action(
            self.tr("Generate"), "Ctrl+Return", self.form.submit, "Ctrl+Enter"
        )
        file_menu.addAction(self.generateAction)
        self.newPromptAction = self._action(self.tr("New prompt"), "Ctrl+N", self._new_prompt)
        file_menu.addAction(self.newPromptAction)
        self.searchAction = self._action(
            self.tr("Search history"), "Ctrl+F", self.historyPanel.searchEdit.setFocus
        )
        file_menu.addAction(self.searchAction)
        file_menu.addSeparator()
        self.settingsAction = self._action(self.tr("Settings…"), "Ctrl+,", self.open_settings)
        file_menu.addAction(self.settingsAction)
        file_menu.addSeparator()
        self.quitAction = self._action(self.tr("Quit"), "Ctrl+Q", self.close)
        file_menu.addAction(self.quitAction)

        play_menu = bar.addMenu(self.tr("&Playback"))
        self.playAction = self._action(self.tr("Play / Pause"), "Space", self.player.toggle_play)
        play_menu.addAction(self.playAction)
        self.fullscreenAction = self._action(
            self.tr("Fullscreen"), "F11", self.player.toggle_fullscreen
        )
        play_menu.addAction(self.fullscreenAction)
        play_menu.addAction(self._action(self.tr("Loop"), None, self.player.loopButton.toggle))
        play_menu.addAction(self._action(self.tr("Mute"), "Ctrl+M", self.player.muteButton.toggle))

        help_menu = bar.addMenu(self.tr("&Help"))
        self.diagnosticsAction = self._action(self.tr("Diagnostics"), None, self.open_diagnostics)
        help_menu.addAction(self.diagnosticsAction)
        self.aboutAction = self._action(self.tr("About Framecast"), None, self.open_about)
        help_menu.addAction(self.aboutAction)

    def _restore_state(self) -> None:
        geometry = self._state.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self._first_run_geometry()
        splitter = self._state.value("window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def _first_run_geometry(self) -> None:
        """A roomy window that still fits a small laptop screen, centred on it."""
        screen = self.screen() or QApplication.primaryScreen()
        size = QSize(1440, 880)
        if screen is not None:
            available = screen.availableGeometry()
            size = size.boundedTo(
                QSize(available.width() * 92 // 100, available.height() * 92 // 100)
            )
            size = size.expandedTo(self.minimumSizeHint())
            self.resize(size)
            frame = self.frameGeometry()
            frame.moveCenter(available.center())
            # Bigger than a tiny screen: keep the title bar reachable.
            self.move(max(frame.left(), available.left()), max(frame.top(), available.top()))
        else:
            self.resize(size)

    def _save_state(self) -> None:
        self._state.setValue("window/geometry", self.saveGeometry())
        self._state.setValue("window/splitter", self.splitter.saveState())
        self._state.sync()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.form.promptEdit.setFocus)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_state()
        for dialog in (self.settings_dialog, self.diagnostics_dialog):
            if dialog is not None:
                dialog.close()
        if self._tray is not None:
            self._tray.hide()
        super().closeEvent(event)
        self.closed.emit()

    # ------------------------------------------------------------------ tasks

    def spawn(self, coro: Coroutine[object, object, object]) -> asyncio.Future[object]:
        """Run a coroutine on the loop; its failure is logged and shown, never lost."""
        task: asyncio.Future[object] = asyncio.ensure_future(coro)
        self._tasks.add(task)

        def done(t: asyncio.Future[object]) -> None:
            self._tasks.discard(t)
            if t.cancelled():
                return
            exc = t.exception()
            if exc is not None:
                log.error("window task failed", exc_info=exc)
                self.show_error(exc)

        task.add_done_callback(done)
        return task

    # ------------------------------------------------------------------ backend

    def backend_choice(self) -> BackendChoice:
        return choose_backend(self.settings, self.backend_arg, self.token_arg)

    async def start(self) -> None:
        """Load history and connect to the backend (both at once)."""
        self.request_history_reload()
        await self.connect_backend()

    async def connect_backend(self) -> None:
        """(Re)connect to the chosen backend. A request while a connection is
        being made is not lost: the newest settings win, once that one ends."""
        self._reconnect = True
        if self._connecting:
            return
        self._connecting = True
        try:
            while self._reconnect and not self._shut_down:
                self._reconnect = False
                await self._connect_once()
        finally:
            self._connecting = False

    async def _connect_once(self) -> None:
        await self._disconnect()
        choice = self.backend_choice()
        if choice.kind == "local":
            self._set_backend_status(self.tr("Starting the built-in renderer…"), "connecting")
        else:
            self._set_backend_status(self.tr("Connecting…"), "connecting")
        try:
            session = await self.session_factory(choice, self.settings, self.history)
        except Exception as exc:
            self._session_failed(choice, exc)
            return
        if self._shut_down:
            await session.aclose()
            return
        self.session = session
        self.bridge.attach(session.manager)
        self._set_backend_status(self._backend_name(choice), "connected")
        self.banner.hide()
        self.sessionReady.emit()
        await self._load_catalogue()
        await self._resume_jobs()

    def _backend_name(self, choice: BackendChoice) -> str:
        if choice.kind == "local":
            return self.tr("Built-in renderer")
        if choice.kind == "cloud":
            return self.tr("SuperDuperAI cloud")
        host = (choice.url or "").split("://", 1)[-1].rstrip("/")
        return f"{self.tr('Custom server')} · {host}" if host else self.tr("Custom server")

    def _session_failed(self, choice: BackendChoice, exc: BaseException) -> None:
        log.warning("backend %s failed to start: %s", choice.kind, exc)
        self._set_backend_status(self.tr("Not connected"), "offline")
        if choice.kind == "local":
            detail = str(exc) or type(exc).__name__
            text = self.tr(
                "The built-in renderer did not start: %1\nTry again, or choose "
                "another backend in Settings."
            ).replace("%1", detail)
        else:
            text = error_text(exc)
        self.banner.show_message(
            text, "error", self.tr("Try again"), lambda: self.spawn(self.connect_backend())
        )
        self.form.set_catalogue_error(self.tr("Not connected"))

    async def _load_catalogue(self) -> None:
        session = self.session
        if session is None:
            return
        try:
            models, styles = await asyncio.gather(
                session.client.list_models(), session.client.list_styles()
            )
        except AuthenticationError as exc:
            self.form.set_catalogue_error(self.tr("Sign-in needed"))
            self.show_auth_problem(exc)
            return
        except ApiError as exc:
            self.form.set_catalogue_error(self.tr("Models unavailable"))
            self._set_backend_status(self.tr("Not connected"), "offline")
            self.banner.show_message(
                error_text(exc),
                "error",
                self.tr("Try again"),
                lambda: self.spawn(self._load_catalogue()),
            )
            return
        self.form.set_catalogue(models, styles)
        self.historyPanel.set_model_labels({m.name: m.display_name for m in models})
        self.banner.hide()
        self.catalogueLoaded.emit()

    async def _resume_jobs(self) -> None:
        session = self.session
        if session is None:
            return
        try:
            job_ids = await session.manager.resume_unfinished()
        except Exception:
            log.exception("resuming unfinished jobs failed")
            return
        for job_id in job_ids:
            record = await self.history.get(job_id)
            title = record.prompt if record is not None else self.tr("Generation")
            self._titles[job_id] = title
            card = self.progress.add_job(job_id, title, self._subtitle_of(record))
            snapshot = session.manager.snapshot(job_id)
            if snapshot is not None:
                card.apply(snapshot)

    async def _disconnect(self) -> None:
        session, self.session = self.session, None
        self.bridge.detach()
        if session is not None:
            await session.aclose()

    async def shutdown(self) -> None:
        """Stop following jobs (they stay resumable) and stop the built-in renderer."""
        self._shut_down = True
        for task in list(self._tasks):
            task.cancel()
        await self._disconnect()

    def _set_backend_status(self, text: str, state: str) -> None:
        self.backendStatus.setText(f"●  {text}")
        self.backendStatus.setProperty("state", state)
        self.backendStatus.style().unpolish(self.backendStatus)
        self.backendStatus.style().polish(self.backendStatus)

    # ------------------------------------------------------------------ errors

    def show_error(self, exc: BaseException) -> None:
        if isinstance(exc, AuthenticationError):
            self.show_auth_problem(exc)
            return
        self.banner.show_message(error_text(exc), "error")

    def show_auth_problem(self, exc: BaseException | None = None) -> None:
        text = self.tr(
            "The server did not accept your API token. Paste a valid token in Settings to continue."
        )
        self._set_backend_status(self.tr("Token refused"), "offline")
        self.banner.show_message(text, "error", self.tr("Open Settings"), self.open_settings)
        self.open_settings(text)

    # ------------------------------------------------------------------ generating

    def _subtitle_of(self, record: JobRecord | None) -> str:
        if record is None:
            return ""
        request = request_from_json(record.request_json)
        model = self.historyPanel.model_label(record.model)
        if request is None:
            return model
        return self._subtitle(model, request)

    def _subtitle(self, model: str, request: GenerationRequest) -> str:
        return "  ·  ".join(
            [
                model,
                self.tr("%1 s").replace("%1", str(request.duration)),
                f"{aspect_of(request.width, request.height)}",
            ]
        )

    def _on_generate(self, request: GenerationRequest, image: Path | None) -> None:
        self.spawn(self.generate(request, image))

    async def generate(self, request: GenerationRequest, image: Path | None = None) -> str | None:
        session = self.session
        if session is None:
            self.banner.show_message(self.tr("Not connected to a backend yet."), "error")
            return None
        self.form.set_busy(True)
        try:
            job_id = await session.manager.submit(request, source_image=image)
        except AuthenticationError as exc:
            self.show_auth_problem(exc)
            return None
        except ApiError as exc:
            self.banner.show_message(error_text(exc), "error")
            return None
        finally:
            self.form.set_busy(False)
        self._titles[job_id] = request.prompt
        model = self.historyPanel.model_label(request.generation_config_name)
        card = self.progress.add_job(job_id, request.prompt, self._subtitle(model, request))
        card.set_title(request.prompt, self._subtitle(model, request))
        snapshot = session.manager.snapshot(job_id)
        if snapshot is not None:
            card.apply(snapshot)
        self.banner.hide()
        self.request_history_reload()
        return job_id

    def _on_job_count(self, count: int) -> None:
        self.progress.setVisible(count > 0)
        self.player.set_waiting(count > 0)
        self.progress.header.setText(
            self.tr("In progress (%1)").replace("%1", str(count))
            if count > 1
            else self.tr("In progress")
        )

    def _on_job_updated(self, update: JobUpdate) -> None:
        card = self.progress.card(update.job_id)
        if card is None:
            if update.state in (JobState.COMPLETED, JobState.CANCELLED):
                return
            title = self._titles.get(update.job_id, self.tr("New video"))
            card = self.progress.add_job(update.job_id, title, "")
        card.apply(update)
        self.historyPanel.update_job(update)
        if update.state is JobState.FAILED:
            hint = failure_hint(update.error_kind)
            if hint:
                card.statusLabel.setText(f"{card.statusLabel.text()}\n{hint}")

    def _on_job_finished(self, update: JobUpdate) -> None:
        if update.state is JobState.COMPLETED:
            self.progress.remove_job(update.job_id)
            if update.path and not self.player.is_playing():
                self.player.load(
                    Path(update.path),
                    poster=Path(update.thumbnail) if update.thumbnail else None,
                    title=self._titles.get(update.job_id, ""),
                    url=update.url,
                    autoplay=True,
                )
            self._notify(self.tr("Your video is ready"), self._titles.get(update.job_id, ""))
        elif update.state is JobState.CANCELLED:
            self.progress.remove_job(update.job_id)
        elif update.state is JobState.FAILED:
            if update.error_kind is ErrorKind.AUTH:
                self.show_auth_problem()
            self._notify(self.tr("A video failed"), update.error or "")
        self.request_history_reload()

    def _notify(self, title: str, message: str) -> None:
        if self.isActiveWindow() or not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self._tray is None:
            self._tray = QSystemTrayIcon(self.windowIcon(), self)
            self._tray.activated.connect(self._raise_from_tray)
        self._tray.show()
        self._tray.showMessage(title, message[:200], QSystemTrayIcon.MessageIcon.Information, 8000)

    def _raise_from_tray(self, *_: object) -> None:
        self.showNormal()
        self.activateWindow()

    def _check_now(self, job_id: str) -> None:
        session = self.session
        if session is not None:
            session.manager.check_now(job_id)

    def _confirm_cancel(self, job_id: str) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Cancel this video?"))
        box.setText(self.tr("Stop following this video?"))
        box.setInformativeText(
            self.tr(
                "The service has no way to stop a render once it has started, so the server may "
                "still finish it (and charge for it). Framecast will stop waiting for it."
            )
        )
        stop = box.addButton(self.tr("Stop following"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Keep waiting"), QMessageBox.ButtonRole.RejectRole)

        def finished(_result: int) -> None:
            self._forget_dialog(box)
            if box.clickedButton() is stop:
                self.spawn(self.cancel_job(job_id))

        self._open_dialog(box, finished)

    async def cancel_job(self, job_id: str) -> None:
        session = self.session
        if session is not None:
            await session.manager.cancel(job_id)

    def _retry(self, job_id: str) -> None:
        self.spawn(self.retry(job_id))

    async def retry(self, job_id: str) -> str | None:
        record = await self.history.get(job_id)
        request = request_from_json(record.request_json) if record is not None else None
        if record is None or request is None:
            self.banner.show_message(self.tr("The settings of this video were not found."), "error")
            return None
        image = Path(record.source_image) if record.source_image else None
        new_id = await self.generate(request, image)
        if new_id is not None:
            self.progress.remove_job(job_id)
        return new_id

    def _open_dialog(self, box: QMessageBox, finished: Callable[[int], None]) -> None:
        self._dialogs.append(box)
        box.finished.connect(finished)
        box.open()

    def _forget_dialog(self, box: QMessageBox) -> None:
        if box in self._dialogs:
            self._dialogs.remove(box)
        box.deleteLater()

    # ------------------------------------------------------------------ history

    def request_history_reload(self) -> None:
        """Reload the history list soon; concurrent requests collapse into one."""
        if self._history_running:
            self._history_dirty = True
            return
        self._history_running = True
        self.spawn(self._reload_history())

    async def _reload_history(self) -> None:
        try:
            while True:
                self._history_dirty = False
                search = self.historyPanel.search_text() or None
                records = await self.history.list(limit=HISTORY_LIMIT, search=search)
                self.historyPanel.set_records(records)
                if not self._history_dirty:
                    break
        finally:
            self._history_running = False
        self.historyLoaded.emit()

    def _play_record(self, record: JobRecord) -> None:
        if not record.local_path:
            if record.state == "failed":
                self.banner.show_message(
                    self.tr("This video failed: %1").replace("%1", record.error or "—"), "error"
                )
            return
        path = Path(record.local_path)
        self._titles.setdefault(record.job_id, record.prompt)

        def checked(exists: object, _error: BaseException | None) -> None:
            if exists:
                self.player.load(
                    path,
                    poster=Path(record.thumbnail_path) if record.thumbnail_path else None,
                    title=record.prompt,
                    url=record.url,
                    autoplay=True,
                )
            else:
                self.banner.show_message(
                    self.tr("The video file is missing: %1").replace("%1", str(path)), "error"
                )

        run_in_thread(path.is_file, checked)

    def _reuse_record(self, record: JobRecord) -> None:
        request = request_from_json(record.request_json)
        if request is None:
            self.banner.show_message(self.tr("The settings of this video were not found."), "error")
            return
        self.form.apply_request(request)
        if record.source_image:
            self.form.imageZone.set_image(Path(record.source_image))

    def _show_record_in_folder(self, record: JobRecord) -> None:
        if record.local_path:
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(record.local_path).parent)))

    def _confirm_delete(self, record: JobRecord) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete video?"))
        box.setText(self.tr("Delete this video and its file?"))
        box.setInformativeText(record.prompt[:300])
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Keep"), QMessageBox.ButtonRole.RejectRole)

        def finished(_result: int) -> None:
            self._forget_dialog(box)
            if box.clickedButton() is delete:
                self.spawn(self.delete_record(record))

        self._open_dialog(box, finished)

    async def delete_record(self, record: JobRecord) -> None:
        if (
            self.player.path is not None
            and record.local_path
            and Path(record.local_path) == self.player.path
        ):
            self.player.clear()
        await self.history.delete(record.job_id)
        files = [Path(p) for p in (record.local_path, record.thumbnail_path) if p]

        def remove() -> None:
            for file in files:
                with contextlib.suppress(OSError):
                    file.unlink(missing_ok=True)

        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, remove)
        self.request_history_reload()

    def _new_prompt(self) -> None:
        self.form.promptEdit.clear()
        self.form.promptEdit.setFocus()

    # ------------------------------------------------------------------ dialogs

    def open_settings(self, message: str | None = None) -> None:
        dialog = self.settings_dialog
        if dialog is None or not dialog.isVisible():
            local = self.session.client if self.session and self.session.kind == "local" else None
            dialog = SettingsDialog(self.settings, self, local_client=local)
            dialog.saved.connect(self._settings_saved)
            dialog.finished.connect(lambda _r: self._settings_closed(dialog))
            self.settings_dialog = dialog
            dialog.open()
        dialog.show_message(message or "")
        dialog.raise_()
        dialog.activateWindow()

    def _settings_closed(self, dialog: SettingsDialog) -> None:
        if self.settings_dialog is dialog:
            self.settings_dialog = None
        dialog.deleteLater()

    def _settings_saved(self, change: SettingsChange) -> None:
        self.settings = change.settings
        try:
            save_settings(self.settings)
        except OSError as exc:
            self.banner.show_message(
                self.tr("Settings could not be saved: %1").replace("%1", str(exc)), "error"
            )
        if change.backend_changed:
            # A saved choice wins over the command line's from now on.
            self.backend_arg = None
            if change.token is not None:
                self.token_arg = None
            self.spawn(self.connect_backend())

    def open_diagnostics(self) -> None:
        from app.logs import log_file_path

        if self.diagnostics_dialog is not None and self.diagnostics_dialog.isVisible():
            self.diagnostics_dialog.raise_()
            return

        def backend() -> str:
            session = self.session
            if session is None:
                return self.tr("Not connected")
            return f"{self._backend_name(session.choice)} — {session.url}"

        def counters() -> dict[str, int]:
            session = self.session
            if session is None:
                return {}
            return dict(session.manager.diagnostics.as_dict())

        dialog = DiagnosticsDialog(backend, counters, log_file_path(), self)
        self.diagnostics_dialog = dialog
        dialog.open()

    def open_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About Framecast"))
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.setText(f"<b>Framecast</b> {__version__}")
        box.setInformativeText(
            self.tr(
                "A desktop studio for AI video generation: type a prompt, watch it render, "
                "play the video."
            )
        )
        self._open_dialog(box, lambda _r: self._forget_dialog(box))
