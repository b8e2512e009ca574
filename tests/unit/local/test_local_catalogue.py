"""Checking `generate-video` configs: defaults filled in, bad settings named clearly."""

from __future__ import annotations

import pytest

from app.local.catalogue import CATALOGUE, MAX_SEED, MODELS, InvalidConfig, parse_config

T2V = {"generation_config_name": "local/sketch-t2v", "prompt": "a kite"}


def test_defaults_are_filled_in() -> None:
    request = parse_config(dict(T2V))
    assert (request.width, request.height, request.aspect_ratio) == (1280, 720, "16:9")
    assert request.fps == 24 and request.duration == 5 and request.style == "cinematic"
    assert 10**13 <= request.seed < 10**14  # 14 digits, as the cloud's seeds


def test_missing_seeds_differ() -> None:
    seeds = {parse_config(dict(T2V)).seed for _ in range(5)}
    assert len(seeds) > 1


@pytest.mark.parametrize(
    ("aspect", "size"), [("9:16", (720, 1280)), ("1:1", (1024, 1024)), ("3:4", (768, 1024))]
)
def test_aspect_ratio_alone_picks_a_size(aspect: str, size: tuple[int, int]) -> None:
    request = parse_config({**T2V, "aspect_ratio": aspect})
    assert (request.width, request.height) == size


@pytest.mark.parametrize("size", [(1920, 1080), (854, 480), (1080, 1920), (128, 72)])
def test_offered_resolutions_are_accepted(size: tuple[int, int]) -> None:
    request = parse_config({**T2V, "width": size[0], "height": size[1]})
    assert (request.width, request.height) == size


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"width": 1280}, "both width and height"),
        ({"width": 1281, "height": 721}, "even sides"),
        ({"width": "wide", "height": 720}, "whole number"),
        ({"duration": 2.5}, "whole number"),
        ({"seed": -1}, "whole number from 0"),
        ({"seed": MAX_SEED + 1}, "whole number from 0"),
        ({"prompt": 42}, "prompt must be text"),
        ({"prompt": "x" * 2001}, "too long"),
        ({"references": "abc"}, "list"),
        ({"generation_config_name": None}, "generation_config_name is required"),
    ],
)
def test_bad_settings_are_named(change: dict[str, object], expected: str) -> None:
    with pytest.raises(InvalidConfig, match=expected):
        parse_config({**T2V, **change})


def test_image_model_takes_its_source_reference() -> None:
    request = parse_config(
        {
            "generation_config_name": "local/animate-i2v",
            "duration": 2,
            "references": [
                {"type": "style", "reference_id": "s"},
                {"type": "source", "reference_id": "abc123"},
            ],
        }
    )
    assert request.source_id == "abc123" and request.prompt == ""
    # IVideoGenerationReferenceRead.ts: the reference's file object is not expanded here.
    assert request.echo()["references"] == [
        {"type": "source", "reference_id": "abc123", "reference": None}
    ]


def test_text_model_ignores_references() -> None:
    request = parse_config({**T2V, "references": [{"type": "source", "reference_id": "x"}]})
    assert request.source_id is None


def test_every_model_offers_short_durations() -> None:
    assert all(min(m.durations) <= 2 for m in MODELS.values())


def test_large_seeds_are_kept_exactly() -> None:
    for seed in (12345678901234, MAX_SEED):
        request = parse_config({**T2V, "seed": seed})
        assert request.seed == seed and request.echo()["seed"] == seed


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("local/studio-t2v", "needs a VIP account"),
        ("local/restyle-v2v", "takes no source videos"),
        ("local/still-t2i", "makes pictures, not videos"),
        ("local/retouch-i2i", "makes pictures, not videos"),
        ("local/chime-t2a", "makes sound, not videos"),
    ],
)
def test_listed_models_that_cannot_render_here_are_refused_clearly(
    name: str, expected: str
) -> None:
    assert name in CATALOGUE and name not in MODELS
    with pytest.raises(InvalidConfig, match=expected):
        parse_config({**T2V, "generation_config_name": name})


def test_a_model_with_only_a_maximum_duration_takes_any_whole_second_up_to_it() -> None:
    wave = {**T2V, "generation_config_name": "local/wave-t2v"}
    assert parse_config({**wave, "duration": 6}).duration == 6
    assert parse_config({**wave, "duration": 1}).duration == 1
    with pytest.raises(InvalidConfig, match="not offered"):
        parse_config({**wave, "duration": 7})


def test_a_model_with_aspect_ratios_refuses_others() -> None:
    wave = {**T2V, "generation_config_name": "local/wave-t2v"}
    assert parse_config({**wave, "aspect_ratio": "9:16"}).aspect_ratio == "9:16"
    with pytest.raises(InvalidConfig, match="16:9, 9:16, 1:1 videos, not 3:4"):
        parse_config({**wave, "aspect_ratio": "3:4"})


def test_the_catalogue_has_the_clouds_variety() -> None:
    """Every variant the app must read: null labels, each price and VIP place,
    durations as a maximum, and configurations that are not usable video models."""
    items = [m.to_json() for m in CATALOGUE.values()]
    params = [i["params"] for i in items]
    assert any(i["label"] is None for i in items)
    assert {i["type"] for i in items} >= {
        "text_to_video",
        "image_to_video",
        "video_to_video",
        "text_to_image",
        "image_to_image",
        "text_to_audio",
    }
    assert any("price_per_second" in p for p in params)
    assert any("price" in p for p in params)
    assert any("price" in i and "price" not in i["params"] for i in items)  # type: ignore[operator]
    assert any(
        not {"price", "price_per_second"} & set(p) and "price" not in i
        for p, i in zip(params, items, strict=True)
    )  # type: ignore[arg-type]
    assert any(p.get("vip_required") for p in params)  # type: ignore[union-attr]
    assert any(i.get("vip_required") for i in items)
    assert any(p.get("is_vip") for p in params)  # type: ignore[union-attr]
    assert any("max_duration" in p for p in params)  # type: ignore[operator]
    # What the renderer makes is free, and says so.
    for model in MODELS.values():
        body = model.to_json()
        inner = body["params"]
        assert isinstance(inner, dict)
        price = inner.get("price_per_second", inner.get("price", body.get("price")))
        assert price == 0, model.name
