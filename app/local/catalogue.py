"""What the built-in renderer offers: its models, styles and accepted settings.

The local models mirror the cloud's catalogue shape (`generation-config`) so the
app lists them like any other backend's; they cost nothing and need no
account. Styles change the palette and the motion of the procedural renderer.
This module also turns a `generate-video` config into a checked
`GenerationRequest`, with error messages written for the person who chose the
settings.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

TEXT_TO_VIDEO = "text_to_video"
IMAGE_TO_VIDEO = "image_to_video"


@dataclass(frozen=True)
class LocalModel:
    name: str
    label: str
    type: str
    durations: tuple[int, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "label": self.label,
            "type": self.type,
            "source": "local",
            "params": {
                "price_per_second": 0,
                "available_durations": list(self.durations),
            },
            "vip_required": False,
        }


MODELS: dict[str, LocalModel] = {
    m.name: m
    for m in (
        LocalModel(
            "local/sketch-t2v", "Local sketch (text to video)", TEXT_TO_VIDEO, (2, 5, 8, 10)
        ),
        LocalModel(
            "local/animate-i2v", "Local animate (image to video)", IMAGE_TO_VIDEO, (2, 5, 8, 10)
        ),
        LocalModel(
            "local/quick-t2v", "Local quick preview (text to video)", TEXT_TO_VIDEO, (1, 2, 3)
        ),
    )
}


@dataclass(frozen=True)
class Style:
    """How a style looks and moves; the renderer reads every field."""

    name: str
    title: str
    tags: tuple[str, ...]
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

    def to_json(self, thumbnail: str) -> dict[str, object]:
        return {
            "name": self.name,
            "title": self.title,
            "thumbnail": thumbnail,
            "tags": list(self.tags),
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
        """The config as the backend understood it, for `video_generation`."""
        config: dict[str, object] = {
            "prompt": self.prompt,
            "negative_prompt": self.negative_prompt,
            "generation_config_name": self.model.name,
            "duration": self.duration,
            "aspect_ratio": self.aspect_ratio,
            "width": self.width,
            "height": self.height,
            "seed": self.seed,
            "frame_rate": self.fps,
            "shot_size": self.shot_size,
            "style_name": self.style,
        }
        if self.source_id is not None:
            config["references"] = [{"type": "source", "reference_id": self.source_id}]
        return config


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
    model = MODELS.get(name)
    if model is None:
        raise InvalidConfig(
            f"Unknown model {name!r}. This renderer offers: " + ", ".join(MODELS) + "."
        )

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

    seed = _int_field(config, "seed", "seed")
    if seed is None:
        seed = random.randrange(0, 2**31)
    if not 0 <= seed < 2**63:
        raise InvalidConfig("seed must be a non-negative whole number.")

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
            f"{model.label} animates a picture: upload an image and pass it as a source reference."
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
