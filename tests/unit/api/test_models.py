"""The contract models' rules on small inputs: where a price, a VIP flag or a
duration may sit, names for items without a label, cursors, create
responses and SSE envelopes. Whole wire samples are in tests/contract/."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from app.api.bounded_json import JsonLimitError
from app.api.errors import PagingError, ProtocolError, UnsafeUrlError
from app.api.models import (
    MAX_SEED,
    Account,
    ErrorMessage,
    FileMessage,
    FileObject,
    FileReference,
    GenerationConfig,
    GenerationRequest,
    ProjectObject,
    RenderProgress,
    RenderResult,
    Style,
    UnknownMessage,
    aspect_of,
    parse_created,
    parse_cursor,
    parse_message,
    parse_page,
    readable_name,
    safe_id,
)
from app.cli.wording import unusable_reason

# --------------------------------------------------------------------------- catalogue


def config(**fields: object) -> GenerationConfig:
    return GenerationConfig.model_validate(
        {"name": "x/y", "type": "text_to_video", "source": "local", **fields}
    )


@pytest.mark.parametrize(
    ("fields", "price"),
    [
        ({"params": {"price_per_second": 2, "price": 9}, "price": 7}, 2.0),
        ({"params": {"price": 1.5}, "price": 7}, 1.5),
        ({"params": {}, "price": 0.4}, 0.4),
        ({"params": {"price_per_second": None, "price": None}, "price": 3}, 3.0),
        ({"params": {"price_per_second": 0}}, 0.0),
        ({"params": {"price_per_second": "0.25"}}, 0.25),
        ({"params": {}}, None),
        ({"params": None}, None),
        ({"params": {"price_per_second": -1}}, None),
        ({"params": {"price_per_second": True}}, None),
        ({"params": {"price": "cheap"}}, None),
    ],
)
def test_price_is_read_in_the_web_apps_order_and_unknown_is_none(
    fields: dict[str, object], price: float | None
) -> None:
    model = config(**fields)
    assert model.price_per_second == price
    assert model.price_known is (price is not None)
    assert model.price_for(4) == (None if price is None else round(price * 4, 4))


@pytest.mark.parametrize(
    ("fields", "vip"),
    [
        ({"params": {"vip_required": True}}, True),
        ({"params": {}, "vip_required": True}, True),
        ({"params": {"is_vip": True}}, True),
        ({"params": {"vip_required": "true"}}, True),
        ({"params": {"vip_required": None}, "vip_required": None}, False),
        ({"params": {"vip_required": False, "is_vip": False}}, False),
        ({"params": {}}, False),
    ],
)
def test_vip_in_any_of_its_three_places(fields: dict[str, object], vip: bool) -> None:
    assert config(**fields).vip_required is vip


@pytest.mark.parametrize(
    ("params", "durations", "longest"),
    [
        ({"available_durations": [8, 5, 5, 6.0, "7", -1, 0, True]}, [5, 6, 8], None),
        ({"max_duration": 12}, [3, 5, 8, 10, 12], 12),
        ({"max_duration": 5}, [3, 5], 5),
        ({"max_duration": 2}, [2], 2),
        ({"available_durations": [4], "max_duration": 10}, [4], 10),
        ({"available_durations": None}, [], None),
        ({"max_duration": "long"}, [], None),
    ],
)
def test_durations_from_the_list_else_from_the_maximum(
    params: dict[str, object], durations: list[int], longest: int | None
) -> None:
    model = config(params=params)
    assert model.available_durations == durations
    assert model.max_duration == longest


def test_aspect_ratios_keep_only_well_formed_ones() -> None:
    model = config(params={"aspect_ratios": ["16:9", "wide", 3, "9:16"]})
    assert model.aspect_ratios == ["16:9", "9:16"]


@pytest.mark.parametrize(
    ("kind", "usable", "video", "why"),
    [
        ("text_to_video", True, True, None),
        ("image_to_video", True, True, None),
        ("video_to_video", False, True, "source video"),
        ("text_to_image", False, False, "pictures"),
        ("image_to_image", False, False, "pictures"),
        ("text_to_audio", False, False, "sound"),
        ("text_to_smell", False, False, "does not know"),
        (None, False, False, "does not say"),
    ],
)
def test_only_text_and_image_to_video_are_usable(
    kind: str | None, usable: bool, video: bool, why: str | None
) -> None:
    model = config(type=kind)
    assert (model.usable, model.produces_video) == (usable, video)
    if why is None:
        assert unusable_reason(model) is None
    else:
        assert why in str(unusable_reason(model))


@pytest.mark.parametrize(
    ("name", "readable"),
    [
        ("google-cloud/veo2-text2video", "Veo2 text2video (google-cloud)"),
        ("comfyui/ltx", "Ltx (comfyui)"),
        ("fal-ai/kling-video/v2.1/pro", "Kling video v2.1 pro (fal-ai)"),
        ("flux_steampunk", "Flux steampunk"),
        ("anime", "Anime"),
        ("/", "/"),
    ],
)
def test_readable_names_for_items_without_a_label(name: str, readable: str) -> None:
    assert readable_name(name) == readable


@pytest.mark.parametrize("label", [None, "", "   "])
def test_a_config_without_a_label_shows_a_name_made_from_its_name(label: str | None) -> None:
    model = config(name="google-cloud/veo2", label=label)
    assert model.label is None and model.display_name == "Veo2 (google-cloud)"
    assert config(label=" Veo 2 ").display_name == "Veo 2"


def test_configs_built_in_python_keep_their_fields() -> None:
    model = GenerationConfig(
        name="t/m", label="M", price_per_second=1.0, available_durations=[5], vip_required=True
    )
    assert (model.price_per_second, model.available_durations, model.vip_required) == (
        1.0,
        [5],
        True,
    )
    assert GenerationConfig(name="t/free").price_per_second is None


def test_a_config_needs_a_name_and_params_that_are_an_object() -> None:
    with pytest.raises(ValidationError) as info:
        GenerationConfig.model_validate({"label": "nameless", "params": {}})
    assert info.value.errors()[0]["loc"] == ("name",)
    with pytest.raises(ValidationError) as info:
        GenerationConfig.model_validate({"name": "x", "params": [1]})
    assert info.value.errors()[0]["loc"] == ("params",)


def test_style_nulls() -> None:
    style = Style.model_validate({"name": "ink_wash", "title": None, "tags": None})
    assert (style.display_name, style.tags, style.thumbnail) == ("Ink wash", [], None)


def test_account_needs_the_iuserread_required_fields() -> None:
    fields = {"sub": "s", "nickname": "n", "email": "e@example.com", "id": "u"}
    account = Account.model_validate({**fields, "balance": None, "vip": None})
    assert (account.balance, account.vip, account.admin) == (None, False, False)
    for missing in fields:
        with pytest.raises(ValidationError):
            Account.model_validate({k: v for k, v in fields.items() if k != missing})


# --------------------------------------------------------------------------- pages


@pytest.mark.parametrize(
    ("value", "cursor"),
    [
        (None, None),
        ({"offset": 10, "limit": 10}, (10, 10)),
        ({"offset": 10.0, "limit": 5, "extra": 1}, (10, 5)),
    ],
)
def test_cursors(value: object, cursor: tuple[int, int] | None) -> None:
    parsed = parse_cursor(value, "style")
    assert (None if parsed is None else (parsed.offset, parsed.limit)) == cursor


@pytest.mark.parametrize(
    "value",
    [
        "/api/v1/style?offset=10",
        10,
        {"offset": 10},
        {"offset": -1, "limit": 5},
        {"offset": 1, "limit": 0},
        {"offset": 1.5, "limit": 5},
        {"offset": True, "limit": 5},
        [10, 10],
    ],
)
def test_malformed_cursors_are_paging_errors(value: object) -> None:
    with pytest.raises(PagingError, match="style"):
        parse_cursor(value, "style")


def test_a_page_skips_malformed_items_and_keeps_the_rest() -> None:
    page = parse_page(
        {"items": [{"name": "a"}, {"title": "no name"}, None, {"name": "b", "tags": None}]},
        Style,
        "style",
    )
    assert [s.name for s in page.items] == ["a", "b"]
    assert len(page.skipped) == 2 and page.next is None and page.total is None


# --------------------------------------------------------------------------- create response


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
        {"fileId": 42},
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
        {"fileId": "a b"},
    ],
)
def test_create_response_with_hostile_ids_is_refused(body: object) -> None:
    with pytest.raises(UnsafeUrlError):
        parse_created(body)


def test_create_response_prefers_the_file_id_and_finds_the_project_anywhere() -> None:
    created = parse_created({"id": "f1", "tasks": [], "project_id": "p-top"})
    assert (created.file_id, created.project_id) == ("f1", "p-top")
    on_task = parse_created({"id": "f1", "tasks": [{"project_id": "p-task"}], "project_id": "x"})
    assert on_task.project_id == "p-task"
    legacy = parse_created({"data": [{"id": "e", "value": {"file_id": "f2"}}], "fileId": "f3"})
    assert legacy.file_id == "f2"


# --------------------------------------------------------------------------- file and project


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
        ({"url": "https://h/track.mp4", "type": "music"}, False),
        ({"url": None, "type": "video", "contentType": "video/mp4"}, False),
        ({"url": "", "type": "video"}, False),
    ],
)
def test_file_video_result_detection(fields: dict[str, object], is_video: bool) -> None:
    assert FileObject.model_validate({"id": "f", **fields}).is_video_result is is_video


def test_file_failure_is_the_last_task_in_any_case() -> None:
    failed = FileObject.model_validate({"id": "f", "tasks": [{"status": "ERROR", "error": "x"}]})
    assert failed.failed_task is not None and failed.failed_task.error_text == "x"
    later = FileObject.model_validate(
        {"id": "f", "tasks": [{"status": "error"}, {"status": "in_progress"}]}
    )
    assert later.failed_task is None


def test_file_tolerates_nulls_and_a_strange_video_generation() -> None:
    file = FileObject.model_validate(
        {"id": "f", "tasks": None, "duration": None, "video_generation": ["not", "an", "object"]}
    )
    assert file.tasks == [] and file.video_generation is None and file.duration is None
    odd_seed = FileObject.model_validate({"id": "f", "video_generation": {"seed": "many"}})
    assert odd_seed.video_generation is not None and odd_seed.video_generation.seed is None
    with pytest.raises(ValidationError) as info:
        FileObject.model_validate({"url": "https://h/x.mp4"})
    assert info.value.errors()[0]["loc"] == ("id",)


def test_project_entries_and_failure() -> None:
    project = ProjectObject.model_validate(
        {
            "id": "p",
            "data": [
                {"id": "a", "value": {"url": "https://h/a.png", "contentType": "image/png"}},
                {"id": "b", "value": {"url": "https://h/b.bin", "content_type": "video/mp4"}},
                {"id": "c", "value": {"file_id": "f-9"}},
                {"id": "d", "value": None},
            ],
            "tasks": [{"status": "completed"}, {"status": "Error"}],
        }
    )
    assert project.video_urls() == ["https://h/b.bin"] and project.file_ids() == ["f-9"]
    assert project.failed_task is not None
    assert ProjectObject.model_validate({"id": "p", "data": None}).video_urls() == []


# --------------------------------------------------------------------------- SSE messages


@pytest.mark.parametrize(
    ("payload", "value", "message"),
    [
        ({"type": "render_progress", "object": {"progress": "55%"}}, 55.0, None),
        ({"type": "render_progress", "object": {"message": "queued"}}, None, "queued"),
        ({"type": "render_progress", "object": {}, "data": {"progress": 0.3}}, 0.3, None),
        (
            {"type": "render_progress", "object": {"message": " "}, "message": "top"},
            None,
            "top",
        ),
    ],
)
def test_render_progress_value_and_message(
    payload: dict[str, object], value: float | None, message: str | None
) -> None:
    msg = parse_message(payload)
    assert isinstance(msg, RenderProgress)
    assert (msg.value, msg.message) == (value, message)


def test_render_result_with_a_file_object_without_url_is_a_reference() -> None:
    msg = parse_message({"type": "render_result", "object": {"id": "f-1", "url": None}})
    assert isinstance(msg, FileReference) and msg.file_id == "f-1"
    by_id = parse_message({"type": "render_result", "object": {"file_id": "f-2"}})
    assert isinstance(by_id, FileReference) and by_id.file_id == "f-2"


def test_file_event_with_id_and_file_id_is_the_file() -> None:
    msg = parse_message({"type": "file", "object": {"id": "f-1", "file_id": "f-1", "url": None}})
    assert isinstance(msg, FileMessage)
    ref = parse_message({"type": "file", "object": {"id": None, "file_id": "f-3"}})
    assert isinstance(ref, FileReference) and ref.file_id == "f-3"


@pytest.mark.parametrize("kind", ["render_progress", "render_result", "file", "task", "data"])
def test_an_envelope_whose_object_is_a_string_is_skipped(kind: str) -> None:
    msg = parse_message({"type": kind, "object": "a status line"})
    assert isinstance(msg, UnknownMessage) and msg.type == kind


def test_error_reasons_and_no_reason() -> None:
    assert parse_message({"type": "error", "object": {"message": "m"}}) == ErrorMessage(error="m")
    # No reason is no reason: no sentence of Framecast's stands in for the server's.
    assert parse_message({"type": "error"}) == ErrorMessage(error=None)


def test_parse_message_bounds_the_json_of_text_input() -> None:
    deep = '{"type": "render_progress", "object": ' + "[" * 10_000 + "]" * 10_000 + "}"
    with pytest.raises(JsonLimitError):
        parse_message(deep)
    with pytest.raises(ProtocolError):
        parse_message(b"{not json")


def test_parse_message_accepts_text_bytes_and_dicts_alike() -> None:
    payload = {"type": "render_result", "object": {"url": "https://h/x.mp4"}}
    text = json.dumps(payload)
    assert parse_message(text) == parse_message(text.encode()) == parse_message(payload)
    assert isinstance(parse_message(payload), RenderResult)


@pytest.mark.parametrize("data", ["{not json", "", "[1, 2]", "42", b"\xff\xfe", "null"])
def test_malformed_event_data_is_a_protocol_error(data: str | bytes) -> None:
    with pytest.raises(ProtocolError):
        parse_message(data)


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
        ({"seed": MAX_SEED + 1}, "seed", "less than or equal"),
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


def test_seeds_up_to_2_53_minus_1_go_as_json_integers() -> None:
    for seed in (0, 48213950267315, 10**12, MAX_SEED):
        payload = GenerationRequest.model_validate(valid_request(seed=seed)).to_payload()
        assert json.loads(json.dumps(payload))["config"]["seed"] == seed


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
