"""Stand-ins for the engine where a test or benchmark drives the window's
inputs itself (a job's updates, the catalogue, a refusal) instead of a real
backend. Real-backend paths are covered by the tests that use `local_server`.
The one copy of these fakes: tests and benchmarks import them from here."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from app.api.models import Account, GenerationConfig, GenerationRequest, LibraryPage, Style
from app.api.models import Catalogue as ApiCatalogue
from app.engine.diagnostics import Diagnostics
from app.engine.updates import JobState, JobUpdate
from app.session import BackendChoice
from app.store.queue import Take

MODELS = [
    GenerationConfig(
        name="fake/t2v",
        label="Fake model",
        type="text_to_video",
        available_durations=[5, 8],
        price_per_second=1.0,
    )
]


class FakeEngine:
    """The JobManager's surface the window uses; updates are pushed by the caller."""

    backend_id = "http://127.0.0.1:9"  # the history's name for this backend

    def __init__(self) -> None:
        self.subscribers: list[Callable[[JobUpdate], None]] = []
        self.diagnostics = Diagnostics()
        self.submitted: list[tuple[str, GenerationRequest, Path | None]] = []
        self.checked: list[str] = []
        self.cancelled: list[str] = []
        self.unfinished: list[str] = []  # what resume_unfinished returns
        self.refuse_submit: BaseException | None = None  # raised by the next submit

    def subscribe(self, callback: Callable[[JobUpdate], None]) -> Callable[[], None]:
        self.subscribers.append(callback)
        return lambda: self.subscribers.remove(callback)

    def emit(self, update: JobUpdate) -> None:
        for callback in list(self.subscribers):
            callback(update)

    async def submit(
        self,
        request: GenerationRequest,
        *,
        source_image: Path | None = None,
        job_id: str | None = None,
        take: Take | None = None,
    ) -> str:
        if self.refuse_submit is not None:
            error, self.refuse_submit = self.refuse_submit, None
            raise error
        job_id = job_id or uuid.uuid4().hex
        self.submitted.append((job_id, request, source_image))
        return job_id

    async def resume_unfinished(self) -> list[str]:
        return list(self.unfinished)

    def snapshot(self, job_id: str) -> JobUpdate | None:
        return JobUpdate(job_id=job_id, state=JobState.SUBMITTING)

    def check_now(self, job_id: str) -> None:
        self.checked.append(job_id)

    async def cancel(self, job_id: str) -> None:
        self.cancelled.append(job_id)
        self.emit(JobUpdate(job_id=job_id, state=JobState.CANCELLED))

    async def aclose(self) -> None:
        pass


class FakeClient:
    """The catalogue and account calls; `refuse` makes every call raise it."""

    def __init__(self, refuse: BaseException | None = None) -> None:
        self.refuse = refuse
        self.calls = 0
        self.account_reads = 0
        self.account = Account(
            id="u1", sub="auth0|u1", nickname="maya", email="m@example.com", balance=12.5
        )

    def _answer(self) -> None:
        self.calls += 1
        if self.refuse is not None:
            raise self.refuse

    async def load_catalogue(self) -> ApiCatalogue:
        self._answer()
        return ApiCatalogue(list(MODELS), [Style(name="noir", title="Film noir")], self.account)

    async def account_if_known(self) -> Account | None:
        self.account_reads += 1
        return None if self.refuse is not None else self.account

    async def list_library_page(self, offset: int = 0, limit: int = 50) -> LibraryPage:
        """An account whose library is empty (or `refuse`)."""
        if self.refuse is not None:
            raise self.refuse
        return LibraryPage([], [], None, 0)

    async def aclose(self) -> None:
        pass


class FakeSession:
    def __init__(self, client: FakeClient | None = None) -> None:
        self.choice = BackendChoice("custom", "http://127.0.0.1:9", None)
        self.url = "http://127.0.0.1:9"
        self.client = client or FakeClient()
        self.manager = FakeEngine()
        self.closed = False

    @property
    def kind(self) -> str:
        return "custom"

    async def aclose(self) -> None:
        self.closed = True


async def fake_session_factory(*_: object) -> FakeSession:
    return FakeSession()
