"""The window's connection to a backend: which one, how it is doing, what it offers.

`ConnectionModel` owns the `Session` (client, job manager and, for the
built-in renderer, its process), the connect and reconnect loop, the
catalogue (models and styles) and the account. Its state is one
`ConnectionStatus`, with the error that caused it beside it; widgets bind
to the change signals and never open or close anything themselves.

```
DISCONNECTED ─open()─▶ CONNECTING ─catalogue read─▶ CONNECTED
                           │                            │ a job's token refused
                           ├─ no session / no catalogue ─▶ OFFLINE (error says why; retry())
                           └─ token refused ──────────────▶ TOKEN_REFUSED (Settings)
```
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import StrEnum

from PySide6.QtCore import QObject, Signal

from app.api.errors import ApiError, AuthenticationError
from app.api.models import Account, GenerationConfig, Style
from app.session import BackendChoice, Session, choose_backend
from app.store.history import AsyncHistoryStore
from app.store.settings import Settings, save_settings
from app.ui.models.observable import Observable
from app.ui.models.problems import SettingsNotSaved
from app.ui.tasks import TaskGroup, in_thread

log = logging.getLogger("framecast.ui")

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

    def __init__(
        self,
        history: AsyncHistoryStore,
        settings: Settings,
        tasks: TaskGroup,
        *,
        backend_arg: str | None = None,
        token_arg: str | None = None,
        session_factory: SessionFactory = open_session,
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

    def model_label(self, name: str | None) -> str:
        return self.catalogue.label(name)

    def counters(self) -> dict[str, int]:
        """The engine's counters for this session (Diagnostics)."""
        session = self.session
        return dict(session.manager.diagnostics.as_dict()) if session is not None else {}

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
        """Try again what failed: the connection, or only the catalogue."""
        session = self.session
        if session is None:
            self.reconnect()
        else:
            self._tasks.spawn(self._settle(session))

    def refuse_token(self) -> None:
        """A job or a request found the token refused."""
        self.state = ConnectionStatus.TOKEN_REFUSED

    async def close(self) -> None:
        """Stop following jobs (they stay resumable) and stop the built-in renderer."""
        self._closed = True
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
            self._set_problem(ConnectionStatus.OFFLINE, exc)
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
            self._set_problem(ConnectionStatus.OFFLINE, exc)
        else:
            self.session = session
            self.error = None
            self.state = ConnectionStatus.CONNECTED

    async def _read_catalogue(self, session: Session) -> None:
        # The account (balance, VIP) comes with it and never fails it.
        loaded = await session.client.load_catalogue()
        left_out = tuple(c for c in loaded.configs if not c.usable)
        self.catalogue = Catalogue(tuple(loaded.models), tuple(loaded.styles), left_out)
        self.account = loaded.account

    def _set_problem(self, state: ConnectionStatus, error: BaseException) -> None:
        self.catalogue = Catalogue()
        self.account = None
        self.error = error
        self.state = state

    async def _close_session(self) -> None:
        session = self.session
        self.session = None
        if session is not None:
            await session.aclose()

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
            self.reconnect()

    @staticmethod
    async def _save(settings: Settings) -> None:
        try:
            await in_thread(lambda: save_settings(settings))
        except OSError as exc:
            raise SettingsNotSaved(exc.strerror or str(exc)) from exc
