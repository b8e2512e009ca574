"""One connection of the window to a backend: the client, the job manager and,
when the built-in renderer is chosen, its child process.

Which backend: `--backend` > `SUPERDUPERAI_URL` > the saved setting > the
built-in local renderer (the default with no token). Which token: `--token` >
`SUPERDUPERAI_TOKEN` > the token saved for that backend. The window opens a
new `Session` whenever Settings change the backend or the token.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from app.api.client import SuperDuperClient
from app.api.models import GenerationRequest
from app.engine.updates import JobUpdate
from app.store import credentials
from app.store.history import AsyncHistoryStore
from app.store.settings import CLOUD_URL, Settings

if TYPE_CHECKING:
    from app.engine.diagnostics import Diagnostics

log = logging.getLogger("framecast.ui")

BackendKind = Literal["local", "cloud", "custom"]


class JobEngine(Protocol):
    """What the window uses of `app.engine.manager.JobManager`."""

    diagnostics: Diagnostics

    async def submit(self, request: GenerationRequest, *,
                     source_image: Path | None = None) -> str: ...
    async def resume_unfinished(self) -> list[str]: ...
    def subscribe(self, callback: Callable[[JobUpdate], None]) -> Callable[[], None]: ...
    def snapshot(self, job_id: str) -> JobUpdate | None: ...
    def check_now(self, job_id: str) -> object: ...
    async def cancel(self, job_id: str) -> object: ...
    async def aclose(self) -> None: ...


@dataclass(frozen=True)
class BackendChoice:
    """Where to connect. `url` is None for the built-in renderer."""

    kind: BackendKind
    url: str | None
    token: str | None = field(repr=False)  # a secret: never in a repr
    from_command_line: bool = False


def choose_backend(settings: Settings, backend_arg: str | None = None,
                   token_arg: str | None = None) -> BackendChoice:
    url = backend_arg or settings.effective_backend_url()
    if url is None:
        return BackendChoice("local", None, None)
    url = url.strip().rstrip("/")
    kind: BackendKind = "cloud" if url == CLOUD_URL else "custom"
    token = token_arg
    if token is None and settings.token is not None:
        token = settings.token.get_secret_value()
    if token is None:
        try:
            token = credentials.load_token(url)
        except ValueError:
            token = None
    return BackendChoice(kind, url, token, from_command_line=backend_arg is not None)


def _make_manager(client: SuperDuperClient, history: AsyncHistoryStore,
                  settings: Settings) -> JobEngine:
    from app.engine.manager import JobManager

    manager: JobEngine = JobManager(
        client,
        history,
        videos_dir=settings.effective_download_dir(),
        poll_interval=settings.poll_interval,
        sse_idle_timeout=settings.sse_idle_timeout,
    )
    return manager


class Session:
    """A live backend connection. Build with `await Session.open(...)`."""

    def __init__(self, choice: BackendChoice, url: str, client: SuperDuperClient,
                 manager: JobEngine, stack: contextlib.AsyncExitStack) -> None:
        self.choice = choice
        self.url = url
        self.client = client
        self.manager = manager
        self._stack = stack

    @property
    def kind(self) -> BackendKind:
        return self.choice.kind

    @classmethod
    async def open(cls, choice: BackendChoice, history: AsyncHistoryStore, settings: Settings,
                   *, manager_factory: Callable[[SuperDuperClient, AsyncHistoryStore, Settings],
                                                JobEngine] = _make_manager) -> Session:
        """Start the built-in renderer if needed, then the client and the engine.

        Raises `LocalRendererError` when the renderer does not start.
        """
        stack = contextlib.AsyncExitStack()
        try:
            if choice.url is None:
                from app.local.launcher import LocalRendererProcess

                renderer = await stack.enter_async_context(LocalRendererProcess.start())
                url, token = renderer.url, renderer.token
            else:
                url, token = choice.url, choice.token
            from app.logs import register_secret

            register_secret(token)
            client = SuperDuperClient(url, token)
            stack.push_async_callback(client.aclose)
            manager = manager_factory(client, history, settings)
            stack.push_async_callback(manager.aclose)
        except BaseException:
            await stack.aclose()
            raise
        log.info("connected to %s backend at %s", choice.kind, url)
        return cls(choice, url, client, manager, stack)

    async def aclose(self) -> None:
        await self._stack.aclose()


async def maybe_await(value: object) -> object:
    """`check_now` and `cancel` may be plain calls or coroutines: accept both."""
    if isinstance(value, Awaitable):
        return await value
    return value
