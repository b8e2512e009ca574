"""The contract models against fixtures of every shape in superduperai-api.md.

Fixtures live in `tests/fixtures/`; each test reads one and checks the
normalised view the rest of Framecast relies on.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from app.api.errors import ProtocolError, UnsafeUrlError
from app.api.models import (
    Account,
    ErrorMessage,
    FileMessage,
    FileObject,
    GenerationConfig,
    GenerationRequest,
    Page,
    ProjectObject,
    RenderProgress,
    RenderResult,
    Style,
    TaskMessage,
    TaskStatusMessage,
    UnknownMessage,
    aspect_of,
    parse_created,
    parse_message,
    safe_id,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def load(name: str) -> dict[str, object]:
    data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def sse(name: str) -> dict[str, object]:
    message = load("sse_messages.json")[name]
    assert isinstance(message, dict)
    return message


# --------------------------------------------------------------------------- catalogue


def test_catalogue_page_lists_every_model_with_prices_and_durations() -> None:
    page = Page[GenerationConfig].model_validate(load("catalogue.json"))
    by_name = {m.name: m for m in page.items}
    assert len(by_name) == 9 and page.total == 9
    ltx = by_name["comfyui/ltx"]
    assert (ltx.type, ltx.price_per_second, ltx.available_durations) == ("image_to_video", 0.4, [5])
    assert ltx.needs_image
    assert ltx.price_for(5) == 2.0
    veo2 = by_name["google-cloud/veo2-text2video"]
    assert not veo2.needs_image
    assert veo2.available_durations == [5, 6, 7, 8]
    assert veo2.price_for(8) == 16.0
    assert veo2.display_name == "Veo 2 (text)"
    assert by_name["fal-ai/minimax/video-01/image-to-video"].price_per_second == 1.2


@pytest.mark.parametrize(
    ("name", "vip"),
    [
        ("google-cloud/veo3-text2video", True),  # top level
        ("google-cloud/veo3", True),  # inside params
        ("azure-openai/sora", True),  # inside params, with other params
        ("fal-ai/kling-video/v2.1/pro/image-to-video", True),
        ("comfyui/ltx", False),  # explicit false at top level
        ("fal-ai/minimax/video-01/image-to-video", False),  # null at top level
        ("google-cloud/veo2", False),  # absent
    ],
)
def test_catalogue_vip_required_at_top_level_or_in_params(name: str, vip: bool) -> None:
    page = Page[GenerationConfig].model_validate(load("catalogue.json"))
    model = next(m for m in page.items if m.name == name)
    assert model.vip_required is vip


def test_catalogue_keeps_unknown_fields_and_tolerates_missing_params() -> None:
    page = Page[GenerationConfig].model_validate(load("catalogue.json"))
    sora = next(m for m in page.items if m.name == "azure-openai/sora")
    assert sora.model_extra is not None and "created_at" in sora.model_extra
    bare = GenerationConfig.model_validate({"name": "x/y", "params": None})
    assert (bare.price_per_second, bare.available_durations, bare.vip_required) == (0.0, [], False)
    assert bare.display_name == "x/y"


def test_catalogue_item_without_name_is_a_clear_error() -> None:
    with pytest.raises(ValidationError) as info:
        GenerationConfig.model_validate({"label": "nameless", "params": {}})
    assert info.value.errors()[0]["loc"] == ("name",)


def test_styles_page() -> None:
    page = Page[Style].model_validate(load("styles.json"))
    watercolor, steampunk, anime = page.items
    assert watercolor.tags == ["painting", "soft"]
    assert watercolor.display_name == "Watercolor"
    assert steampunk.tags == [] and steampunk.thumbnail is None
    assert anime.display_name == "anime"


def test_account_tolerates_extra_fields() -> None:
    account = Account.model_validate(load("account.json"))
    assert (account.balance, account.vip, account.admin) == (12.5, True, False)
    assert Account.model_validate({}).balance is None


# --------------------------------------------------------------------------- create response


def test_create_response_current_shape() -> None:
    created = parse_created(load("create_current.json"))
    assert created.file_id == "3f2b1c9a-7d4e-4a8b-9c21-5e6f7a8b9c0d"
    assert created.project_id == "p-55aa66bb-0000-4000-8000-000000000003"
    assert created.file is not None
    assert created.file.tasks[0].status == "in_progress"
    assert created.file.video_generation is not None
    assert created.file.video_generation["prompt"] == "a red fox running through snow"


def test_create_response_legacy_shape_reads_value_file_id() -> None:
    created = parse_created(load("create_legacy.json"))
    assert (created.file_id, created.project_id) == ("file-legacy-0001", "proj-legacy-0001")
    assert created.file is None


def test_create_response_legacy_shape_without_value_file_id_uses_entry_id() -> None:
    created = parse_created(load("create_legacy_no_file_id.json"))
    assert (created.file_id, created.project_id) == ("file-from-entry-id", "proj-legacy-top")


@pytest.mark.parametrize(
    "body",
    [
        [],
        "text",
        {"data": []},
        {"data": [{"value": {}}]},
        {"data": ["not-an-object"]},
        {"url": None, "tasks": []},  # current shape without an id
        {"data": {"id": "x"}},  # data is not a list
        {"data": [{"id": None, "value": "oops"}]},
    ],
)
def test_create_response_without_a_file_id_is_a_protocol_error(body: object) -> None:
    with pytest.raises(ProtocolError):
        parse_created(body)


@pytest.mark.parametrize(
    "body",
    [
        {"id": "../etc/passwd", "tasks": []},
        {"id": "ok-id", "tasks": [{"project_id": "a/b"}]},
        {"data": [{"id": "x", "value": {"file_id": "%2e%2e"}}]},
    ],
)
def test_create_response_with_hostile_ids_is_refused(body: object) -> None:
    with pytest.raises(UnsafeUrlError):
        parse_created(body)


# --------------------------------------------------------------------------- file and project


def test_file_in_progress() -> None:
    file = FileObject.model_validate(load("file_in_progress.json"))
    assert not file.is_video_result
    assert file.failed_task is None
    assert file.project_id == "p-55aa66bb"
    assert file.progress == 35


def test_file_done() -> None:
    file = FileObject.model_validate(load("file_done.json"))
    assert file.is_video_result
    assert file.content_type == "video/mp4"
    assert file.failed_task is None
    assert file.model_extra is not None and file.model_extra["duration"] == 5.0


def test_file_failed_when_last_task_is_error() -> None:
    file = FileObject.model_validate(load("file_failed.json"))
    assert not file.is_video_result
    failed = file.failed_task
    assert failed is not None and failed.id == "9e8d7c6b"
    assert failed.model_extra is not None
    assert failed.model_extra["error"] == "content policy violation"


def test_file_is_not_failed_when_an_earlier_task_erred_but_the_last_did_not() -> None:
    file = FileObject.model_validate(
        {"id": "f", "tasks": [{"status": "error"}, {"status": "in_progress"}]}
    )
    assert file.failed_task is None


@pytest.mark.parametrize(
    ("fields", "is_video"),
    [
        ({"url": "https://h/x.MP4"}, True),
        ({"url": "https://h/x.webm?sig=1#t=2"}, True),
        ({"url": "https://h/x.mkv"}, True),
        ({"url": "https://h/blob", "contentType": "video/quicktime"}, True),
        ({"url": "https://h/blob", "content_type": "video/mp4"}, True),
        ({"url": "https://h/blob", "type": "video"}, True),
        ({"url": "https://h/thumb.jpg", "contentType": "image/jpeg", "type": "image"}, False),
        ({"url": None, "type": "video", "contentType": "video/mp4"}, False),
        ({"url": "", "type": "video"}, False),
    ],
)
def test_file_video_result_detection(fields: dict[str, object], is_video: bool) -> None:
    assert FileObject.model_validate({"id": "f", **fields}).is_video_result is is_video


def test_file_with_null_tasks_and_missing_id() -> None:
    assert FileObject.model_validate({"id": "f", "tasks": None}).tasks == []
    with pytest.raises(ValidationError) as info:
        FileObject.model_validate({"url": "https://h/x.mp4"})
    assert info.value.errors()[0]["loc"] == ("id",)


def test_project_lists_video_entries_by_content_type_or_extension() -> None:
    project = ProjectObject.model_validate(load("project.json"))
    assert project.video_urls() == [
        "https://cdn.example/render/a.bin",
        "https://cdn.example/render/b.WEBM?x=1",
        "https://cdn.example/render/c.mov",
    ]
    assert project.tasks[0].status == "completed"
    assert ProjectObject.model_validate({"id": "p", "data": None}).video_urls() == []


# --------------------------------------------------------------------------- SSE messages


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("render_progress_fraction", 0.42, "Rendering frames"),
        ("render_progress_percent", 42.0, "42%"),
        ("render_progress_top_level", 0.7, "almost"),
        ("render_progress_string", 55.0, None),
        ("render_progress_no_value", None, "queued"),
    ],
)
def test_render_progress_keeps_the_value_as_sent(
    name: str, value: float | None, message: str | None
) -> None:
    msg = parse_message(sse(name))
    assert isinstance(msg, RenderProgress)
    assert msg.value == value
    assert msg.message == message


def test_render_progress_that_is_not_a_number_is_a_protocol_error() -> None:
    with pytest.raises(ProtocolError, match="not a number"):
        parse_message(sse("render_progress_not_a_number"))


@pytest.mark.parametrize(
    ("name", "url"),
    [
        ("render_result_url", "https://cdn.example/out/clip.mp4"),
        ("render_result_file_url", "https://cdn.example/out/clip2.mp4"),
    ],
)
def test_render_result_url_or_file_url(name: str, url: str) -> None:
    msg = parse_message(sse(name))
    assert isinstance(msg, RenderResult)
    assert msg.url == url


def test_render_result_without_url_is_a_clear_error() -> None:
    with pytest.raises(ProtocolError, match="render_result without a url"):
        parse_message(sse("render_result_no_url"))


@pytest.mark.parametrize(
    ("name", "is_result"),
    [
        ("file_result", True),
        ("file_result_content_type", True),
        ("file_not_result", False),
        ("file_image", False),
    ],
)
def test_file_message(name: str, is_result: bool) -> None:
    msg = parse_message(sse(name))
    assert isinstance(msg, FileMessage)
    assert msg.file.is_video_result is is_result


def test_file_message_without_id_is_a_clear_error() -> None:
    with pytest.raises(ProtocolError, match="file event"):
        parse_message(sse("file_without_id"))


@pytest.mark.parametrize(
    ("name", "status"), [("task_completed", "completed"), ("task_error", "error")]
)
def test_task_message(name: str, status: str) -> None:
    msg = parse_message(sse(name))
    assert isinstance(msg, TaskMessage)
    assert (msg.task.status, msg.task.file_id) == (status, "file-1")


def test_task_status_message() -> None:
    msg = parse_message(sse("task_status_completed"))
    assert isinstance(msg, TaskStatusMessage)
    assert msg.status == "COMPLETED"
    with pytest.raises(ProtocolError, match="task_status without a status"):
        parse_message(sse("task_status_missing"))


def test_error_message_carries_the_servers_text() -> None:
    msg = parse_message(sse("error"))
    assert isinstance(msg, ErrorMessage)
    assert msg.error == "The model refused the prompt: content policy"
    fallback = parse_message(sse("error_without_text"))
    assert isinstance(fallback, ErrorMessage) and fallback.error


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("data", "data"),
        ("entity", "entity"),
        ("scene", "scene"),
        ("unknown", "hologram_ready"),
        ("no_type", ""),
    ],
)
def test_ignored_and_unknown_types_are_kept_as_unknown(name: str, kind: str) -> None:
    msg = parse_message(sse(name))
    assert isinstance(msg, UnknownMessage)
    assert msg.type == kind
    assert msg.raw == sse(name)


def test_parse_message_accepts_text_bytes_and_dicts_alike() -> None:
    payload = sse("render_progress_fraction")
    text = json.dumps(payload)
    assert parse_message(text) == parse_message(text.encode()) == parse_message(payload)


@pytest.mark.parametrize("data", ["{not json", "", "[1, 2]", "42", b"\xff\xfe", "null"])
def test_malformed_event_data_is_a_protocol_error(data: str | bytes) -> None:
    with pytest.raises(ProtocolError):
        parse_message(data)


def test_every_fixture_message_parses_or_fails_as_protocol_error_only() -> None:
    for name, payload in load("sse_messages.json").items():
        try:
            parse_message(payload)  # type: ignore[arg-type]
        except ProtocolError:
            assert (
                "no_url" in name
                or "not_a_number" in name
                or "missing" in name
                or "without_id" in name
            ), name


# --------------------------------------------------------------------------- safe ids


@pytest.mark.parametrize(
    "value",
    [
        "3f2b1c9a-7d4e-4a8b-9c21-5e6f7a8b9c0d",
        "file_1",
        "A",
        "x" * 128,
    ],
)
def test_safe_id_accepts_url_safe_tokens(value: str) -> None:
    assert safe_id(value) == value


@pytest.mark.parametrize(
    "value",
    [
        "../x",
        "a/b",
        "%2e%2e",
        "",
        "x" * 200,
        "fïle",
        "ｆｉｌｅ",
        "a b",
        "a?b",
        "a#b",
        "..",
        "abc\n",
        "abc\r\n",
        "\nabc",
        "a\\b",
        "ok\x00",
    ],
)
def test_safe_id_refuses_anything_else(value: str) -> None:
    with pytest.raises(UnsafeUrlError):
        safe_id(value)


def test_safe_id_error_does_not_echo_a_long_value_in_full() -> None:
    with pytest.raises(UnsafeUrlError) as info:
        safe_id("y" * 500)
    assert len(str(info.value)) < 200


# --------------------------------------------------------------------------- requests


def valid_request(**overrides: object) -> dict[str, object]:
    base: dict[str, object] = {
        "prompt": "a lighthouse at dusk",
        "generation_config_name": "local/sketch-t2v",
        "duration": 5,
    }
    base.update(overrides)
    return base


@pytest.mark.parametrize(
    ("overrides", "field", "text"),
    [
        ({"prompt": ""}, "prompt", "empty"),
        ({"prompt": "   \n"}, "prompt", "empty"),
        ({"prompt": "x" * 2001}, "prompt", "longer than"),
        ({"aspect_ratio": "16/9"}, "aspect_ratio", "16:9"),
        ({"aspect_ratio": "0:9"}, "aspect_ratio", "16:9"),
        ({"aspect_ratio": "wide"}, "aspect_ratio", "16:9"),
        ({"aspect_ratio": "16:9\n"}, "aspect_ratio", "16:9"),
        ({"frame_rate": 25}, "frame_rate", "24, 30, 60"),
        ({"shot_size": "very_close"}, "shot_size", "close_up"),
        ({"duration": 0}, "duration", "greater than or equal"),
        ({"seed": -1}, "seed", "greater than or equal"),
    ],
)
def test_generation_request_validation(overrides: dict[str, object], field: str, text: str) -> None:
    with pytest.raises(ValidationError) as info:
        GenerationRequest.model_validate(valid_request(**overrides))
    errors = info.value.errors()
    assert [e["loc"] for e in errors] == [(field,)]
    assert text in errors[0]["msg"]


def test_generation_request_missing_fields_are_named() -> None:
    with pytest.raises(ValidationError) as info:
        GenerationRequest.model_validate({"prompt": "x"})
    assert {e["loc"] for e in info.value.errors()} == {("generation_config_name",), ("duration",)}


def test_to_payload_text_to_video_shape() -> None:
    request = GenerationRequest.model_validate(
        valid_request(prompt="  a fox  ", seed=7, shot_size="close_up")
    )
    assert request.to_payload() == {
        "config": {
            "prompt": "a fox",
            "negative_prompt": "",
            "generation_config_name": "local/sketch-t2v",
            "duration": 5,
            "aspect_ratio": "16:9",
            "width": 1280,
            "height": 720,
            "seed": 7,
            "frame_rate": 24,
            "shot_size": "close_up",
        }
    }
    json.dumps(request.to_payload())


def test_to_payload_image_to_video_has_source_reference() -> None:
    request = GenerationRequest.model_validate(
        valid_request(
            generation_config_name="local/animate-i2v",
            style_name="watercolor",
            references=[{"reference_id": "upload-1"}],
            width=1080,
            height=1920,
            aspect_ratio="9:16",
            frame_rate=30,
        )
    )
    config = request.to_payload()["config"]
    assert isinstance(config, dict)
    assert config["references"] == [{"type": "source", "reference_id": "upload-1"}]
    assert (config["width"], config["height"], config["aspect_ratio"]) == (1080, 1920, "9:16")
    assert config["style_name"] == "watercolor" and config["frame_rate"] == 30
    assert "seed" not in config and "shot_size" not in config


@pytest.mark.parametrize(
    ("size", "aspect"),
    [
        ((1280, 720), "16:9"),
        ((1920, 1080), "16:9"),
        ((854, 480), "16:9"),
        ((1024, 1024), "1:1"),
        ((768, 1024), "3:4"),
        ((1080, 1920), "9:16"),
    ],
)
def test_aspect_of_offered_resolutions(size: tuple[int, int], aspect: str) -> None:
    assert aspect_of(*size) == aspect
