"""Stand-ins for the engine where a test or benchmark drives the window's
inputs itself (a job's updates, the catalogue) instead of a real backend.
Real-backend paths are covered by the tests that use `local_server`."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from app.api.models import GenerationConfig, GenerationRequest, Style
from app.engine.diagnostics import Diagnostics
from app.engine.updates import JobState, JobUpdate
from app.session import BackendChoice

MODELS = [
    GenerationConfig(
        name="fake/t2v", label="Fake model", available_durations=[5, 8], price_per_second=1.0
    )
]


class FakeEngine:
    """The JobManager's surface the window uses; updates are pushed by the caller."""

    def __init__(self) -> None:
        self.subscribers: list[Callable[[JobUpdate], None]] = []
        self.diagnostics = Diagnostics()
        self.submitted: list[tuple[str, GenerationRequest, Path | None]] = []
        self.checked: list[str] = []
        self.cancelled: list[str] = []

    def subscribe(self, callback: Callable[[JobUpdate], None]) -> Callable[[], None]:
        self.subscribers.append(callback)
        return lambda: self.subscribers.remove(callback)

    def emit(self, update: JobUpdate) -> None:
        for callback in list(self.subscribers):
            callback(update)

    async def submit(self, request: GenerationRequest, *, source_image: Path | None = None) -> str:
        job_id = uuid.uuid4().hex
        self.submitted.append((job_id, request, source_image))
        return job_id

    async def resume_unfinished(self) -> list[str]:
        return []

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
    async def list_models(self) -> list[GenerationConfig]:
        return list(MODELS)

    async def list_styles(self) -> list[Style]:
        return [Style(name="noir", title="Film noir")]

    async def aclose(self) -> None:
        pass


class FakeSession:
    def __init__(self) -> None:
        self.choice = BackendChoice("custom", "http://127.0.0.1:9", None)
        self.url = "http://127.0.0.1:9"
        self.client = FakeClient()
        self.manager = FakeEngine()

    @property
    def kind(self) -> str:
        return "custom"

    async def aclose(self) -> None:
        pass


async def fake_session_factory(*_: object) -> FakeSession:
    return FakeSession()
