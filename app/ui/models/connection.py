"""The window's connection to a backend: which one, how it is doing, what it offers.

`ConnectionModel` owns the `Session` (client, job manager and, for the
built-in renderer, its process), the connect and reconnect loop, the
catalogue (models and styles) and the account. Its state is one
`ConnectionStatus`, with the error that caused it beside it; widgets bind
to the change signals and never open or close anything themselves.

```
DISCONNECTED ─open()─▶ CONNECTING ─catalogue read─▶ CONNECTED ◀─┐ a job hears the server
                           │                            │       │
                           ├─ no session / no catalogue ─┴─▶ OFFLINE (error says why)
                           │          a job can't reach the server   └─ tries again by itself
                           └─ token refused ──────────────▶ TOKEN_REFUSED (Settings)
```

It is the one source of truth on the backend: the catalogue's reads and
what every job's tracker sees (`note_job`: its `JobUpdate.connection`) both
feed it, the newest fact winning, so the top bar, the cards and the player
never disagree. While OFFLINE it tries again by itself with a growing pause
(`RETRY_DELAYS`; `retryAt` says when); for the built-in renderer trying
again means starting it again (a renderer that died resumes its jobs).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from PySide6.QtCore import QObject, QTimer, Signal

from app.api.errors import ApiError, AuthenticationError, BackendUnavailableError
from app.api.models import Account, GenerationConfig, Style
from app.engine.updates import ConnectionState, JobUpdate
from app.session import BackendChoice, Session, choose_backend
from app.store.history import AsyncHistoryStore
from app.store.settings import Settings, save_settings
from app.ui.models.observable import Observable
from app.ui.models.problems import SettingsNotSaved
from app.ui.tasks import TaskGroup, in_thread

log = logging.getLogger("framecast.ui")

#: Pauses between automatic attempts while offline (seconds); the last one repeats.
RETRY_DELAYS = (2.0, 4.0, 8.0, 15.0, 30.0, 60.0)

SessionFactory = Callable[[BackendChoice, Settings, AsyncHistoryStore], Awaitable[Session]]


async def open_session(
    choice: BackendChoice, settings: Settings, history: AsyncHistoryStore
) -> Session:
    return await Session.open(choice, settings, history=history)


class ConnectionStatus(StrEnum):
    DISCONNECTED = "disconnected"  # nothing opened yet, or closed
    CONNECTING = "connecting"  # opening the session, reading the catalogue
    CONNECTED = "connected"
    OFFLINE = "offline"  # no session, or no catalogue: `error` says why
    TOKEN_REFUSED = "token_refused"  # the backend refused the token: Settings


@dataclass(frozen=True)
class Catalogue:
    """What the backend offers; empty while none is known."""

    models: tuple[GenerationConfig, ...] = ()
    styles: tuple[Style, ...] = ()
    #: What the backend offers that Framecast can't start (pictures, sound, video to video).
    left_out: tuple[GenerationConfig, ...] = ()

    def label(self, name: str | None) -> str:
        """A model's display name, or its name when the catalogue does not know it."""
        if not name:
            return ""
        return next((m.display_name for m in self.models if m.name == name), name)


@dataclass(frozen=True)
class SettingsChange:
    """What the creator saved in Settings; `token` is None when left unchanged."""

    settings: Settings
    token: str | None = field(default=None, repr=False)
    backend_changed: bool = False
    language_changed: bool = False


class ConnectionModel(QObject):
    stateChanged = Signal(object)
    state = Observable(ConnectionStatus.DISCONNECTED)
    errorChanged = Signal(object)
    error: Observable[BaseException | None] = Observable(None)
    backendChanged = Signal(object)
    backend: Observable[BackendChoice | None] = Observable(None)
    sessionChanged = Signal(object)
    session: Observable[Session | None] = Observable(None)
    catalogueChanged = Signal(object)
    catalogue = Observable(Catalogue())
    accountChanged = Signal(object)
    account: Observable[Account | None] = Observable(None)
    retryAtChanged = Signal(object)
    #: When the next automatic attempt starts (`time.monotonic()`); None when none is due.
    retryAt: Observable[float | None] = Observable(None)

    def __init__(
        self,
        history: AsyncHistoryStore,
        settings: Settings,
        tasks: TaskGroup,
        *,
        backend_arg: str | None = None,
        token_arg: str | None = None,
        session_factory: SessionFactory = open_session,
        retry_delays: Sequence[float] = RETRY_DELAYS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.history = history
        self.settings = settings
        self._tasks = tasks
        self._backend_arg = backend_arg
        self._token_arg = token_arg
        self._open_session = session_factory
        self._opening = False
        self._reopen = False
        self._closed = False
        self._retry_delays = tuple(retry_delays) or RETRY_DELAYS
        self._failures = 0  # automatic attempts since the backend was last reached
        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.timeout.connect(self._retry_due)
        self._links: dict[str, ConnectionState] = {}  # each job in flight's last link

    def model_label(self, name: str | None) -> str:
        return self.catalogue.label(name)

    def counters(self) -> dict[str, int]:
        """The engine's counters for this session (Diagnostics)."""
        session = self.session
        return dict(session.manager.diagnostics.as_dict()) if session is not None else {}

    def seconds_to_retry(self) -> int | None:
        """Whole seconds until the next automatic attempt; None when none is due."""
        due = self.retryAt
        return None if due is None else max(0, round(due - time.monotonic()))

    # ------------------------------------------------------------------ connecting

    async def open(self) -> None:
        """(Re)connect to the chosen backend. A request while a connection is
        being made is not lost: the newest settings win, once that one ends."""
        self._reopen = True
        if self._opening:
            return
        self._opening = True
        try:
            while self._reopen and not self._closed:
                self._reopen = False
                await self._open_once()
        finally:
            self._opening = False

    def reconnect(self) -> None:
        self._tasks.spawn(self.open())

    def retry(self) -> None:
        """Try again now what failed: the connection, or only the catalogue. A
        built-in renderer that can't be reached is started again (it resumes its jobs)."""
        self._cancel_retry()
        session = self.session
        renderer_lost = isinstance(self.error, BackendUnavailableError) and (
            session is not None and session.kind == "local"
        )
        if session is None or renderer_lost:
            self.reconnect()
        else:
            self._tasks.spawn(self._settle(session))

    def refuse_token(self) -> None:
        """A job or a request found the token refused."""
        self._cancel_retry()
        self.state = ConnectionStatus.TOKEN_REFUSED

    async def close(self) -> None:
        """Stop following jobs (they stay resumable) and stop the built-in renderer,
        also one still being connected to."""
        self._closed = True
        self._cancel_retry()
        await self._tasks.aclose()  # a connection still being made stops its renderer
        await self._close_session()
        self.state = ConnectionStatus.DISCONNECTED

    async def _open_once(self) -> None:
        await self._close_session()
        choice = choose_backend(self.settings, self._backend_arg, self._token_arg)
        self.backend = choice
        self.state = ConnectionStatus.CONNECTING
        try:
            session = await self._open_session(choice, self.settings, self.history)
        except Exception as exc:
            log.warning("backend %s failed to start: %s", choice.kind, exc)
            # A renderer that does not start will not start by itself a minute
            # later; a remote backend may well be back.
            self._set_problem(ConnectionStatus.OFFLINE, exc, retry=choice.kind != "local")
            return
        if self._closed:
            await session.aclose()
            return
        try:
            await self._settle(session)
        except BaseException:
            if self.session is not session:  # never published: nobody else will close it
                await session.aclose()
            raise

    async def _settle(self, session: Session) -> None:
        """Read the catalogue, then publish the session and the state it leaves."""
        self.state = ConnectionStatus.CONNECTING
        try:
            await self._read_catalogue(session)
        except AuthenticationError as exc:
            self.session = session
            self._set_problem(ConnectionStatus.TOKEN_REFUSED, exc)
        except ApiError as exc:
            self.session = session
            self._set_problem(ConnectionStatus.OFFLINE, exc, retry=True)
        else:
            self.session = session
            self._reached()

    async def _read_catalogue(self, session: Session) -> None:
        # The account (balance, VIP) comes with it and never fails it.
        loaded = await session.client.load_catalogue()
        left_out = tuple(c for c in loaded.configs if not c.usable)
        self.catalogue = Catalogue(tuple(loaded.models), tuple(loaded.styles), left_out)
        self.account = loaded.account

    def _set_problem(
        self, state: ConnectionStatus, error: BaseException, *, retry: bool = False
    ) -> None:
        self.catalogue = Catalogue()
        self.account = None
        self.error = error
        if retry:  # before the state changes: its watchers say when
            self._schedule_retry()
        self.state = state

    def _reached(self) -> None:
        """The backend answered: connected, and the next trouble starts the pauses afresh."""
        self._cancel_retry()
        self._failures = 0
        self.error = None
        self.state = ConnectionStatus.CONNECTED

    async def _close_session(self) -> None:
        session = self.session
        self.session = None
        self._links.clear()
        if session is not None:
            await session.aclose()

    # ------------------------------------------------------------------ trying again

    def _schedule_retry(self) -> None:
        if self._closed:
            return
        delay = self._retry_delays[min(self._failures, len(self._retry_delays) - 1)]
        self._failures += 1
        self._retry_timer.start(round(delay * 1000))
        self.retryAt = time.monotonic() + delay
        log.info("backend unreachable; trying again in %g s", delay)

    def _cancel_retry(self) -> None:
        self._retry_timer.stop()
        self.retryAt = None

    def _retry_due(self) -> None:
        if not self._closed and self.state is ConnectionStatus.OFFLINE:
            self.retry()

    # ------------------------------------------------------------------ what the jobs see

    def note_job(self, update: JobUpdate) -> None:
        """A job's tracker reached the server, or could not.

        The window is offline when the jobs that have news all fail to reach
        the server (a connected window goes offline, keeping the catalogue,
        which is still right), and back as soon as one of them hears it (with
        the catalogue read at once if none is known). Only a change of a
        job's link counts: a tracker repeats itself."""
        if update.state.is_terminal:
            self._links.pop(update.job_id, None)
            return
        if self._links.get(update.job_id) is update.connection:
            return
        self._links[update.job_id] = update.connection
        links = self._links.values()
        hearing = ConnectionState.LIVE in links
        if not hearing and ConnectionState.OFFLINE in links:
            if self.state is ConnectionStatus.CONNECTED:
                log.info("the jobs can't reach the server: offline")
                self.error = BackendUnavailableError("the jobs' checks can't reach the server")
                self._schedule_retry()
                self.state = ConnectionStatus.OFFLINE
        elif hearing and self.state is ConnectionStatus.OFFLINE:
            if self.catalogue.models and self.session is not None:
                log.info("a job hears the server again: connected")
                self._reached()
            else:
                self.retry()

    def note_unreachable(self, error: BackendUnavailableError) -> None:
        """A request of the creator's (sending a video) could not reach the server."""
        if self.state is ConnectionStatus.CONNECTED:
            self.error = error
            self._schedule_retry()
            self.state = ConnectionStatus.OFFLINE

    # ------------------------------------------------------------------ the account

    def refresh_account(self) -> None:
        """Read the account again (its balance changes with every video)."""
        session = self.session
        if session is not None and self.state is ConnectionStatus.CONNECTED:
            self._tasks.spawn(self._read_account(session))

    async def _read_account(self, session: Session) -> None:
        account = await session.client.account_if_known()
        if session is self.session and account is not None:
            self.account = account

    # ------------------------------------------------------------------ settings

    def apply_settings(self, change: SettingsChange) -> None:
        """Keep what the creator saved in Settings, and reconnect when the backend changed."""
        self.settings = change.settings
        self._tasks.spawn(self._save(change.settings))
        if change.backend_changed:
            # A saved choice wins over the command line's from now on.
            self._backend_arg = None
            if change.token is not None:
                self._token_arg = None
            self._cancel_retry()
            self._failures = 0
            self.reconnect()

    @staticmethod
    async def _save(settings: Settings) -> None:
        try:
            await in_thread(lambda: save_settings(settings))
        except OSError as exc:
            raise SettingsNotSaved(exc.strerror or str(exc)) from exc
