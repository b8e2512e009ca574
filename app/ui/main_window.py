"""Framecast's main window: it builds the widgets and the models and wires them.

The models (`app.ui.models`) own the session, the jobs and the history; the
widgets bind to them. The window lays the widgets out, wires everything in
one `_connect_signals()`, opens the dialogs, and shows failures in its
banner through `app.ui.wording`. All background work goes through its one
`TaskGroup`, so every failure reaches the banner and closing stops it all.

Keys: Space plays and pauses only when no control takes it (a focused
button is pressed by Space, as everywhere); Enter presses the focused
button too. Closing mid-render asks nothing: the jobs continue next time
(the progress header says so while they run).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFrame,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.api.errors import AuthenticationError, BackendUnavailableError
from app.api.requests import with_new_seed
from app.engine.updates import JobState, JobUpdate
from app.store import paths
from app.store.history import AsyncHistoryStore, HistoryClosedError, JobRecord
from app.store.presets import FILE_NAME as PRESETS_FILE
from app.store.settings import Settings
from app.ui import message_boxes, wording
from app.ui.banner import Banner
from app.ui.compare_view import CompareView, comparable, compare_items_for
from app.ui.desktop import show_in_folder
from app.ui.diagnostics_dialog import DiagnosticsDialog
from app.ui.history_panel import HistoryPanel
from app.ui.icon import app_icon
from app.ui.models import (
    ConnectionModel,
    ConnectionStatus,
    HistoryModel,
    HistorySearch,
    JobsModel,
    SessionFactory,
    SettingsChange,
    open_session,
)
from app.ui.models.history import saved_request, source_image
from app.ui.models.problems import SettingsNotFound
from app.ui.models.queue import QueueModel, with_limit
from app.ui.player import PlayerView
from app.ui.progress_panel import ProgressPanel
from app.ui.prompt_form import PromptForm
from app.ui.prompt_recall import RECALL_LIMIT
from app.ui.queue_panel import QueuePanel
from app.ui.settings_dialog import SettingsDialog
from app.ui.tasks import TaskGroup
from app.ui.top_bar import TopBar
from app.ui.tray import TrayNotifier
from app.ui.window_state import WindowState

T = TypeVar("T")


class MainWindow(QMainWindow):
    closed = Signal()

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
        self.tasks = TaskGroup(on_error=self.show_error)
        self.connection = ConnectionModel(
            history,
            settings,
            self.tasks,
            backend_arg=backend_arg,
            token_arg=token_arg,
            session_factory=session_factory,
            parent=self,
        )
        label = self.connection.model_label
        self.queue = QueueModel(history, self.tasks, lambda: self.connection.settings, parent=self)
        self.jobs = JobsModel(history, self.tasks, label, parent=self, queue=self.queue)
        self.historyModel = HistoryModel(history, self.tasks, label, parent=self)
        self.historySearch = HistorySearch(self.historyModel, parent=self)
        self.settings_dialog: SettingsDialog | None = None
        self.compare_view: CompareView | None = None
        self.diagnostics_dialog: DiagnosticsDialog | None = None
        self._cancel_boxes: dict[str, QMessageBox] = {}  # open Cancel questions, by job
        self._tray = TrayNotifier(self)
        state_path = state_file or paths.config_dir() / "window.ini"
        self._state = WindowState(state_path)

        self.topBar = TopBar()
        self.form = PromptForm(
            memory_file=state_path, presets_file=state_path.with_name(PRESETS_FILE)
        )
        self.progress = ProgressPanel(self.jobs)
        self.queuePanel = QueuePanel(self.queue, label)
        self.player = PlayerView()
        self.historyPanel = HistoryPanel(self.historySearch)
        self.banner = Banner()
        self._build_layout()
        self._build_menus()
        self._connect_signals()
        self._state.restore(self, self.splitter)

    def spawn(self, coro: Coroutine[Any, Any, T]) -> asyncio.Task[T]:
        """Run a coroutine on the loop; its failure is logged and shown, never lost."""
        return self.tasks.spawn(coro)

    async def start(self) -> None:
        """Load the history, the presets and earlier prompts, and connect to the backend."""
        self.historyModel.reload()
        self.form.presets.load()
        self.spawn(self._load_prompts())
        await self.connection.open()

    async def shutdown(self) -> None:
        """Stop following jobs (they stay resumable) and stop the built-in renderer."""
        self.historyModel.close()
        self.historyPanel.thumbnails.close()
        await self.tasks.aclose()
        await self.connection.close()
        await self.queue.aclose()

    # ------------------------------------------------------------------ wiring

    def _connect_signals(self) -> None:
        connection, jobs, history, form = self.connection, self.jobs, self.historyModel, self.form
        connection.stateChanged.connect(self._show_connection)
        connection.catalogueChanged.connect(
            lambda c: form.set_catalogue(c.models, c.styles, c.left_out)
        )
        connection.accountChanged.connect(form.set_account)
        connection.catalogueChanged.connect(lambda _c: history.relabel())
        connection.sessionChanged.connect(jobs.attach)
        connection.sessionChanged.connect(history.attach)
        self.topBar.watch(connection)
        self.topBar.settingsRequested.connect(self.open_settings)

        form.generateRequested.connect(
            lambda req, image: self.spawn(jobs.submit(req, image, form.takes()))
        )
        queue = self.queue
        queue.changed.connect(
            lambda: form.set_waiting_note(
                wording.waiting_ahead(queue.rowCount(), queue.paused) if queue.wouldWait else ""
            )
        )
        self.queuePanel.limitRequested.connect(self._set_queue_limit)
        queue.problem.connect(
            lambda _exc: self.banner.show_message(wording.queue_not_sent(), "error")
        )
        jobs.submittingChanged.connect(form.set_busy)
        jobs.submittingChanged.connect(self._sending)
        jobs.jobAdded.connect(lambda _job: history.reload())
        jobs.updated.connect(history.apply)
        jobs.updated.connect(connection.note_job)  # the jobs' view of the server counts too
        jobs.finished.connect(lambda _update: history.reload())
        jobs.finished.connect(self._job_finished)
        jobs.videoReady.connect(self.player.offer)
        notify = self._tray.notify
        jobs.videoReady.connect(lambda video: notify(wording.video_ready(), video.title))
        jobs.jobFailed.connect(
            lambda update: notify(wording.video_failed(), wording.job_status(update))
        )
        jobs.tokenRefused.connect(connection.refuse_token)

        self.progress.watch(connection)
        self.progress.checkNowRequested.connect(jobs.check_now)
        self.progress.cancelRequested.connect(self._confirm_cancel)
        self.progress.retryRequested.connect(lambda job_id: self.spawn(jobs.retry(job_id)))
        self.progress.dismissRequested.connect(jobs.dismiss)

        self.player.watch(jobs, connection)
        self.player.set_autoplay_new(self._state.autoplay_new())
        self.player.autoplayNewChanged.connect(self._state.set_autoplay_new)
        self.player.autoplayNewChanged.connect(self.autoplayNewAction.setChecked)
        self.autoplayNewAction.setChecked(self.player.autoplay_new)
        self.autoplayNewAction.toggled.connect(self.player.set_autoplay_new)
        self.player.lastFrameReady.connect(self._continue_from)
        self.player.compareRequested.connect(self.open_compare)

        panel = self.historyPanel
        panel.playRequested.connect(lambda record: self.spawn(history.play(record)))
        panel.reuseRequested.connect(self._reuse)
        panel.againRequested.connect(self.again)
        self.player.againRequested.connect(self.again_playing)
        panel.deleteRequested.connect(self._confirm_delete)
        panel.favouriteRequested.connect(
            lambda job_id, on: self.spawn(history.set_favourite(job_id, on))
        )
        panel.clearRequested.connect(self._confirm_clear)
        panel.set_view_mode(self._state.history_view())
        panel.viewModeChanged.connect(self._state.set_history_view)
        panel.showInFolderRequested.connect(
            lambda path: show_in_folder(
                path,
                lambda folder: self.banner.show_message(wording.folder_not_opened(folder), "error"),
            )
        )
        history.videoReady.connect(self.player.play_video)
        history.videoDeleting.connect(self.player.release)
        # History follows what is playing (until the player says so itself).
        self.player.player.sourceChanged.connect(
            lambda url: history.set_playing(Path(url.toLocalFile()) if url.isLocalFile() else None)
        )

    def _show_connection(self, state: ConnectionStatus) -> None:
        connection = self.connection
        has_session = connection.session is not None
        if state is ConnectionStatus.CONNECTED:
            self.banner.hide()
        elif state is ConnectionStatus.OFFLINE:

            def problem() -> str:
                return wording.connection_problem(
                    connection.backend, has_session, connection.error, connection.seconds_to_retry()
                )

            self.banner.show_live(problem, "error", wording.try_now(), connection.retry)
        elif state is ConnectionStatus.TOKEN_REFUSED:
            text = wording.token_refused()
            self.banner.show_message(text, "error", self.tr("Open Settings"), self.open_settings)
            self.open_settings(text)
        unusable = state in (ConnectionStatus.OFFLINE, ConnectionStatus.TOKEN_REFUSED)
        if unusable and not connection.catalogue.models:
            self.form.set_catalogue_error(wording.catalogue_problem(state, has_session))

    def _job_finished(self, update: JobUpdate) -> None:
        """A job ended: its Cancel question (if open) is moot, and the balance changed."""
        box = self._cancel_boxes.pop(update.job_id, None)
        if box is not None:
            box.reject()
        if update.state is not JobState.CANCELLED:
            self.connection.refresh_account()

    def show_error(self, error: BaseException) -> None:
        """A failure of something the creator asked for, in the banner."""
        if isinstance(error, AuthenticationError):
            self.connection.refuse_token()
        elif isinstance(error, BackendUnavailableError):
            # Only sending a video reaches the server from here: it was not sent,
            # and the window is offline (trying again by itself) until it answers.
            self.connection.note_unreachable(error)
            self.banner.show_message(wording.not_sent_unreachable(), "error")
        else:
            self.banner.show_message(wording.error_text(error), "error")

    def _sending(self, busy: bool) -> None:
        if busy:  # a new job makes the last message old news
            self.banner.hide()

    def _reuse(self, record: JobRecord) -> None:
        try:
            request = saved_request(record)
        except SettingsNotFound as exc:
            self.show_error(exc)
            return
        self.form.apply_request(request, source_image(record))

    def _continue_from(self, image: Path, prompt: str) -> None:
        """A clip's last frame becomes a new image-to-video job's picture (not sent)."""
        if self.form.continue_from(image, prompt):
            self.banner.show_message(wording.continue_note(), "info")
        else:
            self.banner.show_message(wording.no_image_model(), "error")

    def open_compare(self) -> None:
        """The video playing beside the newest other finished one, in a compare view."""
        if self.compare_view is not None and self.compare_view.isVisible():
            self.compare_view.raise_()
            self.compare_view.activateWindow()
            return
        items = comparable(self.historyModel.records(), self.connection.model_label)
        chosen = compare_items_for(self.player.video, items)
        if chosen is None:
            self.player.show_note(wording.compare_nothing_else(), problem=True)
            return
        self.player.player.pause()
        view = CompareView(*chosen, parent=self)
        self.historyModel.videoDeleting.connect(view.release)
        view.finished.connect(lambda _r: self._compare_closed(view))
        self.compare_view = view
        view.show()

    def _compare_closed(self, view: CompareView) -> None:
        if self.compare_view is view:
            self.compare_view = None
        view.deleteLater()

    async def _load_prompts(self) -> None:
        """Earlier prompts for the prompt box's recall, read off the GUI thread."""
        try:
            prompts = await self.history.recent_prompts(RECALL_LIMIT)
        except HistoryClosedError:
            return  # closing already
        self.form.set_earlier_prompts(prompts)

    def again(self, record: JobRecord) -> None:
        """Make a finished video again at once: its request with a new random seed.

        Sent straight away, as the creator asked for another take of a video
        they have seen, not for a form to fill in; the form (and any prompt
        being written there) stays as it is. The new job's card shows it."""
        try:
            request = with_new_seed(saved_request(record))
        except SettingsNotFound as exc:
            self.show_error(exc)
            return
        self.spawn(self.jobs.submit(request, source_image(record)))

    def again_playing(self) -> None:
        """The video in the player, again with a new seed (found by its history row)."""
        if self.player.path is None:
            return
        row = self.historyModel.playing_row()
        if row is None:
            self.show_error(SettingsNotFound(str(self.player.path)))
            return
        self.again(self.historyModel.records()[row])

    def _set_queue_limit(self, limit: int) -> None:
        """The queue's picker: save how many go at a time to this backend, and apply it."""
        session = self.connection.session
        if session is None:
            return
        settings = with_limit(session, self.connection.settings, limit)
        self.connection.apply_settings(SettingsChange(settings))
        self.queue.apply_settings(settings)

    def _confirm_cancel(self, job_id: str) -> None:
        box = message_boxes.confirm_stop_following(
            self, self.connection.backend, lambda: self.spawn(self.jobs.cancel(job_id))
        )
        self._cancel_boxes[job_id] = box
        box.finished.connect(lambda _r: self._cancel_boxes.pop(job_id, None))

    def _confirm_delete(self, record: JobRecord) -> None:
        history = self.historyModel
        message_boxes.confirm_delete_video(
            self,
            record.prompt,
            offer_account=history.can_delete_from_account(record),
            on_yes=lambda from_account: self.spawn(
                history.delete(record, from_account=from_account)
            ),
        )

    def _confirm_clear(self) -> None:
        history = self.historyModel
        records = history.records()
        message_boxes.confirm_clear_history(
            self,
            history.clearable_count(),
            favourites=sum(1 for r in records if r.favourite),
            in_progress=sum(1 for r in records if not JobState(r.state).is_terminal),
            on_yes=lambda: self.spawn(history.clear()),
        )

    # ------------------------------------------------------------------ dialogs

    def open_settings(self, message: str | None = None) -> None:
        dialog = self.settings_dialog
        if dialog is None or not dialog.isVisible():
            session = self.connection.session
            local = session.client if session is not None and session.kind == "local" else None
            dialog = SettingsDialog(self.connection.settings, self, local_client=local)
            dialog.saved.connect(self.connection.apply_settings)
            dialog.saved.connect(lambda change: self.queue.apply_settings(change.settings))
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

    def open_diagnostics(self) -> None:
        from app.logs import log_file_path

        if self.diagnostics_dialog is not None and self.diagnostics_dialog.isVisible():
            self.diagnostics_dialog.raise_()
            return

        connection = self.connection
        self.diagnostics_dialog = DiagnosticsDialog(
            lambda: wording.session_text(connection.session),
            connection.counters,
            log_file_path(),
            self,
        )
        self.diagnostics_dialog.open()

    def open_about(self) -> None:
        message_boxes.show_about(self, app_icon())

    # ------------------------------------------------------------------ layout

    def _build_layout(self) -> None:
        left = _pane("leftPane", self.form)
        left.setMinimumWidth(340)
        player_card = _pane("playerCard", self.player)
        center = QWidget()
        center.setObjectName("centerPane")
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(20, 20, 20, 20)
        center_layout.setSpacing(16)
        center_layout.addWidget(self.banner)
        center_layout.addWidget(player_card, 1)
        center_layout.addWidget(self.progress)
        center_layout.addWidget(self.queuePanel)
        right = _pane("rightPane", self.historyPanel)
        right.setMinimumWidth(300)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        for index, (pane, stretch) in enumerate(((left, 0), (center, 1), (right, 0))):
            self.splitter.addWidget(pane)
            self.splitter.setStretchFactor(index, stretch)
        self.splitter.setSizes([400, 700, 340])

        root = QWidget()
        root.setObjectName("root")
        root_layout = QVBoxLayout(root)
        root_layout.setContentsMargins(0, 0, 0, 0)
        root_layout.setSpacing(0)
        root_layout.addWidget(self.topBar)
        root_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(root)
        self.statusBar().hide()

    def _action(self, text: str, slot: Callable[[], object], *shortcuts: str) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(keys) for keys in shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda *_: slot())
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.generateAction = self._action(
            self.tr("Generate"), self.form.submit, "Ctrl+Return", "Ctrl+Enter"
        )
        self.newPromptAction = self._action(self.tr("New prompt"), self.form.new_prompt, "Ctrl+N")
        self.againAction = self._action(
            wording.again_new_seed(), self.again_playing, "Ctrl+Shift+Return", "Ctrl+Shift+Enter"
        )
        self.searchAction = self._action(
            self.tr("Search history"), self.historyPanel.focus_search, "Ctrl+F"
        )
        self.settingsAction = self._action(self.tr("Settings…"), self.open_settings, "Ctrl+,")
        self.quitAction = self._action(self.tr("Quit"), self.close, "Ctrl+Q")
        for action in (
            self.generateAction,
            self.againAction,
            self.newPromptAction,
            self.searchAction,
        ):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.settingsAction)
        file_menu.addSeparator()
        file_menu.addAction(self.quitAction)

        play_menu = bar.addMenu(self.tr("&Playback"))
        # Space is no shortcut (it would steal Space from every focused button):
        # keyPressEvent plays when no control takes it. "\t" shows it in the menu.
        self.playAction = self._action(
            self.tr("Play / Pause") + "\t" + "Space", self.player.toggle_play
        )
        self.fullscreenAction = self._action(
            self.tr("Fullscreen"), self.player.toggle_fullscreen, "F11"
        )
        play_menu.addAction(self.playAction)
        play_menu.addAction(self.fullscreenAction)
        play_menu.addAction(self._action(self.tr("Loop"), self.player.toggle_loop))
        play_menu.addAction(self._action(self.tr("Mute"), self.player.toggle_mute, "Ctrl+M"))
        play_menu.addSeparator()
        for action in (
            self.player.markInAction,
            self.player.markOutAction,
            self.player.clearMarksAction,
        ):
            play_menu.addAction(action)
        play_menu.addSeparator()
        self.autoplayNewAction = QAction(wording.always_play_new(), self)
        self.autoplayNewAction.setCheckable(True)
        play_menu.addAction(self.autoplayNewAction)

        help_menu = bar.addMenu(self.tr("&Help"))
        self.diagnosticsAction = self._action(self.tr("Diagnostics"), self.open_diagnostics)
        self.aboutAction = self._action(self.tr("About Framecast"), self.open_about)
        help_menu.addAction(self.diagnosticsAction)
        help_menu.addAction(self.aboutAction)

    # ------------------------------------------------------------------ window events

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.form.focus_prompt)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys no focused control took: Enter presses a focused button (Qt's
        buttons only take Enter in dialogs), Space plays or pauses."""
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        focus = QApplication.focusWidget()
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        button = focus if isinstance(focus, QAbstractButton) and self.isAncestorOf(focus) else None
        if plain and enter and button is not None and button.isEnabled():
            button.click()
            event.accept()
            return
        if plain and event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.player.toggle_play()
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._state.save(self, self.splitter)
        for dialog in (self.settings_dialog, self.diagnostics_dialog, self.compare_view):
            if dialog is not None:
                dialog.close()
        self._tray.hide()
        super().closeEvent(event)
        self.closed.emit()


def _pane(name: str, content: QWidget) -> QFrame:
    pane = QFrame()
    pane.setObjectName(name)
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(content)
    return pane
