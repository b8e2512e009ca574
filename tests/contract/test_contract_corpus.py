"""The contract corpus: every sample in tests/contract/ parsed the way the
client parses it, and what Framecast reads from each.

Each sample file wraps one wire body with the SDK (or web-app) files it was
written from (`_source`), what reads it (`kind`) and the expected outcome
(`expect`: "accept", or the name of the error the client must raise). The
first tests run over every file, so a new sample is checked as soon as it is
added; the later ones pin what the app takes from the important samples.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest

from app.api.client import SuperDuperClient
from app.api.errors import ApiError, PagingError, ProtocolError, UnsafeUrlError
from app.api.models import (
    Account,
    DataMessage,
    ErrorMessage,
    FileMessage,
    FileObject,
    FileReference,
    GenerationConfig,
    GenerationRequest,
    LibraryPage,
    Page,
    ProjectObject,
    RenderProgress,
    RenderResult,
    Style,
    TaskMessage,
    TaskStatusMessage,
    UnknownMessage,
    library_page,
    parse_created,
    parse_message,
    parse_page,
)
from app.cli.wording import api_error_text, unusable_reason
from tests.support.scripted_backend import ScriptedBackend

CORPUS = Path(__file__).resolve().parent
ERRORS: dict[str, type[ApiError]] = {
    "ProtocolError": ProtocolError,
    "PagingError": PagingError,
    "UnsafeUrlError": UnsafeUrlError,
}
PARSED_KINDS = {
    "page:generation-config",
    "page:style",
    "page:file",
    "file",
    "account",
    "create",
    "project",
    "event",
}
KINDS = PARSED_KINDS | {"request:generate-video", "request:http"}


@dataclass(frozen=True)
class Sample:
    name: str
    kind: str
    expect: str
    sources: list[str]
    body: Any
    raw: dict[str, Any]


def _load(path: Path) -> Sample:
    raw = json.loads(path.read_text(encoding="utf-8"))
    name = str(path.relative_to(CORPUS).with_suffix(""))
    return Sample(name, raw["kind"], raw["expect"], raw["_source"], raw["body"], raw)


SAMPLES = [_load(p) for p in sorted(CORPUS.rglob("*.json"))]


def sample(name: str) -> Sample:
    return next(s for s in SAMPLES if s.name == name)


def _answer(body: object, path: str = "/api/v1/file/x") -> httpx.Response:
    """An HTTP answer as the client receives it, for the client's own reader."""
    return httpx.Response(200, json=body, request=httpx.Request("GET", f"http://h{path}"))


def parse(kind: str, body: object) -> object:
    """Read `body` with the function the client uses for `kind`."""
    if kind == "page:generation-config":
        return parse_page(body, GenerationConfig, "generation-config")
    if kind == "page:style":
        return parse_page(body, Style, "style")
    if kind == "page:file":
        return library_page(parse_page(body, FileObject, "file"))
    if kind == "file":
        return SuperDuperClient._validate(_answer(body), FileObject)
    if kind == "account":
        return SuperDuperClient._validate(_answer(body, "/api/v1/user/me"), Account)
    if kind == "project":
        return SuperDuperClient._validate(_answer(body, "/api/v1/project/p"), ProjectObject)
    if kind == "create":
        return parse_created(body)
    if kind == "event":
        return parse_message(json.dumps(body))  # as the `data:` text of an event
    raise AssertionError(f"no reader for {kind}")


def accepted(name: str) -> Any:
    return parse(sample(name).kind, sample(name).body)


# --------------------------------------------------------------------------- every sample


def test_the_corpus_covers_every_area() -> None:
    areas = {s.name.split("/")[0] for s in SAMPLES}
    assert areas >= {
        "catalogue",
        "styles",
        "files",
        "library",
        "create",
        "account",
        "project",
        "events",
        "requests",
        "reject",
    }
    assert len([s for s in SAMPLES if s.expect != "accept"]) >= 10


@pytest.mark.parametrize("item", SAMPLES, ids=lambda s: s.name)
def test_every_sample_names_its_source_and_expectation(item: Sample) -> None:
    assert item.kind in KINDS
    assert item.expect == "accept" or item.expect in ERRORS
    assert item.sources and all(
        isinstance(p, str) and p.startswith(("packages/", "apps/")) for p in item.sources
    )
    assert any("/models/" in p or "/services/" in p for p in item.sources) or any(
        p.startswith("apps/") for p in item.sources
    )


@pytest.mark.parametrize(
    "item",
    [s for s in SAMPLES if s.expect == "accept" and s.kind in PARSED_KINDS],
    ids=lambda s: s.name,
)
def test_accepted_samples_parse(item: Sample) -> None:
    parsed = parse(item.kind, item.body)
    assert parsed is not None


@pytest.mark.parametrize("item", [s for s in SAMPLES if s.expect != "accept"], ids=lambda s: s.name)
def test_rejected_samples_raise_the_named_error(item: Sample) -> None:
    with pytest.raises(ERRORS[item.expect]) as info:
        parse(item.kind, item.body)
    error = info.value
    assert type(error) is ERRORS[item.expect]
    # An engineer's detail, and a sentence for people from the command line's wording.
    assert str(error) and api_error_text(error)


# --------------------------------------------------------------------------- catalogue


def test_a_first_page_has_a_cursor_and_fewer_items_than_asked() -> None:
    page = accepted("catalogue/page_first")
    assert isinstance(page, Page)
    assert [m.name for m in page.items] == [
        "comfyui/ltx",
        "google-cloud/veo2",
        "google-cloud/veo2-text2video",
    ]
    assert page.next is not None and (page.next.offset, page.next.limit) == (3, 3)
    assert page.total == 7 and page.skipped == []


@pytest.mark.parametrize(
    "name", ["catalogue/page_last", "catalogue/page_next_absent", "catalogue/page_empty"]
)
def test_a_last_page_ends_the_list(name: str) -> None:
    page = accepted(name)
    assert isinstance(page, Page) and page.next is None and page.skipped == []


# name: (usable, needs_image, needs_video, price per second, VIP, durations, display name)
VARIANTS: dict[str, tuple[bool, bool, bool, float | None, bool, list[int], str]] = {
    "google-cloud/veo3-text2video": (True, False, False, 3.0, False, [5, 6, 7, 8], "Veo 3 (text)"),
    "fal-ai/minimax/video-01/image-to-video": (
        True,
        True,
        False,
        1.2,  # params.price
        False,
        [5],
        "Minimax video 01 image to video (fal-ai)",  # no label: made from the name
    ),
    "fal-ai/kling-video/v2.1/pro/image-to-video": (
        True,
        True,
        False,
        2.0,  # top-level price
        True,  # params.is_vip
        [5, 10],
        "Kling 2.1 Pro",
    ),
    "azure-openai/sora": (
        True,
        False,
        False,
        None,  # no price anywhere: unknown, not free
        True,  # top-level vip_required
        [3, 5, 8, 10, 15, 20],  # from params.max_duration
        "Sora",
    ),
    "google-cloud/veo3": (True, True, False, None, True, [5, 6, 7, 8], "Veo 3"),
    "comfyui/free-preview": (True, False, False, 0.0, False, [2], "Free preview"),
    "fal-ai/restyle": (False, False, True, 0.5, False, [5], "Restyle"),
    "comfyui/flux": (False, False, False, 0.02, False, [], "Flux (comfyui)"),
    "azure-openai/gpt-image-1": (False, False, False, 0.04, True, [], "GPT image"),
    "fal-ai/stable-audio": (False, False, False, None, False, [], "Stable audio"),
    "future/hologram": (False, False, False, 9.0, False, [], "Hologram"),
}


def test_configs_of_every_type_price_and_vip_variant() -> None:
    page = accepted("catalogue/configs_every_variant")
    assert isinstance(page, Page) and page.skipped == []
    by_name = {m.name: m for m in page.items}
    assert set(by_name) == set(VARIANTS)
    for name, (usable, image, video, price, vip, durations, label) in VARIANTS.items():
        model = by_name[name]
        got = (
            model.usable,
            model.needs_image,
            model.needs_video,
            model.price_per_second,
            model.vip_required,
            model.available_durations,
            model.display_name,
        )
        assert got == (usable, image, video, price, vip, durations, label), name
        assert (unusable_reason(model) is None) is usable, name
    assert by_name["azure-openai/sora"].aspect_ratios == ["16:9", "1:1", "9:16"]
    assert by_name["azure-openai/sora"].max_duration == 20
    assert by_name["azure-openai/sora"].price_for(10) is None
    assert by_name["comfyui/free-preview"].price_for(2) == 0.0


def test_only_video_types_produce_video_and_no_image_or_audio_model_is_text_to_video() -> None:
    page = accepted("catalogue/configs_every_variant")
    kinds = {m.name: m for m in page.items}
    assert kinds["fal-ai/restyle"].produces_video and not kinds["fal-ai/restyle"].usable
    assert "source video" in str(unusable_reason(kinds["fal-ai/restyle"]))
    for name in ("comfyui/flux", "azure-openai/gpt-image-1"):
        assert not kinds[name].produces_video
        assert "pictures" in str(unusable_reason(kinds[name]))
    assert "sound" in str(unusable_reason(kinds["fal-ai/stable-audio"]))
    assert not kinds["future/hologram"].produces_video
    assert "text_to_hologram" in str(unusable_reason(kinds["future/hologram"]))


def test_malformed_items_are_skipped_not_the_page() -> None:
    page = accepted("catalogue/page_with_malformed_items")
    assert isinstance(page, Page)
    assert [m.name for m in page.items] == ["google-cloud/veo2-text2video", "ok/null-params"]
    assert len(page.skipped) == 4
    reasons = " | ".join(page.skipped)
    assert "item 1" in reasons and "name" in reasons
    assert "item 2: not an object" in reasons
    assert "bad/params" in reasons and "params" in reasons


def test_styles_with_null_titles_thumbnails_and_tags() -> None:
    page = accepted("styles/page_with_nulls")
    assert isinstance(page, Page) and page.next is not None and page.total == 240
    watercolor, steampunk, anime, noir = page.items
    assert watercolor.display_name == "Watercolor" and watercolor.tags == ["painting", "soft"]
    assert (steampunk.title, steampunk.thumbnail, steampunk.tags) == (None, None, [])
    assert steampunk.display_name == "Flux steampunk"
    assert anime.display_name == "Anime" and anime.tags == []
    assert noir.tags == ["monochrome"]  # a tag that is not text is dropped


# --------------------------------------------------------------------------- files


def test_file_in_progress_with_a_14_digit_seed_and_null_frame_size() -> None:
    file = accepted("files/in_progress")
    assert isinstance(file, FileObject)
    assert not file.is_video_result and file.is_video and file.failed_task is None
    assert file.project_id == "55aa66bb-0000-4000-8000-000000000003"
    generation = file.video_generation
    assert generation is not None and generation.seed == 48213950267315
    assert (generation.width, generation.height, generation.aspect_ratio) == (None, None, None)
    assert file.duration is None and file.image_generation is None


def test_file_done_and_failed() -> None:
    done = accepted("files/done")
    assert isinstance(done, FileObject) and done.is_video_result and done.duration == 5.0
    failed = accepted("files/failed")
    assert isinstance(failed, FileObject) and not failed.is_video_result
    assert failed.failed_task is not None
    assert failed.failed_task.error_text == "content policy violation"
    upload = accepted("files/upload_image")
    assert isinstance(upload, FileObject) and upload.type == "image"
    assert not upload.is_video and upload.tasks == []


def test_library_keeps_finished_videos_and_says_why_the_rest_are_left_out() -> None:
    page = accepted("library/page")
    assert isinstance(page, LibraryPage)
    assert [v.id for v in page.videos] == ["vid-done", "vid-old"]
    reasons = {s.id: s.reason for s in page.skipped}
    assert reasons == {
        "vid-running": "no video address yet (not finished)",
        "vid-failed": "no video address yet (failed)",
        "img-1": "not a video (image)",
        "voice-1": "not a video (voiceover)",
    }
    assert page.next is not None and page.next.offset == 6 and page.total == 57


# --------------------------------------------------------------------------- create


@pytest.mark.parametrize(
    ("name", "file_id", "project_id"),
    [
        (
            "create/current",
            "3f2b1c9a-7d4e-4a8b-9c21-5e6f7a8b9c0d",
            "55aa66bb-0000-4000-8000-000000000003",
        ),
        (
            "create/current_project_top_level",
            "3f2b1c9a-7d4e-4a8b-9c21-5e6f7a8b9c0d",
            "55aa66bb-0000-4000-8000-000000000003",
        ),
        ("create/legacy_value_file_id", "file-legacy-0001", "proj-legacy-0001"),
        ("create/legacy_entry_id", "file-from-entry-id", "proj-legacy-top"),
        ("create/legacy_top_level_file_id", "file-top-level-0001", "proj-top-level-0001"),
    ],
)
def test_every_create_shape_gives_the_file_and_project_ids(
    name: str, file_id: str, project_id: str
) -> None:
    created = accepted(name)
    assert (created.file_id, created.project_id) == (file_id, project_id)
    assert (created.file is not None) is name.startswith("create/current")


# --------------------------------------------------------------------------- account, project


def test_account_in_iuserread_shape() -> None:
    me = accepted("account/me")
    assert isinstance(me, Account)
    assert (me.balance, me.vip, me.admin) == (12.5, True, False)
    assert "creator@example.com" not in repr(me) and "creator@example.com" not in str(me)
    bare = accepted("account/me_required_only")
    assert (bare.balance, bare.vip) == (None, False)


def test_projects_give_a_video_url_a_file_to_resolve_or_a_failure() -> None:
    with_url = accepted("project/with_video_url")
    assert with_url.video_urls() == ["https://cdn.superduperai.example/render/a.bin"]
    assert with_url.failed_task is None
    with_file = accepted("project/with_file_id")
    assert with_file.video_urls() == [] and with_file.file_ids() == [
        "3f2b1c9a-7d4e-4a8b-9c21-5e6f7a8b9c0d"
    ]
    failed = accepted("project/failed")
    assert failed.failed_task is not None and failed.failed_task.state == "error"


# --------------------------------------------------------------------------- events


def test_progress_events_keep_the_value_and_find_the_message() -> None:
    cases = {
        "events/render_progress_fraction": (0.42, "Rendering frames"),
        "events/render_progress_percent": (40.0, None),
        "events/render_progress_top_level": (0.7, "Almost there"),
        "events/render_progress_data_message": (0.25, "Upscaling"),
    }
    for name, (value, message) in cases.items():
        event = accepted(name)
        assert isinstance(event, RenderProgress), name
        assert (event.value, event.message) == (value, message), name


def test_result_events() -> None:
    for name, url in (
        ("events/render_result_url", "https://cdn.superduperai.example/out/clip.mp4"),
        ("events/render_result_file_url", "https://cdn.superduperai.example/out/clip2.mp4"),
    ):
        event = accepted(name)
        assert isinstance(event, RenderResult) and event.url == url and event.file is None
    whole = accepted("events/render_result_file_object")
    assert isinstance(whole, RenderResult) and whole.file is not None
    assert whole.url == whole.file.url and whole.file.duration == 5.0
    file = accepted("events/file_object")
    assert isinstance(file, FileMessage) and file.file.is_video_result
    running = accepted("events/file_in_progress")
    assert isinstance(running, FileMessage) and not running.file.is_video_result


def test_a_file_event_with_only_a_file_id_is_a_reference() -> None:
    event = accepted("events/file_id_only")
    assert isinstance(event, FileReference)
    assert event.file_id == "3f2b1c9a-7d4e-4a8b-9c21-5e6f7a8b9c0d"


def test_task_events() -> None:
    progress = accepted("events/task_progress")
    assert isinstance(progress, TaskMessage)
    assert (progress.task.state, progress.task.progress) == ("in_progress", 40.0)
    done = accepted("events/task_result_url")
    assert isinstance(done, TaskMessage) and done.task.state == "completed"
    assert done.task.result_url == "https://cdn.superduperai.example/result.mp4"
    failed = accepted("events/task_error")
    assert isinstance(failed, TaskMessage) and failed.task.error_text == "no GPU available"
    upper = accepted("events/task_error_upper_case_project")
    assert isinstance(upper, TaskMessage) and upper.task.state == "error"
    assert isinstance(accepted("events/task_status_completed"), TaskStatusMessage)


def test_error_data_and_ignored_events() -> None:
    error = accepted("events/error")
    assert isinstance(error, ErrorMessage) and "content policy" in error.error
    from_string = accepted("events/error_string_object")
    assert isinstance(from_string, ErrorMessage) and from_string.error == "worker crashed"
    by_id = accepted("events/data_file_id")
    assert isinstance(by_id, DataMessage) and by_id.entry.file_id is not None
    by_url = accepted("events/data_video_url")
    assert isinstance(by_url, DataMessage) and by_url.entry.video_url is not None
    for name in ("events/string_object", "events/entity", "events/scene"):
        assert isinstance(accepted(name), UnknownMessage), name


# --------------------------------------------------------------------------- requests


@pytest.mark.parametrize(
    "item", [s for s in SAMPLES if s.kind == "request:generate-video"], ids=lambda s: s.name
)
def test_generate_video_payloads(item: Sample) -> None:
    request = GenerationRequest.model_validate(item.raw["request"])
    payload = request.to_payload()
    assert payload == item.body
    # The seed goes as a JSON integer, exactly.
    text = json.dumps(payload)
    seed = item.body["config"].get("seed")
    if seed is not None:
        assert f'"seed": {seed}' in text


@pytest.mark.parametrize(
    "item", [s for s in SAMPLES if s.kind == "request:http"], ids=lambda s: s.name
)
def test_the_client_sends_these_requests(item: Sample, scripted_backend: ScriptedBackend) -> None:
    scripted_backend.account = accepted("account/me_required_only").model_dump()
    scripted_backend.library = [dict(sample("files/deleted").body, id="lib-0001")]
    args = item.raw.get("args", {})

    async def call() -> None:
        async with SuperDuperClient(scripted_backend.url, scripted_backend.token) as client:
            await getattr(client, item.raw["call"])(**args)

    asyncio.run(call())
    wanted = item.body
    sent = [r for r in scripted_backend.requests if r.path == wanted["path"]]
    assert sent, f"nothing sent to {wanted['path']}"
    first = sent[0]
    assert first.method == wanted["method"]
    assert parse_qsl(first.query, keep_blank_values=True) == [tuple(q) for q in wanted["query"]]
