"""What the built-in renderer offers: its models, styles and accepted settings.

The catalogue speaks the cloud's shapes (IGenerationConfigRead.ts), with the
variety the cloud has, so the app's main path meets it on every run: labels
that may be null, prices in `params.price_per_second`, `params.price` or a
top-level `price` (or none at all), VIP flags in `params.vip_required`, a
top-level `vip_required` or `params.is_vip`, durations as a list or as
`params.max_duration`, and configurations that make pictures, sound or
video-from-video, which the app must leave out of its picker. Only the
`renderable` models can be generated here; they are free, and say so with an
explicit price of 0. The renderer's account is not VIP, so the VIP model is
listed but refused. Styles change the palette and the motion of the
procedural renderer. This module also turns a `generate-video` config into a
checked `GenerationRequest`, with error messages written for the person who
chose the settings.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field

TEXT_TO_VIDEO = "text_to_video"
IMAGE_TO_VIDEO = "image_to_video"
VIDEO_TO_VIDEO = "video_to_video"
TEXT_TO_IMAGE = "text_to_image"
IMAGE_TO_IMAGE = "image_to_image"
TEXT_TO_AUDIO = "text_to_audio"
SOURCE = "local"  # GenerationSourceEnum.LOCAL
#: Seeds the renderer picks when a request has none: 14 digits, as the cloud's.
SEED_DIGITS = 14
MAX_SEED = 2**53 - 1


@dataclass(frozen=True)
class LocalModel:
    """One `generation-config` item. `params` and `top_level` are sent as
    written; `refusal` says why a model that is listed cannot be generated here."""

    name: str
    label: str | None
    type: str
    params: Mapping[str, object]
    top_level: Mapping[str, object] = field(default_factory=dict)
    refusal: str | None = None

    @property
    def renderable(self) -> bool:
        return self.refusal is None

    @property
    def durations(self) -> tuple[int, ...]:
        """The whole seconds this model renders: its list, else 1 to its maximum."""
        listed = self.params.get("available_durations")
        if isinstance(listed, list | tuple):
            return tuple(int(d) for d in listed)
        longest = self.params.get("max_duration")
        if isinstance(longest, int):
            return tuple(range(1, longest + 1))
        return ()

    @property
    def display_name(self) -> str:
        return self.label or self.name

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "label": self.label,
            "type": self.type,
            "source": SOURCE,
            "params": dict(self.params),
            **self.top_level,
        }


_NOT_VIDEO = "makes {what}, not videos; this renderer only makes videos."

CATALOGUE: dict[str, LocalModel] = {
    m.name: m
    for m in (
        LocalModel(
            "local/sketch-t2v",
            "Local sketch (text to video)",
            TEXT_TO_VIDEO,
            {"price_per_second": 0, "available_durations": [2, 5, 8, 10]},
        ),
        LocalModel(
            "local/animate-i2v",
            "Local animate (image to video)",
            IMAGE_TO_VIDEO,
            {"price_per_second": 0, "available_durations": [2, 5, 8, 10]},
        ),
        LocalModel(
            "local/quick-t2v",
            "Local quick preview (text to video)",
            TEXT_TO_VIDEO,
            {"price": 0, "available_durations": [1, 2, 3]},
        ),
        LocalModel(
            # No label: the app makes a name from `name`. Price at the top level,
            # durations as a maximum, a list of aspect ratios.
            "local/wave-t2v",
            None,
            TEXT_TO_VIDEO,
            {"max_duration": 6, "aspect_ratios": ["16:9", "9:16", "1:1"]},
            {"price": 0},
        ),
        LocalModel(
            "local/studio-t2v",
            "Local studio (VIP)",
            TEXT_TO_VIDEO,
            {"price_per_second": 0.5, "available_durations": [5, 10], "vip_required": True},
            refusal="Local studio (VIP) needs a VIP account; this renderer's account is not VIP.",
        ),
        LocalModel(
            "local/restyle-v2v",
            "Local restyle (video to video)",
            VIDEO_TO_VIDEO,
            {"available_durations": [5]},  # no price at all: the app says "price unknown"
            {"vip_required": True},
            refusal="Local restyle turns a video into another video; this renderer "
            "takes no source videos.",
        ),
        LocalModel(
            "local/still-t2i",
            "Local still (text to image)",
            TEXT_TO_IMAGE,
            {"price": 0.01, "is_vip": True},
            refusal=_NOT_VIDEO.format(what="pictures"),
        ),
        LocalModel(
            "local/retouch-i2i",
            None,
            IMAGE_TO_IMAGE,
            {"price_per_second": 0},
            refusal=_NOT_VIDEO.format(what="pictures"),
        ),
        LocalModel(
            "local/chime-t2a",
            "Local chime (text to audio)",
            TEXT_TO_AUDIO,
            {},
            {"price": 0.02, "vip_required": False},
            refusal=_NOT_VIDEO.format(what="sound"),
        ),
    )
}
#: The models this renderer generates.
MODELS: dict[str, LocalModel] = {n: m for n, m in CATALOGUE.items() if m.renderable}


@dataclass(frozen=True)
class Style:
    """How a style looks and moves; the renderer reads every field."""

    name: str
    title: str | None
    tags: tuple[str, ...] | None
    hue_offsets: tuple[float, ...]
    saturation: float
    top_value: float
    bottom_value: float
    accent_value: float
    speed: float
    blobs: int
    particles: int
    drift: tuple[float, float]  # particle drift, frame fractions per second
    tint: float  # how much image-to-video pictures take the style's colour

    has_thumbnail: bool = True

    def to_json(self, thumbnail: str) -> dict[str, object]:
        """IStyleRead.ts; title, thumbnail and tags may each be null."""
        return {
            "name": self.name,
            "title": self.title,
            "thumbnail": thumbnail if self.has_thumbnail else None,
            "tags": list(self.tags) if self.tags is not None else None,
        }


STYLES: dict[str, Style] = {
    s.name: s
    for s in (
        Style(
            "cinematic",
            "Cinematic",
            ("moody", "soft"),
            (0.0, 25.0, 200.0),
            0.55,
            0.10,
            0.42,
            0.85,
            0.6,
            5,
            40,
            (0.01, -0.015),
            0.10,
        ),
        Style(
            "neon",
            "Neon night",
            ("vivid", "fast"),
            (0.0, 120.0, 240.0),
            0.95,
            0.05,
            0.16,
            1.0,
            1.5,
            7,
            90,
            (0.04, 0.0),
            0.18,
        ),
        Style(
            "pastel",
            "Pastel dream",
            ("light", "calm"),
            (0.0, 40.0, 320.0),
            0.30,
            0.97,
            0.80,
            0.98,
            0.45,
            6,
            30,
            (0.0, -0.02),
            0.12,
        ),
        Style(
            "noir",
            "Film noir",
            ("monochrome", "contrast"),
            (0.0, 0.0, 0.0),
            0.0,
            0.02,
            0.30,
            0.90,
            0.8,
            4,
            60,
            (0.0, 0.05),
            0.0,
        ),
        Style(
            "sunset",
            "Golden hour",
            ("warm", "glow"),
            (-15.0, 20.0, 290.0),
            0.75,
            0.30,
            0.70,
            1.0,
            0.7,
            5,
            70,
            (0.005, -0.04),
            0.22,
        ),
        # Styles as the cloud sometimes lists them: no title, no tags, no thumbnail.
        Style(
            "ink_wash",
            None,
            None,
            (200.0, 210.0, 20.0),
            0.15,
            0.92,
            0.55,
            0.25,
            0.5,
            4,
            25,
            (0.0, 0.01),
            0.05,
        ),
        Style(
            "aurora",
            "Aurora",
            None,
            (140.0, 190.0, 280.0),
            0.8,
            0.06,
            0.25,
            0.95,
            0.9,
            6,
            80,
            (0.02, -0.01),
            0.15,
            has_thumbnail=False,
        ),
    )
}
DEFAULT_STYLE = "cinematic"

SHOT_SIZES: dict[str, float] = {
    "extreme_long_shot": 0.6,
    "long_shot": 0.75,
    "medium_shot": 1.0,
    "medium_close_up": 1.15,
    "two_shot": 1.0,
    "close_up": 1.3,
    "detail_shot": 1.4,
    "extreme_close_up": 1.5,
}

FRAME_RATES = (24, 30, 60)
ASPECT_RATIOS: dict[str, tuple[int, int]] = {
    "16:9": (1280, 720),
    "9:16": (720, 1280),
    "1:1": (1024, 1024),
    "4:3": (960, 720),
    "3:4": (768, 1024),
}
MIN_SIDE = 64
MAX_SIDE = 1920
MAX_PIXELS = 1920 * 1080
MAX_PROMPT = 2000


def shot_scale(shot_size: str | None) -> float:
    """How much larger the subject appears for a shot size (1.0 for a medium shot)."""
    return SHOT_SIZES.get(shot_size or "", 1.0)


class InvalidConfig(ValueError):
    """A generation config the renderer cannot honour; the message is for people."""


@dataclass(frozen=True)
class GenerationRequest:
    """A checked `generate-video` config, every default filled in."""

    model: LocalModel
    prompt: str
    negative_prompt: str | None
    duration: int
    aspect_ratio: str
    width: int
    height: int
    fps: int
    seed: int
    style: str
    shot_size: str | None
    source_id: str | None

    def echo(self) -> dict[str, object]:
        """The request as the backend understood it: `video_generation` of the
        file object (IVideoGenerationRead.ts, without its `id`), plus the frame
        rate, shot size and style it also honours."""
        references: list[dict[str, object]] = []
        if self.source_id is not None:
            references.append({"type": "source", "reference_id": self.source_id, "reference": None})
        return {
            "prompt": self.prompt,
            "negative_prompt": self.negative_prompt or "",
            "seed": self.seed,
            "duration": self.duration,
            "width": self.width,
            "height": self.height,
            "aspect_ratio": self.aspect_ratio,
            "generation_config_name": self.model.name,
            "generation_config": self.model.to_json(),
            "references": references,
            "frame_rate": self.fps,
            "shot_size": self.shot_size,
            "style_name": self.style,
        }


def _int_field(config: dict[str, object], key: str, what: str) -> int | None:
    value = config.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise InvalidConfig(f"{what} must be a whole number.")
    try:
        number = int(value)
    except ValueError:
        raise InvalidConfig(f"{what} must be a whole number, not {value!r}.") from None
    if isinstance(value, float) and number != value:
        raise InvalidConfig(f"{what} must be a whole number, not {value}.")
    return number


def _str_field(config: dict[str, object], key: str, what: str) -> str | None:
    value = config.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InvalidConfig(f"{what} must be text.")
    return value


def _aspect_of(width: int, height: int) -> str | None:
    for name, (w, h) in ASPECT_RATIOS.items():
        if abs(width / height - w / h) <= 0.02 * (w / h):
            return name
    return None


def _source_reference(config: dict[str, object]) -> str | None:
    refs = config.get("references")
    if refs is None:
        return None
    if not isinstance(refs, list):
        raise InvalidConfig("references must be a list of {type, reference_id} entries.")
    for ref in refs:
        if not isinstance(ref, dict):
            raise InvalidConfig("Each reference must be an object with type and reference_id.")
        if ref.get("type", "source") == "source":
            ref_id = ref.get("reference_id")
            if not isinstance(ref_id, str) or not ref_id:
                raise InvalidConfig(
                    "A source reference needs a reference_id (an uploaded file's id)."
                )
            return ref_id
    return None


def parse_config(config: dict[str, object]) -> GenerationRequest:
    """Check a `generate-video` config and fill in defaults.

    Image references are returned by id only; whether that upload exists is
    the caller's to check. Raises `InvalidConfig` with a readable message.
    """
    name = _str_field(config, "generation_config_name", "generation_config_name")
    if name is None:
        raise InvalidConfig(
            "generation_config_name is required: pick one of " + ", ".join(MODELS) + "."
        )
    model = CATALOGUE.get(name)
    if model is None:
        raise InvalidConfig(
            f"Unknown model {name!r}. This renderer offers: " + ", ".join(MODELS) + "."
        )
    if model.refusal is not None:
        raise InvalidConfig(model.refusal)

    prompt = config.get("prompt", "")
    if prompt is None:
        prompt = ""
    if not isinstance(prompt, str):
        raise InvalidConfig("prompt must be text.")
    prompt = " ".join(prompt.split())
    if len(prompt) > MAX_PROMPT:
        raise InvalidConfig(
            f"The prompt is too long ({len(prompt)} characters; at most {MAX_PROMPT})."
        )
    if model.type == TEXT_TO_VIDEO and not prompt:
        raise InvalidConfig("Describe the video: the prompt is empty.")

    duration = _int_field(config, "duration", "duration")
    if duration is None:
        duration = 5 if 5 in model.durations else model.durations[0]
    if duration not in model.durations:
        offered = ", ".join(str(d) for d in model.durations)
        raise InvalidConfig(
            f"Duration {duration} s is not offered by {model.name}; "
            f"choose one of {offered} seconds."
        )

    fps = _int_field(config, "frame_rate", "frame_rate") or 24
    if fps not in FRAME_RATES:
        raise InvalidConfig(f"Frame rate {fps} is not supported; choose 24, 30 or 60.")

    aspect = _str_field(config, "aspect_ratio", "aspect_ratio")
    if aspect is not None and aspect not in ASPECT_RATIOS:
        raise InvalidConfig(
            f"Aspect ratio {aspect!r} is not supported; choose one of "
            + ", ".join(ASPECT_RATIOS)
            + "."
        )
    width = _int_field(config, "width", "width")
    height = _int_field(config, "height", "height")
    if (width is None) != (height is None):
        raise InvalidConfig("Give both width and height, or neither.")
    if width is None or height is None:
        width, height = ASPECT_RATIOS[aspect or "16:9"]
    else:
        if not (MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE):
            raise InvalidConfig(
                f"Resolution {width}x{height} is out of range: each side "
                f"must be {MIN_SIDE} to {MAX_SIDE} pixels."
            )
        if width * height > MAX_PIXELS:
            raise InvalidConfig(
                f"Resolution {width}x{height} is too large; at most 1920x1080 pixels."
            )
        if width % 2 or height % 2:
            raise InvalidConfig(f"Resolution {width}x{height} must have even sides.")
        actual = _aspect_of(width, height)
        if actual is None:
            raise InvalidConfig(
                f"Resolution {width}x{height} matches none of the supported "
                "aspect ratios (" + ", ".join(ASPECT_RATIOS) + ")."
            )
        if aspect is not None and actual != aspect:
            raise InvalidConfig(
                f"Resolution {width}x{height} is {actual}, not the requested aspect ratio {aspect}."
            )
        aspect = actual
    ratios = model.params.get("aspect_ratios")
    if isinstance(ratios, list) and (aspect or "16:9") not in ratios:
        raise InvalidConfig(
            f"{model.display_name} makes {', '.join(map(str, ratios))} videos, "
            f"not {aspect or '16:9'}."
        )

    seed = _int_field(config, "seed", "seed")
    if seed is None:
        seed = random.randrange(10 ** (SEED_DIGITS - 1), 10**SEED_DIGITS)
    if not 0 <= seed <= MAX_SEED:
        raise InvalidConfig(f"seed must be a whole number from 0 to {MAX_SEED}.")

    style = _str_field(config, "style_name", "style_name") or DEFAULT_STYLE
    if style not in STYLES:
        raise InvalidConfig(f"Unknown style {style!r}; choose one of " + ", ".join(STYLES) + ".")

    shot = _str_field(config, "shot_size", "shot_size")
    if shot is not None and shot not in SHOT_SIZES:
        raise InvalidConfig(
            f"Unknown shot size {shot!r}; choose one of " + ", ".join(SHOT_SIZES) + "."
        )

    source_id = _source_reference(config)
    if model.type == IMAGE_TO_VIDEO and source_id is None:
        raise InvalidConfig(
            f"{model.display_name} animates a picture: upload an image and pass it as a "
            "source reference."
        )
    if model.type == TEXT_TO_VIDEO:
        source_id = None

    return GenerationRequest(
        model=model,
        prompt=prompt,
        negative_prompt=_str_field(config, "negative_prompt", "negative_prompt"),
        duration=duration,
        aspect_ratio=aspect or "16:9",
        width=width,
        height=height,
        fps=fps,
        seed=seed,
        style=style,
        shot_size=shot,
        source_id=source_id,
    )
