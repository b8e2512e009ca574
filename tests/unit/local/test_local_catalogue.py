"""Checking `generate-video` configs: defaults filled in, bad settings named clearly."""

from __future__ import annotations

import pytest

from app.local.catalogue import MODELS, InvalidConfig, parse_config

T2V = {"generation_config_name": "local/sketch-t2v", "prompt": "a kite"}


def test_defaults_are_filled_in() -> None:
    request = parse_config(dict(T2V))
    assert (request.width, request.height, request.aspect_ratio) == (1280, 720, "16:9")
    assert request.fps == 24 and request.duration == 5 and request.style == "cinematic"
    assert 0 <= request.seed < 2**31


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
        ({"seed": -1}, "non-negative"),
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
    assert request.echo()["references"] == [{"type": "source", "reference_id": "abc123"}]


def test_text_model_ignores_references() -> None:
    request = parse_config({**T2V, "references": [{"type": "source", "reference_id": "x"}]})
    assert request.source_id is None


def test_every_model_offers_short_durations() -> None:
    assert all(min(m.durations) <= 2 for m in MODELS.values())
