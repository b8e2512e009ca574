"""The one home of request building: what a model offers and what it refuses."""

from __future__ import annotations

import pytest

from app.api.models import MAX_SEED, Account, GenerationConfig
from app.api.requests import (
    AspectNotOffered,
    BadSeed,
    Choices,
    DurationNotOffered,
    EmptyPrompt,
    ImageNeeded,
    ModelNotUsable,
    NoModel,
    PromptTooLong,
    UnknownModel,
    VipOnly,
    build_request,
    default_duration,
    durations_of,
    frames_of,
    parse_seed,
    pick_model,
    random_seed,
    vip_locked,
    with_new_seed,
)

TEXT = GenerationConfig.model_validate(
    {"name": "t/text", "type": "text_to_video", "params": {"available_durations": [2, 5, 8]}}
)
SHORT = GenerationConfig.model_validate(
    {"name": "t/short", "type": "text_to_video", "params": {"max_duration": 4}}
)
RATIOS = GenerationConfig.model_validate(
    {
        "name": "t/ratios",
        "type": "text_to_video",
        "params": {"available_durations": [5], "aspect_ratios": ["9:16", "4:5"]},
    }
)
IMAGE = GenerationConfig.model_validate(
    {"name": "t/image", "type": "image_to_video", "params": {"available_durations": [5]}}
)
VIP = GenerationConfig.model_validate(
    {"name": "t/vip", "type": "text_to_video", "params": {"is_vip": True}}
)
PICTURES = GenerationConfig.model_validate({"name": "t/still", "type": "text_to_image"})
PLAIN = Account(id="1", sub="s", nickname="n", email="e@example.com", vip=False)
GOLD = Account(id="2", sub="s", nickname="n", email="e@example.com", vip=True)


def test_durations_follow_the_model_with_a_default_of_five_seconds() -> None:
    assert durations_of(TEXT) == (2, 5, 8) and default_duration(TEXT) == 5
    assert durations_of(SHORT) == (3, 4) and default_duration(SHORT) == 3
    assert durations_of(VIP) == (5,)  # lists nothing: the default is asked for
    assert build_request(Choices("fog", TEXT)).duration == 5
    with pytest.raises(DurationNotOffered) as refused:
        build_request(Choices("fog", TEXT, duration=3))
    assert refused.value.offered == (2, 5, 8)
    assert "2, 5, 8 seconds, not 3" in str(refused.value)


def test_frames_are_the_models_aspect_ratios() -> None:
    assert {f.aspect for f in frames_of(TEXT)} >= {"16:9", "9:16", "1:1"}
    offered = frames_of(RATIOS)
    assert [f.aspect for f in offered] == ["9:16", "4:5"]
    assert offered[1].height == 720 and offered[1].width == 576  # no standard 4:5 size
    request = build_request(Choices("fog", RATIOS))
    assert (request.aspect_ratio, request.width, request.height) == ("9:16", 1080, 1920)
    with pytest.raises(AspectNotOffered):
        build_request(Choices("fog", RATIOS, size=(1280, 720)))


def test_seeds_take_every_integer_up_to_two_to_the_53rd() -> None:
    fourteen = 98_765_432_109_876
    assert parse_seed(str(fourteen)) == fourteen
    assert parse_seed(" 9 007 199 254 740 991 ") == MAX_SEED
    assert parse_seed("0") == 0
    for bad in ("", "-1", "1.5", "12a", str(MAX_SEED + 1), "٣"):
        with pytest.raises(BadSeed):
            parse_seed(bad)
    assert build_request(Choices("fog", TEXT, seed=fourteen)).seed == fourteen
    with pytest.raises(BadSeed):
        build_request(Choices("fog", TEXT, seed=MAX_SEED + 1))
    seeds = {random_seed() for _ in range(20)}
    assert len(seeds) > 1 and all(0 <= s < 10**12 for s in seeds)


def test_again_with_a_new_seed_changes_only_the_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    first = build_request(Choices("fog", TEXT, duration=5, seed=42, negative_prompt="no text"))
    again = with_new_seed(first)
    assert again.seed != 42 and again.model_dump(exclude={"seed"}) == first.model_dump(
        exclude={"seed"}
    )
    drawn = iter([42, 42, 7])  # the old seed drawn again is drawn once more
    monkeypatch.setattr("app.api.requests.random_seed", lambda: next(drawn))
    assert with_new_seed(first).seed == 7


def test_refusals_come_in_the_order_a_creator_fixes_them() -> None:
    with pytest.raises(EmptyPrompt):
        build_request(Choices("   ", None))
    with pytest.raises(PromptTooLong):
        build_request(Choices("x" * 2001, TEXT))
    with pytest.raises(NoModel):
        build_request(Choices("fog", None))
    with pytest.raises(ImageNeeded):
        build_request(Choices("fog", IMAGE))
    assert build_request(Choices("fog", IMAGE, has_image=True)).generation_config_name == "t/image"
    with pytest.raises(ModelNotUsable):
        build_request(Choices("fog", PICTURES))
    # Without the catalogue the named model goes as given; the backend checks it.
    assert build_request(Choices("fog", None, model_name="x/y", duration=7)).duration == 7


def test_vip_models_are_refused_only_for_an_account_known_not_to_be_vip() -> None:
    assert vip_locked(VIP, PLAIN) and not vip_locked(VIP, GOLD) and not vip_locked(VIP, None)
    with pytest.raises(VipOnly):
        build_request(Choices("fog", VIP, account=PLAIN))
    assert build_request(Choices("fog", VIP, account=GOLD)).generation_config_name == "t/vip"
    assert build_request(Choices("fog", VIP)).generation_config_name == "t/vip"


def test_pick_model_prefers_what_the_account_may_use() -> None:
    configs = [PICTURES, VIP, TEXT, IMAGE]
    assert pick_model(configs, None, wants_image=False) is TEXT
    assert pick_model([VIP], None, wants_image=False, account=PLAIN) is None
    assert pick_model([VIP], None, wants_image=False, account=GOLD) is VIP
    assert pick_model(configs, None, wants_image=True) is IMAGE
    with pytest.raises(ModelNotUsable):
        pick_model(configs, "t/still", wants_image=False)
    with pytest.raises(UnknownModel):
        pick_model(configs, "t/none", wants_image=False)


def test_takes_count_seeds_up_from_the_one_chosen() -> None:
    from app.api.requests import MAX_TAKES, BadTakes, take_seeds

    assert take_seeds(41, 3) == [41, 42, 43]
    assert take_seeds(MAX_SEED, 2) == [MAX_SEED, 0]  # never past the service's range
    drawn = take_seeds(None, MAX_TAKES)
    assert drawn == list(range(drawn[0], drawn[0] + MAX_TAKES)) or 0 in drawn
    assert all(0 <= seed <= MAX_SEED for seed in drawn)
    for bad in (0, MAX_TAKES + 1):
        with pytest.raises(BadTakes):
            take_seeds(1, bad)
