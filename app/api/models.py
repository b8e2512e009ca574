"""Pydantic models of the SuperDuperAI contract (docs/api.md).

The cloud and the built-in renderer both speak it. Every model tolerates
unknown fields (the service adds some without notice); a missing required
field gives a validation error that names it. Where the service's versions
disagree (create-response shapes, progress scales, result fields) the models
accept every documented shape and expose one normalised view.
"""

from __future__ import annotations

import json
import re
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import (
    AliasChoices,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from app.api.errors import ProtocolError, UnsafeUrlError

SHOT_SIZES: tuple[str, ...] = (
    "extreme_long_shot",
    "long_shot",
    "medium_shot",
    "medium_close_up",
    "close_up",
    "extreme_close_up",
    "two_shot",
    "detail_shot",
)
FRAME_RATES: tuple[int, ...] = (24, 30, 60)
RESOLUTIONS: tuple[tuple[int, int], ...] = (
    (1280, 720),
    (1920, 1080),
    (854, 480),
    (1024, 1024),
    (768, 1024),
    (1080, 1920),
)
VIDEO_EXTENSIONS: tuple[str, ...] = (".mp4", ".mov", ".webm", ".mkv", ".avi")
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PROMPT_CHARS = 2000

_SAFE_ID = re.compile(r"^[A-Za-z0-9_-]{1,128}$")
_ASPECT = re.compile(r"^([1-9][0-9]{0,3}):([1-9][0-9]{0,3})$")


def safe_id(value: str) -> str:
    """Return `value` if it can go into a URL path as is; refuse anything else
    (`../x`, `a/b`, `%2e`, empty, very long)."""
    # fullmatch, not match: `$` would let a trailing newline through.
    if not isinstance(value, str) or not _SAFE_ID.fullmatch(value):
        raise UnsafeUrlError(f"refused an id that is not a URL-safe token: {value!r:.80}")
    return value


def aspect_of(width: int, height: int) -> str:
    """The reduced W:H ratio of a frame size, e.g. 1280x720 -> 16:9."""
    from math import gcd

    g = gcd(width, height) or 1
    ratio = f"{width // g}:{height // g}"
    return {"427:240": "16:9", "8:5": "16:10"}.get(ratio, ratio)


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


def _none_to_empty_list(value: object) -> object:
    return [] if value is None else value


# --------------------------------------------------------------------------- catalogue


class GenerationConfig(_Model):
    """One model of the catalogue (`generation-config` item)."""

    name: str
    label: str = ""
    type: str = "text_to_video"
    source: str | None = None
    price_per_second: float = 0.0
    available_durations: list[int] = Field(default_factory=list)
    vip_required: bool = False

    @model_validator(mode="before")
    @classmethod
    def _lift_params(cls, data: object) -> object:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        params = data.get("params") or {}
        if isinstance(params, dict):
            for key in ("price_per_second", "available_durations", "vip_required"):
                if key in params and data.get(key) is None:
                    data[key] = params[key]
        if data.get("price_per_second") is None:
            data.pop("price_per_second", None)
        if data.get("available_durations") is None:
            data.pop("available_durations", None)
        if data.get("vip_required") is None:
            data.pop("vip_required", None)
        return data

    @property
    def needs_image(self) -> bool:
        return self.type.startswith("image_to")

    @property
    def display_name(self) -> str:
        return self.label or self.name

    def price_for(self, seconds: int) -> float:
        return round(self.price_per_second * seconds, 4)


class Style(_Model):
    name: str
    title: str = ""
    thumbnail: str | None = None
    tags: Annotated[list[str], BeforeValidator(_none_to_empty_list)] = Field(default_factory=list)

    @property
    def display_name(self) -> str:
        return self.title or self.name


T = TypeVar("T")


class Page(_Model, Generic[T]):
    items: list[T] = Field(default_factory=list)
    total: int | None = None
    limit: int | None = None
    offset: int | None = None
    next: str | int | None = None


class Account(_Model):
    balance: float | None = None
    vip: bool = False
    admin: bool = False


# --------------------------------------------------------------------------- generation


class Reference(_Model):
    type: Literal["source"] = "source"
    reference_id: str


class GenerationRequest(_Model):
    """The `config` of `POST file/generate-video`, validated before sending."""

    prompt: str
    negative_prompt: str = ""
    generation_config_name: str
    duration: int = Field(ge=1, le=600)
    aspect_ratio: str = "16:9"
    width: int = Field(1280, ge=16, le=7680)
    height: int = Field(720, ge=16, le=7680)
    seed: int | None = Field(None, ge=0, le=2**32 - 1)
    frame_rate: int = 24
    shot_size: str | None = None
    style_name: str | None = None
    references: list[Reference] = Field(default_factory=list)

    @field_validator("prompt")
    @classmethod
    def _prompt(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("the prompt is empty")
        if len(value) > MAX_PROMPT_CHARS:
            raise ValueError(f"the prompt is longer than {MAX_PROMPT_CHARS} characters")
        return value

    @field_validator("aspect_ratio")
    @classmethod
    def _aspect(cls, value: str) -> str:
        if not _ASPECT.fullmatch(value):
            raise ValueError(f"aspect ratio must look like 16:9, not {value!r}")
        return value

    @field_validator("frame_rate")
    @classmethod
    def _fps(cls, value: int) -> int:
        if value not in FRAME_RATES:
            raise ValueError(f"frame rate must be one of {', '.join(map(str, FRAME_RATES))}")
        return value

    @field_validator("shot_size")
    @classmethod
    def _shot(cls, value: str | None) -> str | None:
        if value is not None and value not in SHOT_SIZES:
            raise ValueError(f"shot size must be one of {', '.join(SHOT_SIZES)}")
        return value

    def to_payload(self) -> dict[str, object]:
        """The JSON body for `generate-video`; fields the user left unset are omitted."""
        config = self.model_dump(mode="json", exclude_none=True)
        if not self.references:
            config.pop("references", None)
        return {"config": config}


class Task(_Model):
    id: str | None = None
    type: str | None = None
    status: str | None = None
    file_id: str | None = None
    project_id: str | None = None


class FileObject(_Model):
    """A file as the backend describes it (the result video, an upload, ...)."""

    id: str
    url: str | None = None
    thumbnail_url: str | None = None
    type: str | None = None
    content_type: str | None = Field(
        None, validation_alias=AliasChoices("contentType", "content_type")
    )
    video_generation_id: str | None = None
    video_generation: dict[str, Any] | None = None
    tasks: Annotated[list[Task], BeforeValidator(_none_to_empty_list)] = Field(default_factory=list)
    progress: float | None = None

    @property
    def project_id(self) -> str | None:
        for task in self.tasks:
            if task.project_id:
                return task.project_id
        return None

    @property
    def is_video_result(self) -> bool:
        """True when this file is a finished video (a url that plays as video)."""
        if not self.url:
            return False
        if self.content_type and self.content_type.lower().startswith("video/"):
            return True
        path = self.url.split("?", 1)[0].split("#", 1)[0].lower()
        if path.endswith(VIDEO_EXTENSIONS):
            return True
        return self.type == "video"

    @property
    def failed_task(self) -> Task | None:
        """The last task, when it reports an error."""
        if self.tasks and (self.tasks[-1].status or "").lower() == "error":
            return self.tasks[-1]
        return None


class ProjectEntry(_Model):
    id: str | None = None
    value: dict[str, Any] = Field(default_factory=dict)


class ProjectObject(_Model):
    id: str
    data: Annotated[list[ProjectEntry], BeforeValidator(_none_to_empty_list)] = Field(
        default_factory=list
    )
    tasks: Annotated[list[Task], BeforeValidator(_none_to_empty_list)] = Field(default_factory=list)

    def video_urls(self) -> list[str]:
        urls: list[str] = []
        for entry in self.data:
            url = entry.value.get("url")
            if not isinstance(url, str) or not url:
                continue
            ctype = str(entry.value.get("contentType") or entry.value.get("content_type") or "")
            path = url.split("?", 1)[0].lower()
            if ctype.lower().startswith("video/") or path.endswith(VIDEO_EXTENSIONS):
                urls.append(url)
        return urls


class CreatedGeneration(BaseModel):
    """What `generate-video` told us, whichever shape it used."""

    model_config = ConfigDict(frozen=True)

    file_id: str
    project_id: str | None = None
    file: FileObject | None = None


def parse_created(data: object) -> CreatedGeneration:
    """Read either create-response shape: the current file object, or the
    legacy `{data: [{id, value: {file_id, project_id}}], project_id}`."""
    if not isinstance(data, dict):
        raise ProtocolError("generate-video answered with something that is not an object")
    try:
        if "data" in data and "id" not in data:
            entries = data.get("data") or []
            if not isinstance(entries, list) or not entries or not isinstance(entries[0], dict):
                raise ProtocolError("generate-video answered without a file id")
            first = entries[0]
            value = first.get("value")
            if not isinstance(value, dict):
                value = {}
            file_id = value.get("file_id") or first.get("id")
            project_id = value.get("project_id") or data.get("project_id")
            if not file_id:
                raise ProtocolError("generate-video answered without a file id")
            return CreatedGeneration(
                file_id=safe_id(str(file_id)),
                project_id=safe_id(str(project_id)) if project_id else None,
            )
        file = FileObject.model_validate(data)
    except ValidationError as exc:
        raise ProtocolError(f"generate-video answer does not match the contract: {exc}") from exc
    project_id = file.project_id
    return CreatedGeneration(
        file_id=safe_id(file.id), project_id=safe_id(project_id) if project_id else None, file=file
    )


# --------------------------------------------------------------------------- SSE messages


class RenderProgress(BaseModel):
    """`render_progress`: `value` as the server sent it (fraction or percent);
    the tracker normalises the scale per job."""

    model_config = ConfigDict(frozen=True)
    type: Literal["render_progress"] = "render_progress"
    value: float | None = None
    message: str | None = None


class RenderResult(BaseModel):
    model_config = ConfigDict(frozen=True)
    type: Literal["render_result"] = "render_result"
    url: str


class FileMessage(BaseModel):
    model_config = ConfigDict(frozen=True)
    type: Literal["file"] = "file"
    file: FileObject


class TaskMessage(BaseModel):
    model_config = ConfigDict(frozen=True)
    type: Literal["task"] = "task"
    task: Task


class TaskStatusMessage(BaseModel):
    model_config = ConfigDict(frozen=True)
    type: Literal["task_status"] = "task_status"
    status: str


class ErrorMessage(BaseModel):
    model_config = ConfigDict(frozen=True)
    type: Literal["error"] = "error"
    error: str


class UnknownMessage(BaseModel):
    """A type the contract says to ignore (`data`, `entity`, `scene`) or one
    nobody has documented. Kept so diagnostics can log it."""

    model_config = ConfigDict(frozen=True)
    type: str
    raw: dict[str, Any] = Field(default_factory=dict)


StreamMessage = (
    RenderProgress
    | RenderResult
    | FileMessage
    | TaskMessage
    | TaskStatusMessage
    | ErrorMessage
    | UnknownMessage
)


def _number(value: object) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip().rstrip("%"))
        except ValueError:
            return None
    return None


def parse_message(data: str | bytes | dict[str, Any]) -> StreamMessage:
    """Turn one SSE `data:` payload into a typed message.

    Raises ProtocolError for JSON that is malformed or lacks what its type
    needs; unknown types come back as UnknownMessage."""
    if isinstance(data, str | bytes):
        try:
            payload = json.loads(data)
        except ValueError as exc:
            raise ProtocolError(f"event data is not JSON: {exc}") from exc
    else:
        payload = data
    if not isinstance(payload, dict):
        raise ProtocolError("event data is not a JSON object")
    kind = payload.get("type")
    obj = payload.get("object")
    body: dict[str, Any] = obj if isinstance(obj, dict) else {}
    try:
        if kind == "render_progress":
            raw = body.get("progress", payload.get("progress"))
            value = _number(raw)
            if value is None and raw is not None:
                raise ProtocolError(
                    f"render_progress with a progress that is not a number: {raw!r:.40}"
                )
            message = body.get("message", payload.get("message"))
            return RenderProgress(
                value=value, message=str(message) if message is not None else None
            )
        if kind == "render_result":
            url = body.get("url") or body.get("file_url") or payload.get("url")
            if not isinstance(url, str) or not url:
                raise ProtocolError("render_result without a url")
            return RenderResult(url=url)
        if kind == "file":
            return FileMessage(file=FileObject.model_validate(body))
        if kind == "task":
            return TaskMessage(task=Task.model_validate(body))
        if kind == "task_status":
            status = body.get("status", payload.get("status"))
            if not isinstance(status, str):
                raise ProtocolError("task_status without a status")
            return TaskStatusMessage(status=status)
        if kind == "error":
            error = payload.get("error") or body.get("error") or body.get("message")
            return ErrorMessage(error=str(error) if error else "The render failed.")
    except ValidationError as exc:
        raise ProtocolError(f"{kind} event does not match the contract: {exc}") from exc
    return UnknownMessage(type=str(kind) if kind is not None else "", raw=payload)
