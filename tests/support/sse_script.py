"""Scripted Server-Sent Events: the entries of a job's script and their wire form.

An `Event` is one entry of a `JobScript`: a JSON payload as the service sends
it (`{"type": ..., "object": {...}}`), raw `data:` text (malformed JSON,
oversized), or a comment. Payloads may hold the placeholders `$FILE_ID`,
`$PROJECT_ID`, `$TASK_ID` and `$RESULT_URL`, filled in per job when sent.
An event also moves the job's server-side state (what polling sees): progress
sets the file's progress, a result marks it done, `task` error or `error`
marks it failed. A `hidden` event moves the state without being streamed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Literal

FILE_ID = "$FILE_ID"
PROJECT_ID = "$PROJECT_ID"
TASK_ID = "$TASK_ID"
RESULT_URL = "$RESULT_URL"

JsonObject = Mapping[str, object]


@dataclass(frozen=True)
class Event:
    """One scripted entry: JSON `data` (a mapping), raw data text, or a comment."""

    data: JsonObject | str | None = None
    comment: str | None = None
    name: str | None = None  # an `event:` field; the service sends none
    hidden: bool = False  # changes what polling sees, never streamed
    id: str | None = None  # overrides the automatic id (its 1-based position)


@dataclass(frozen=True)
class Effect:
    """What an event does to the job as polling sees it."""

    progress: float | None = None
    outcome: Literal["done", "failed"] | None = None
    error: str | None = None


def fill(value: object, values: Mapping[str, str]) -> object:
    """`value` with every placeholder replaced, recursively."""
    if isinstance(value, str):
        for key, text in values.items():
            value = value.replace(key, text)
        return value
    if isinstance(value, Mapping):
        return {k: fill(v, values) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [fill(v, values) for v in value]
    return value


def effect_of(event: Event) -> Effect:
    data = event.data
    if not isinstance(data, Mapping):
        return Effect()
    kind = data.get("type")
    obj = data.get("object")
    body: Mapping[str, object] = obj if isinstance(obj, Mapping) else {}
    if kind == "render_progress":
        raw = body.get("progress", data.get("progress"))
        return Effect(progress=float(raw) if isinstance(raw, int | float) else None)
    if kind == "render_result":
        return Effect(outcome="done")
    if kind == "file" and body.get("url"):
        return Effect(outcome="done")
    if kind == "task":
        raw = body.get("progress")
        value = float(raw) if isinstance(raw, int | float) else None
        status = str(body.get("status", "")).lower()
        if status == "error":
            return Effect(outcome="failed", error=str(body.get("error") or "render failed"))
        return Effect(progress=value, outcome="done" if status == "completed" else None)
    if kind == "data":
        value_of = body.get("value")
        if isinstance(value_of, Mapping) and value_of.get("url"):
            return Effect(outcome="done")
    if kind == "task_status" and str(body.get("status", "")).upper() == "COMPLETED":
        return Effect(outcome="done")
    if kind == "error":
        return Effect(outcome="failed", error=str(data.get("error") or "render failed"))
    return Effect()


def encode(event: Event, event_id: str | None, values: Mapping[str, str]) -> bytes:
    """The wire bytes of one event (with `id:` when `event_id` is given)."""
    if event.comment is not None:
        return f": {event.comment}\n\n".encode()
    lines: list[str] = []
    if event.name:
        lines.append(f"event: {event.name}")
    if event.id is not None:
        event_id = event.id
    if event_id is not None:
        lines.append(f"id: {event_id}")
    if isinstance(event.data, Mapping):
        text = json.dumps(fill(event.data, values))
    else:
        text = str(fill(event.data or "", values))
    lines.extend(f"data: {line}" for line in text.split("\n"))
    return ("\n".join(lines) + "\n\n").encode()


def encode_stream(
    events: Iterable[Event],
    *,
    with_ids: bool = True,
    values: Mapping[str, str] | None = None,
    bom: bool = False,
) -> bytes:
    """A whole stream's bytes, e.g. to split into `raw_chunks` at will."""
    out = bytearray(b"\xef\xbb\xbf" if bom else b"")
    for index, event in enumerate(events):
        if not event.hidden:
            out += encode(event, str(index + 1) if with_ids else None, values or {})
    return bytes(out)


# --------------------------------------------------------------------------- helpers


def progress(value: float, message: str | None = None) -> Event:
    """`render_progress` with `object.progress` (0..1 or 0..100, as given)."""
    obj: dict[str, object] = {"progress": value}
    if message is not None:
        obj["message"] = message
    return Event({"type": "render_progress", "object": obj})


def progress_top_level(value: float) -> Event:
    """`render_progress` with `progress` beside `object`, as some servers send it."""
    return Event({"type": "render_progress", "progress": value, "object": {}})


def progress_text(text: str) -> Event:
    """`render_progress` with a string progress such as `"45%"`."""
    return Event({"type": "render_progress", "object": {"progress": text}})


def result(field: Literal["url", "file_url"] = "url") -> Event:
    """`render_result` pointing at the job's result URL."""
    return Event({"type": "render_result", "object": {field: RESULT_URL}})


def file_object(*, done: bool, status: str | None = None) -> dict[str, object]:
    """The job's file (IFileRead.ts, every field), finished or not."""
    status = status or ("completed" if done else "in_progress")
    return {
        "id": FILE_ID,
        "url": RESULT_URL if done else None,
        "thumbnail_url": None,
        "type": "video",
        "image_generation_id": None,
        "image_generation": None,
        "video_generation_id": f"vg-{FILE_ID}",
        "video_generation": None,
        "audio_generation_id": None,
        "audio_generation": None,
        "duration": 1.0 if done else None,
        "contentType": "video/mp4" if done else None,
        "tasks": [
            {
                "id": TASK_ID,
                "type": "video-generation-flow",
                "status": status,
                "file_id": FILE_ID,
                "project_id": PROJECT_ID,
            }
        ],
    }


def file_result() -> Event:
    """`file` with the finished file object (a result)."""
    return Event({"type": "file", "object": file_object(done=True)})


def file_update() -> Event:
    """`file` with the file object still in progress (not a result)."""
    return Event({"type": "file", "object": file_object(done=False)})


def render_result_file() -> Event:
    """`render_result` whose object is the whole finished file (IFileRead.ts)."""
    return Event({"type": "render_result", "object": file_object(done=True)})


def file_reference() -> Event:
    """`file` naming only the job's `file_id`: "look at the file now"."""
    return Event({"type": "file", "object": {"file_id": FILE_ID}})


def task_progress(value: float, *, result_url: bool = False) -> Event:
    """`task` with a `progress` (and, when done, a `result_url`), as some servers send."""
    obj: dict[str, object] = {
        "id": TASK_ID,
        "type": "video-generation-flow",
        "status": "completed" if result_url else "in_progress",
        "file_id": FILE_ID,
        "progress": value,
    }
    if result_url:
        obj["result_url"] = RESULT_URL
    return Event({"type": "task", "object": obj})


def string_object(kind: str = "render_progress") -> Event:
    """An envelope whose `object` is a string (WSMessage.ts allows it): skipped."""
    return Event({"type": kind, "object": "queued on worker 3"})


def data_entry(*, file_id: bool = True) -> Event:
    """`data` (IDataRead.ts) naming the job's file by id, or holding its url."""
    value: dict[str, object] = (
        {"file_id": FILE_ID} if file_id else {"url": RESULT_URL, "contentType": "video/mp4"}
    )
    return Event(
        {
            "type": "data",
            "object": {
                "id": "data-1",
                "type": "timeline",
                "project_id": PROJECT_ID,
                "value": value,
            },
        }
    )


def task_completed() -> Event:
    return Event(
        {"type": "task", "object": {"id": TASK_ID, "status": "completed", "file_id": FILE_ID}}
    )


def task_error(message: str = "render failed") -> Event:
    return Event(
        {
            "type": "task",
            "object": {"id": TASK_ID, "status": "error", "file_id": FILE_ID, "error": message},
        }
    )


def task_status(status: str = "COMPLETED") -> Event:
    return Event({"type": "task_status", "object": {"status": status, "task_id": TASK_ID}})


def error(message: str) -> Event:
    """`error` with the server's message in the top-level `error` string."""
    return Event({"type": "error", "error": message, "object": {}})


def unknown(kind: str = "scene") -> Event:
    """A type to ignore (`data`, `entity`, `scene`, or anything undocumented)."""
    return Event({"type": kind, "object": {"id": "x", "value": {"note": "ignore me"}}})


def raw(text: str) -> Event:
    """Raw `data:` text, e.g. malformed JSON or an empty data line."""
    return Event(text)


def oversized(size: int = 2 * 1024 * 1024, value: float = 0.5) -> Event:
    """A valid `render_progress` padded to about `size` bytes of data."""
    pad = "x" * size
    return Event(json.dumps({"type": "render_progress", "object": {"progress": value, "pad": pad}}))


def comment(text: str = "keepalive") -> Event:
    return Event(comment=text)


def hidden(event: Event) -> Event:
    """The same event, applied to the job's state but never streamed."""
    return replace(event, hidden=True)


def default_events() -> list[Event]:
    """A plain successful job: progress, then the result announced twice."""
    return [progress(0.25), progress(0.5), progress(0.75), result(), file_result()]
