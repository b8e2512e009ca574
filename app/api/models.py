"""Pydantic models of the SuperDuperAI contract, as docs/api.md describes it.

The cloud and the built-in renderer both speak it. The service's generated
TypeScript SDK is the reference: each model names the SDK type it reads
(`packages/api/src/superduperai/api/models/<Type>.ts`). Every model tolerates
unknown fields (the service adds some without notice) and the nulls the SDK
allows; a missing required field gives a validation error that names it.
Where the service's versions disagree (create-response shapes, progress
scales, where a price or a VIP flag sits) the models accept every shape the
service's web app accepts and expose one normalised view.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
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

from app.api.bounded_json import loads_bounded
from app.api.errors import PagingError, ProtocolError, UnsafeUrlError

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
#: The largest seed any client sends: JSON numbers are exact up to 2**53 - 1 in
#: the service's JavaScript web client (which sends seeds up to 10**12), and the
#: service itself makes 14-digit seeds.
MAX_SEED = 2**53 - 1

# GenerationTypeEnum.ts
TEXT_TO_VIDEO = "text_to_video"
IMAGE_TO_VIDEO = "image_to_video"
VIDEO_TO_VIDEO = "video_to_video"
TEXT_TO_IMAGE = "text_to_image"
IMAGE_TO_IMAGE = "image_to_image"
TEXT_TO_AUDIO = "text_to_audio"
VIDEO_TYPES = frozenset({TEXT_TO_VIDEO, IMAGE_TO_VIDEO, VIDEO_TO_VIDEO})
#: What Framecast can start: a prompt, or a prompt and one uploaded picture.
USABLE_TYPES = frozenset({TEXT_TO_VIDEO, IMAGE_TO_VIDEO})
#: Durations offered when a config gives only `params.max_duration`.
STANDARD_DURATIONS: tuple[int, ...] = (3, 5, 8, 10, 15, 20, 30, 60)

_SAFE_ID = re.compile(r"^[A-Za-z0-9_-]{1,128}$")
_ASPECT = re.compile(r"^([1-9][0-9]{0,3}):([1-9][0-9]{0,3})$")
_WORD_BREAK = re.compile(r"[-_\s]+")


def safe_id(value: str) -> str:
    """Return `value` if it can go into a URL path as is; refuse anything else
    (`../x`, `a/b`, `%2e`, empty, very long)."""
    # fullmatch, not match: `$` would let a trailing newline through.
    if not isinstance(value, str) or not _SAFE_ID.fullmatch(value):
        raise UnsafeUrlError(f"refused an id that is not a URL-safe token: {value!r:.80}")
    return value


def is_safe_id(value: object) -> bool:
    return isinstance(value, str) and bool(_SAFE_ID.fullmatch(value))


def aspect_of(width: int, height: int) -> str:
    """The reduced W:H ratio of a frame size, e.g. 1280x720 -> 16:9."""
    g = math.gcd(width, height) or 1
    ratio = f"{width // g}:{height // g}"
    return {"427:240": "16:9", "8:5": "16:10"}.get(ratio, ratio)


def readable_name(name: str) -> str:
    """A display name made from an id, for items the service sent without a
    label or title: `google-cloud/veo2-text2video` -> `Veo2 text2video (google-cloud)`."""
    parts = [p for p in name.split("/") if p]
    if not parts:
        return name
    tail = " ".join(parts[1:]) if len(parts) > 1 else parts[0]
    text = " ".join(w for w in _WORD_BREAK.split(tail) if w) or tail
    text = text[:1].upper() + text[1:]
    return f"{text} ({parts[0]})" if len(parts) > 1 else text


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


def _none_to_empty_list(value: object) -> object:
    return [] if value is None else value


def _none_to_false(value: object) -> object:
    return False if value is None else value


def _number(value: object) -> float | None:
    """A finite number from a JSON value (numbers, or text such as "0.4" or
    "45%"); None for anything else, booleans included."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip().rstrip("%"))
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def _whole(value: object) -> int | None:
    """A whole number from an int or an integral float (never a boolean)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _flag(value: object) -> bool:
    """True for the ways a JSON service says yes: true, 1, "true"."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value == 1
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return False


# --------------------------------------------------------------------------- catalogue


def _price_of(data: dict[str, Any], params: dict[str, Any]) -> float | None:
    """USD per second: `params.price_per_second`, else `params.price`, else a
    top-level `price` (where the web app looks, in that order). Unknown is None,
    never 0: a missing price must not read as free."""
    for value in (
        params.get("price_per_second"),
        params.get("price"),
        data.get("price"),
        data.get("price_per_second"),  # our own models, built in Python
    ):
        number = _number(value)
        if number is not None and number >= 0:
            return number
    return None


def _durations(value: object) -> list[int]:
    if not isinstance(value, list):
        return []
    seconds = {n for n in (_whole(v) for v in value) if n is not None and 0 < n <= 3600}
    return sorted(seconds)


def _up_to(max_duration: int) -> list[int]:
    offered = [d for d in STANDARD_DURATIONS if d < max_duration]
    return [*offered, max_duration]


class GenerationConfig(_Model):
    """One configuration of the catalogue (IGenerationConfigRead.ts): a model
    with its kind and its `params`, from which price, durations, aspect ratios
    and the VIP flag are read wherever the service put them."""

    name: str
    label: str | None = None
    type: str | None = None
    source: str | None = None
    params: dict[str, Any] = Field(default_factory=dict)
    #: USD per second; None when the service does not say (never read as free).
    price_per_second: float | None = None
    available_durations: list[int] = Field(default_factory=list)
    max_duration: int | None = None
    aspect_ratios: list[str] = Field(default_factory=list)
    vip_required: bool = False

    @model_validator(mode="before")
    @classmethod
    def _read_params(cls, data: object) -> object:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        params = data.get("params")
        if params is None:
            params = data["params"] = {}
        if not isinstance(params, dict):
            return data  # the field says "must be an object"
        label = data.get("label")
        data["label"] = (label.strip() or None) if isinstance(label, str) else None
        data["price_per_second"] = _price_of(data, params)
        data["vip_required"] = (
            _flag(params.get("vip_required"))
            or _flag(data.get("vip_required"))
            or _flag(params.get("is_vip"))
        )
        max_duration = _whole(params.get("max_duration"))
        if max_duration is None:
            max_duration = _whole(data.get("max_duration"))
        data["max_duration"] = max_duration if max_duration and max_duration > 0 else None
        durations = _durations(params.get("available_durations")) or _durations(
            data.get("available_durations")
        )
        if not durations and data["max_duration"]:
            durations = _up_to(data["max_duration"])
        data["available_durations"] = durations
        ratios = params.get("aspect_ratios", data.get("aspect_ratios"))
        data["aspect_ratios"] = (
            [r for r in ratios if isinstance(r, str) and _ASPECT.fullmatch(r)]
            if isinstance(ratios, list)
            else []
        )
        kind = data.get("type")
        data["type"] = kind if isinstance(kind, str) and kind else None
        return data

    @property
    def produces_video(self) -> bool:
        """Text, image or video to video; unknown future types are not video."""
        return self.type in VIDEO_TYPES

    @property
    def needs_image(self) -> bool:
        return self.type == IMAGE_TO_VIDEO

    @property
    def needs_video(self) -> bool:
        return self.type == VIDEO_TO_VIDEO

    @property
    def usable(self) -> bool:
        """True for the models Framecast can start (text or image to video)."""
        return self.type in USABLE_TYPES

    @property
    def display_name(self) -> str:
        return self.label or readable_name(self.name)

    @property
    def price_known(self) -> bool:
        return self.price_per_second is not None

    def price_for(self, seconds: int) -> float | None:
        """The cost of `seconds` of video in USD; None when the price is unknown."""
        if self.price_per_second is None:
            return None
        return round(self.price_per_second * seconds, 4)


def _tags(value: object) -> object:
    if value is None:
        return []
    if isinstance(value, list):
        return [t for t in value if isinstance(t, str)]
    return value


class Style(_Model):
    """One style (IStyleRead.ts): only `name` is sure; title, thumbnail and
    tags may each be null."""

    name: str
    title: str | None = None
    thumbnail: str | None = None
    tags: Annotated[list[str], BeforeValidator(_tags)] = Field(default_factory=list)

    @property
    def display_name(self) -> str:
        return self.title or readable_name(self.name)


class Account(_Model):
    """The signed-in account (IUserRead.ts). `sub`, `nickname`, `email` and
    `id` are required there; balance and the VIP and admin flags are optional."""

    id: str
    sub: str
    nickname: str
    email: str
    balance: Annotated[float | None, BeforeValidator(_number)] = None
    vip: Annotated[bool, BeforeValidator(_none_to_false)] = False
    admin: Annotated[bool, BeforeValidator(_none_to_false)] = False

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        # Logs and reprs name the account, never its e-mail address.
        yield from ((k, v) for k, v in super().__repr_args__() if k != "email")


@dataclass(frozen=True)
class Catalogue:
    """What the app lists: every configuration the service offers (usable or
    not), its styles, and the account when the service says who it is."""

    configs: list[GenerationConfig]
    styles: list[Style]
    account: Account | None
    #: Why each malformed item of the lists was left out.
    skipped: list[str] = field(default_factory=list)

    @property
    def models(self) -> list[GenerationConfig]:
        """The configurations Framecast can start, in the service's order."""
        return [c for c in self.configs if c.usable]


# --------------------------------------------------------------------------- paging


@dataclass(frozen=True)
class NextCursor:
    """Where the next page starts (INextCursor.ts): never a URL or a string."""

    offset: int
    limit: int


M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Page(Generic[M]):
    """One page of a list (IResponsePaginated_*.ts): the items that parsed,
    why the others were skipped, and the cursor of the next page (None at the
    end). `total`, `limit` and `offset` may be null and are informative only."""

    items: list[M]
    skipped: list[str]
    next: NextCursor | None
    total: int | None = None


def parse_cursor(value: object, what: str) -> NextCursor | None:
    """`next` of a page: null (or absent) at the end, else `{offset, limit}`
    with a whole offset >= 0 and a whole limit >= 1."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise PagingError(
            f"{what}: `next` must be null or a cursor {{offset, limit}}, "
            f"not {type(value).__name__} {value!r:.60}"
        )
    offset, limit = _whole(value.get("offset")), _whole(value.get("limit"))
    if offset is None or limit is None or offset < 0 or limit < 1:
        raise PagingError(
            f"{what}: `next` cursor needs a whole offset >= 0 and limit >= 1, got {value!r:.80}"
        )
    return NextCursor(offset, limit)


def _skip_reason(index: int, raw: object, exc: ValidationError | None) -> str:
    name = raw.get("name") or raw.get("id") if isinstance(raw, dict) else None
    where = f"item {index}" + (f" ({str(name)[:60]})" if isinstance(name, str) else "")
    if exc is None:
        return f"{where}: not an object"
    first = exc.errors()[0]
    loc = ".".join(str(p) for p in first["loc"]) or "item"
    return f"{where}: {loc}: {first['msg']}"


def parse_page(data: object, model: type[M], what: str) -> Page[M]:
    """Read one page. A page that is not `{items: [...], ...}` or whose cursor
    is malformed is a ProtocolError; a malformed item only skips that item."""
    if not isinstance(data, dict):
        raise ProtocolError(f"{what}: the answer is not a page object")
    raw_items = data.get("items")
    if not isinstance(raw_items, list):
        raise ProtocolError(f"{what}: the page has no `items` list")
    next_cursor = parse_cursor(data.get("next"), what)
    items: list[M] = []
    skipped: list[str] = []
    for index, raw in enumerate(raw_items):
        if not isinstance(raw, dict):
            skipped.append(_skip_reason(index, raw, None))
            continue
        try:
            items.append(model.model_validate(raw))
        except ValidationError as exc:
            skipped.append(_skip_reason(index, raw, exc))
    return Page(items, skipped, next_cursor, _whole(data.get("total")))


# --------------------------------------------------------------------------- generation


class Reference(_Model):
    """IVideoGenerationReferenceCreate.ts: the uploaded picture of image to video."""

    type: Literal["source"] = "source"
    reference_id: str


class GenerationRequest(_Model):
    """The `config` of `POST file/generate-video` (IVideoGenerationCreate.ts,
    plus `frame_rate`, `shot_size` and `style_name`, which the service's own
    web app sends too), validated before sending."""

    prompt: str
    negative_prompt: str = ""
    generation_config_name: str
    duration: int = Field(ge=1, le=600)
    aspect_ratio: str = "16:9"
    width: int = Field(1280, ge=16, le=7680)
    height: int = Field(720, ge=16, le=7680)
    seed: int | None = Field(None, ge=0, le=MAX_SEED)
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
        """The JSON body for `generate-video` (GenerateVideoPayload.ts); fields
        the user left unset are omitted, the seed goes as a JSON integer."""
        config = self.model_dump(mode="json", exclude_none=True)
        if not self.references:
            config.pop("references", None)
        return {"config": config}


class Task(_Model):
    """ITaskRead.ts, read leniently: `progress`, `result_url` and `error`
    appear on some servers' task events."""

    id: str | None = None
    type: str | None = None
    status: str | None = None
    file_id: str | None = None
    project_id: str | None = None
    progress: Annotated[float | None, BeforeValidator(_number)] = None
    result_url: str | None = None

    @property
    def state(self) -> str:
        """The status in lower case (servers send `error` and `ERROR` alike)."""
        return (self.status or "").strip().lower()

    @property
    def error_text(self) -> str | None:
        extra = self.model_extra or {}
        for key in ("error", "message"):
            value = extra.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
        return None


def _lenient(model: type[M]) -> BeforeValidator:
    """Read a nested object as `model`, or as None when it does not fit: a
    strange echo of the request must not hide a finished video."""

    def read(value: object) -> object:
        if value is None:
            return None
        try:
            return model.model_validate(value)
        except ValidationError:
            return None

    return BeforeValidator(read)


def _whole_or_none(value: object) -> int | None:
    return _whole(value) if value is not None else None


class VideoGeneration(_Model):
    """IVideoGenerationRead.ts: the request as the service understood it."""

    id: str | None = None
    prompt: str | None = None
    negative_prompt: str | None = None
    seed: Annotated[int | None, BeforeValidator(_whole_or_none)] = None
    duration: Annotated[float | None, BeforeValidator(_number)] = None
    width: Annotated[int | None, BeforeValidator(_whole_or_none)] = None
    height: Annotated[int | None, BeforeValidator(_whole_or_none)] = None
    aspect_ratio: str | None = None
    generation_config_name: str | None = None
    generation_config: dict[str, Any] | None = None
    references: Annotated[list[dict[str, Any]], BeforeValidator(_none_to_empty_list)] = Field(
        default_factory=list
    )


class FileObject(_Model):
    """A file as the backend describes it (IFileRead.ts): the result video, an
    upload, or anything else of FileTypeEnum. `contentType` and `progress` are
    not in the SDK but some servers add them."""

    id: str
    url: str | None = None
    thumbnail_url: str | None = None
    type: str | None = None
    content_type: str | None = Field(
        None, validation_alias=AliasChoices("contentType", "content_type")
    )
    image_generation_id: str | None = None
    image_generation: dict[str, Any] | None = None
    video_generation_id: str | None = None
    video_generation: Annotated[VideoGeneration | None, _lenient(VideoGeneration)] = None
    audio_generation_id: str | None = None
    audio_generation: dict[str, Any] | None = None
    duration: Annotated[float | None, BeforeValidator(_number)] = None
    tasks: Annotated[list[Task], BeforeValidator(_none_to_empty_list)] = Field(default_factory=list)
    progress: Annotated[float | None, BeforeValidator(_number)] = None

    @property
    def project_id(self) -> str | None:
        for task in self.tasks:
            if task.project_id:
                return task.project_id
        extra = (self.model_extra or {}).get("project_id")
        return extra if isinstance(extra, str) and extra else None

    @property
    def is_video(self) -> bool:
        """The file is a video (by its type or its content type), finished or not."""
        if self.type == "video":
            return True
        return bool(self.content_type and self.content_type.lower().startswith("video/"))

    @property
    def is_video_result(self) -> bool:
        """True when this file is a finished video (a url that plays as video)."""
        if not self.url:
            return False
        if self.is_video:
            return True
        path = self.url.split("?", 1)[0].split("#", 1)[0].lower()
        return path.endswith(VIDEO_EXTENSIONS) and self.type in (None, "other")

    @property
    def failed_task(self) -> Task | None:
        """The last task, when it reports an error (in any case)."""
        if self.tasks and self.tasks[-1].state == "error":
            return self.tasks[-1]
        return None


@dataclass(frozen=True)
class SkippedFile:
    """A library entry left out, and why (for logs and a future "n hidden" note)."""

    id: str | None
    reason: str


@dataclass(frozen=True)
class LibraryPage:
    """One page of the account's library (`GET file?types=video`): the playable
    videos, what was left out and why, and the next page's cursor."""

    videos: list[FileObject]
    skipped: list[SkippedFile]
    next: NextCursor | None
    total: int | None = None


def library_page(page: Page[FileObject]) -> LibraryPage:
    """Keep the finished videos of a page of files; say why every other was left out."""
    videos: list[FileObject] = []
    skipped = [SkippedFile(None, f"unreadable: {why}") for why in page.skipped]
    for file in page.items:
        if not file.is_video:
            skipped.append(SkippedFile(file.id, f"not a video ({file.type or 'no type'})"))
        elif not file.url:
            state = "failed" if file.failed_task else "not finished"
            skipped.append(SkippedFile(file.id, f"no video address yet ({state})"))
        else:
            videos.append(file)
    return LibraryPage(videos, skipped, page.next, page.total)


class ProjectEntry(_Model):
    """IDataRead.ts: one data entry of a project; `value` may hold a `url` or
    a `file_id` to resolve through `GET file/{id}`."""

    id: str | None = None
    type: str | None = None
    project_id: str | None = None
    value: Annotated[dict[str, Any], BeforeValidator(lambda v: {} if v is None else v)] = Field(
        default_factory=dict
    )

    @property
    def video_url(self) -> str | None:
        url = self.value.get("url")
        if not isinstance(url, str) or not url:
            return None
        ctype = str(self.value.get("contentType") or self.value.get("content_type") or "")
        path = url.split("?", 1)[0].split("#", 1)[0].lower()
        if ctype.lower().startswith("video/") or path.endswith(VIDEO_EXTENSIONS):
            return url
        return None

    @property
    def file_id(self) -> str | None:
        ident = self.value.get("file_id")
        return ident if isinstance(ident, str) and ident else None


class ProjectObject(_Model):
    """IProjectRead.ts, the parts Framecast reads: data entries and tasks."""

    id: str
    data: Annotated[list[ProjectEntry], BeforeValidator(_none_to_empty_list)] = Field(
        default_factory=list
    )
    tasks: Annotated[list[Task], BeforeValidator(_none_to_empty_list)] = Field(default_factory=list)

    def video_urls(self) -> list[str]:
        return [url for entry in self.data if (url := entry.video_url)]

    def file_ids(self) -> list[str]:
        return [ident for entry in self.data if (ident := entry.file_id)]

    @property
    def failed_task(self) -> Task | None:
        """Any task that reports an error, in any case (the web app's rule)."""
        return next((t for t in self.tasks if t.state == "error"), None)


class CreatedGeneration(BaseModel):
    """What `generate-video` told us, whichever shape it used."""

    model_config = ConfigDict(frozen=True)

    file_id: str
    project_id: str | None = None
    file: FileObject | None = None


def _first_entry(data: dict[str, Any]) -> dict[str, Any]:
    entries = data.get("data")
    if isinstance(entries, list) and entries and isinstance(entries[0], dict):
        return entries[0]
    return {}


def parse_created(data: object) -> CreatedGeneration:
    """Read a create response: the current file object (IFileRead.ts), or an
    older shape with the id in `data[0].value.file_id`, `data[0].id` or a
    top-level `fileId` (the web app's order). The project id may sit on the
    tasks, in `data[0].value.project_id` or at the top level."""
    if not isinstance(data, dict):
        raise ProtocolError("generate-video answered with something that is not an object")
    file: FileObject | None = None
    if isinstance(data.get("id"), str) and data["id"]:
        try:
            file = FileObject.model_validate(data)
        except ValidationError as exc:
            raise ProtocolError(
                f"generate-video answer does not match the contract: {exc.errors()[0]['msg']}"
            ) from None
        file_id: object = file.id
        project_id: object = file.project_id
    else:
        entry = _first_entry(data)
        found = entry.get("value")
        value: dict[str, Any] = found if isinstance(found, dict) else {}
        file_id = value.get("file_id") or entry.get("id") or data.get("fileId")
        project_id = value.get("project_id")
    project_id = project_id or data.get("project_id") or data.get("projectId")
    if not isinstance(file_id, str) or not file_id:
        raise ProtocolError("generate-video answered without a file id")
    return CreatedGeneration(
        file_id=safe_id(file_id),
        project_id=safe_id(project_id) if isinstance(project_id, str) and project_id else None,
        file=file,
    )


# --------------------------------------------------------------------------- SSE messages


class RenderProgress(BaseModel):
    """`render_progress`: `value` as the server sent it (fraction or percent);
    the tracker normalises the scale per stream."""

    model_config = ConfigDict(frozen=True)
    type: Literal["render_progress"] = "render_progress"
    value: float | None = None
    message: str | None = None


class RenderResult(BaseModel):
    """`render_result`: the render is done. Its object may be a whole file
    (IFileRead.ts) or just `{url}` / `{file_url}`; `url` is the video."""

    model_config = ConfigDict(frozen=True)
    type: Literal["render_result"] = "render_result"
    url: str | None = None
    file: FileObject | None = None


class FileMessage(BaseModel):
    """`file` with a whole file object."""

    model_config = ConfigDict(frozen=True)
    type: Literal["file"] = "file"
    file: FileObject


class FileReference(BaseModel):
    """`file` (or a `render_result`) naming only a `file_id`: "look at the file
    now". Never a result or a failure by itself."""

    model_config = ConfigDict(frozen=True)
    type: Literal["file_reference"] = "file_reference"
    file_id: str


class TaskMessage(BaseModel):
    model_config = ConfigDict(frozen=True)
    type: Literal["task"] = "task"
    task: Task


class TaskStatusMessage(BaseModel):
    model_config = ConfigDict(frozen=True)
    type: Literal["task_status"] = "task_status"
    status: str


class ErrorMessage(BaseModel):
    """`error`: the render failed; `error` is the server's reason, None when it gave none."""

    model_config = ConfigDict(frozen=True)
    type: Literal["error"] = "error"
    error: str | None = None


class DataMessage(BaseModel):
    """`data` (IDataRead.ts) on a project channel: an entry that may hold a
    video `url` or a `file_id` to resolve."""

    model_config = ConfigDict(frozen=True)
    type: Literal["data"] = "data"
    entry: ProjectEntry


class UnknownMessage(BaseModel):
    """A type to ignore (`entity`, `scene`), an envelope whose `object` is a
    string (WSMessage.ts allows it; there is nothing to read), or a type nobody
    has documented. Kept so diagnostics can log it."""

    model_config = ConfigDict(frozen=True)
    type: str
    raw: dict[str, Any] = Field(default_factory=dict)


StreamMessage = (
    RenderProgress
    | RenderResult
    | FileMessage
    | FileReference
    | TaskMessage
    | TaskStatusMessage
    | ErrorMessage
    | DataMessage
    | UnknownMessage
)


def _text(*values: object) -> str | None:
    for value in values:
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _as_file(body: dict[str, Any]) -> FileObject | None:
    if not isinstance(body.get("id"), str):
        return None
    try:
        return FileObject.model_validate(body)
    except ValidationError:
        return None


def _render_progress(
    payload: dict[str, Any], body: dict[str, Any], data: dict[str, Any]
) -> RenderProgress:
    raw = body.get("progress", payload.get("progress", data.get("progress")))
    value = _number(raw)
    # A non-finite float says "no figure"; text or objects are a broken event.
    if value is None and raw is not None and not isinstance(raw, float):
        raise ProtocolError(f"render_progress with a progress that is not a number: {raw!r:.40}")
    message = _text(body.get("message"), data.get("message"), payload.get("message"))
    return RenderProgress(value=value, message=message)


def _render_result(payload: dict[str, Any], body: dict[str, Any]) -> RenderResult | FileReference:
    file = _as_file(body)
    url = _text(body.get("url"), body.get("file_url"), payload.get("url"))
    if url is not None or (file is not None and file.url):
        return RenderResult(url=url or (file.url if file else None), file=file)
    file_id = _text(body.get("file_id"), file.id if file else None)
    if file_id is not None:
        return FileReference(file_id=file_id)
    raise ProtocolError("render_result without a url")


def _file_event(body: dict[str, Any]) -> FileMessage | FileReference:
    if isinstance(body.get("id"), str):
        return FileMessage(file=FileObject.model_validate(body))
    file_id = _text(body.get("file_id"))
    if file_id is not None:
        return FileReference(file_id=file_id)
    raise ProtocolError("file event without an id or a file_id")


def parse_message(data: str | bytes | dict[str, Any]) -> StreamMessage:
    """Turn one SSE `data:` payload (WSMessage.ts: `{type, object}`) into a
    typed message.

    Raises ProtocolError for JSON that is malformed or lacks what its type
    needs; unknown types, and envelopes whose `object` is a string, come back
    as UnknownMessage."""
    payload = loads_bounded(data, what="event data") if isinstance(data, str | bytes) else data
    if not isinstance(payload, dict):
        raise ProtocolError("event data is not a JSON object")
    kind = payload.get("type")
    obj = payload.get("object")
    extra = payload.get("data")
    data_field: dict[str, Any] = extra if isinstance(extra, dict) else {}
    if kind == "error":
        reason = _text(
            payload.get("error"),
            obj if isinstance(obj, str) else None,
            obj.get("error") if isinstance(obj, dict) else None,
            obj.get("message") if isinstance(obj, dict) else None,
            data_field.get("error"),
        )
        return ErrorMessage(error=reason or None)
    if obj is not None and not isinstance(obj, dict):
        return UnknownMessage(type=str(kind) if kind is not None else "", raw=payload)
    body: dict[str, Any] = obj or {}
    try:
        if kind == "render_progress":
            return _render_progress(payload, body, data_field)
        if kind == "render_result":
            return _render_result(payload, body)
        if kind == "file":
            return _file_event(body)
        if kind == "task":
            return TaskMessage(task=Task.model_validate(body))
        if kind == "task_status":
            status = body.get("status", payload.get("status"))
            if not isinstance(status, str):
                raise ProtocolError("task_status without a status")
            return TaskStatusMessage(status=status)
        if kind == "data" and body:
            return DataMessage(entry=ProjectEntry.model_validate(body))
    except ValidationError as exc:
        raise ProtocolError(f"{kind} event does not match the contract: {exc}") from exc
    return UnknownMessage(type=str(kind) if kind is not None else "", raw=payload)
