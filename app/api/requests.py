"""One home for building a generation request from a creator's choices.

The window's form and the command line both turn choices (a prompt, a model,
a duration, a frame, a seed, whether a picture comes along) into a checked
`GenerationRequest` here, so both offer and refuse the same things: only the
durations and aspect ratios the model lists, seeds from 0 to 2**53 - 1, a
picture for image-to-video models, no VIP model for an account that is not
VIP. Refusals are typed `RequestProblem`s carrying the facts; their `str()` is
a plain English sentence (what the command line prints), and the window words
each type itself (`app.ui.wording.request_problem`).

No Qt and no I/O here: checking a picture's file belongs to its callers.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from pydantic import ValidationError

from app.api.models import (
    FRAME_RATES,
    MAX_PROMPT_CHARS,
    MAX_SEED,
    RESOLUTIONS,
    SHOT_SIZES,
    Account,
    GenerationConfig,
    GenerationRequest,
    aspect_of,
)

#: The length asked for when the creator names none, where the model offers it.
DEFAULT_DURATION = 5
#: What a model that lists no durations is asked for.
FALLBACK_DURATIONS: tuple[int, ...] = (DEFAULT_DURATION,)
DEFAULT_FRAME_RATE = 24
DEFAULT_ASPECT = "16:9"
#: New seeds are drawn below this, as the service's own web client does.
RANDOM_SEED_LIMIT = 10**12
#: The height of a frame made for an aspect ratio no standard size has.
_FALLBACK_HEIGHT = 720


# --------------------------------------------------------------------------- problems


class RequestProblem(ValueError):
    """A choice the backend would refuse, caught before anything is sent."""


class EmptyPrompt(RequestProblem):
    def __init__(self) -> None:
        super().__init__("the prompt is empty")


class PromptTooLong(RequestProblem):
    def __init__(self, length: int) -> None:
        self.length = length
        self.limit = MAX_PROMPT_CHARS
        super().__init__(f"the prompt is longer than {MAX_PROMPT_CHARS} characters")


class NoModel(RequestProblem):
    def __init__(self) -> None:
        super().__init__("no model given and the backend offers none")


class UnknownModel(RequestProblem):
    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"the backend has no model {name!r}")


class ModelNotUsable(RequestProblem):
    """A configuration Framecast cannot start (pictures, sound, video to video)."""

    def __init__(self, model: GenerationConfig) -> None:
        self.model = model
        super().__init__(f"{model.name} ({model.type}) is not a model Framecast can start")


class VipOnly(RequestProblem):
    def __init__(self, model: GenerationConfig) -> None:
        self.model = model
        super().__init__(f"{model.name} needs a VIP account, and this account is not VIP")


class DurationNotOffered(RequestProblem):
    def __init__(self, model: GenerationConfig, duration: int) -> None:
        self.model = model
        self.duration = duration
        self.offered = durations_of(model)
        offered = ", ".join(map(str, self.offered))
        super().__init__(f"{model.name} offers durations of {offered} seconds, not {duration}")


class AspectNotOffered(RequestProblem):
    def __init__(self, model: GenerationConfig, aspect: str) -> None:
        self.model = model
        self.aspect = aspect
        self.offered = tuple(model.aspect_ratios)
        super().__init__(f"{model.name} makes {', '.join(self.offered)} videos, not {aspect}")


class BadAspect(RequestProblem):
    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__(f"an aspect ratio looks like 16:9, not {text!r}")


class BadFrameSize(RequestProblem):
    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        super().__init__("a frame must be between 16 and 7680 pixels each way")


class BadSeed(RequestProblem):
    """A seed that is not a whole number from 0 to MAX_SEED."""

    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__(f"the seed must be a whole number from 0 to {MAX_SEED}")


class FrameRateNotOffered(RequestProblem):
    def __init__(self, fps: int) -> None:
        self.fps = fps
        super().__init__(f"the frame rate must be one of {', '.join(map(str, FRAME_RATES))}")


class UnknownShotSize(RequestProblem):
    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"the shot size must be one of {', '.join(SHOT_SIZES)}")


class Refused(RequestProblem):
    """Anything else the request's own checks refuse (the contract's limits)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


class ImageNeeded(RequestProblem):
    def __init__(self, model: GenerationConfig) -> None:
        self.model = model
        super().__init__(f"{model.name} turns a picture into a video: give it one")


# --------------------------------------------------------------------------- what a model offers


@dataclass(frozen=True)
class Frame:
    """One frame size a model can be asked for."""

    width: int
    height: int

    @property
    def aspect(self) -> str:
        return aspect_of(self.width, self.height)

    @property
    def key(self) -> str:
        return f"{self.width}x{self.height}"


def durations_of(model: GenerationConfig) -> tuple[int, ...]:
    """The seconds a model can be asked for: its list (or the steps up to its
    maximum, which the catalogue already made), else the default length."""
    return tuple(model.available_durations) or FALLBACK_DURATIONS


def default_duration(model: GenerationConfig) -> int:
    offered = durations_of(model)
    return DEFAULT_DURATION if DEFAULT_DURATION in offered else offered[0]


def size_for_aspect(aspect: str) -> tuple[int, int]:
    """A standard frame size of that aspect ratio, else one 720 pixels high."""
    for width, height in RESOLUTIONS:
        if aspect_of(width, height) == aspect:
            return width, height
    try:
        w, h = (int(part) for part in aspect.split(":", 1))
    except ValueError:
        raise BadAspect(aspect) from None
    if w <= 0 or h <= 0:
        raise BadAspect(aspect)
    return round(_FALLBACK_HEIGHT * w / h / 2) * 2, _FALLBACK_HEIGHT


def frames_of(model: GenerationConfig | None) -> tuple[Frame, ...]:
    """The frame sizes to offer: every standard size of the model's aspect
    ratios (in the model's order), or every standard size when it lists none."""
    if model is None or not model.aspect_ratios:
        return tuple(Frame(w, h) for w, h in RESOLUTIONS)
    frames: list[Frame] = []
    for aspect in model.aspect_ratios:
        sizes = [Frame(w, h) for w, h in RESOLUTIONS if aspect_of(w, h) == aspect]
        frames.extend(sizes or [Frame(*size_for_aspect(aspect))])
    return tuple(frames)


def vip_locked(model: GenerationConfig, account: Account | None) -> bool:
    """A VIP model the account is known not to be allowed (unknown: the service decides)."""
    return model.vip_required and account is not None and not account.vip


def random_seed() -> int:
    return secrets.randbelow(RANDOM_SEED_LIMIT)


def with_new_seed(request: GenerationRequest) -> GenerationRequest:
    """The same request with a new random seed, never the one it had ("Again with a new seed")."""
    seed = random_seed()
    while seed == request.seed:
        seed = random_seed()
    return request.model_copy(update={"seed": seed})


#: How many takes one press of Generate may make.
MAX_TAKES = 4


class BadTakes(RequestProblem):
    """A number of takes outside 1..MAX_TAKES."""

    def __init__(self, takes: int) -> None:
        self.takes = takes
        super().__init__(f"takes must be a whole number from 1 to {MAX_TAKES}")


def take_seeds(seed: int | None, takes: int) -> list[int]:
    """The seeds of `takes` takes: `seed, seed + 1, ...` (a random start when
    `seed` is None), counting on from 0 past MAX_SEED so every seed is one
    the service takes and the first is the one the creator chose."""
    if not 1 <= takes <= MAX_TAKES:
        raise BadTakes(takes)
    if seed is not None and not 0 <= seed <= MAX_SEED:
        raise BadSeed(str(seed))
    start = random_seed() if seed is None else seed
    return [(start + n) % (MAX_SEED + 1) for n in range(takes)]


def parse_seed(text: str) -> int:
    """A seed as typed: a whole number from 0 to MAX_SEED (spaces and
    thousands separators allowed), or BadSeed."""
    digits = "".join(text.split()).replace(",", "").replace("_", "")
    if not digits.isascii() or not digits.isdigit():
        raise BadSeed(text)
    seed = int(digits)
    if seed > MAX_SEED:
        raise BadSeed(text)
    return seed


def pick_model(
    configs: list[GenerationConfig],
    name: str | None,
    wants_image: bool,
    account: Account | None = None,
) -> GenerationConfig | None:
    """The model to use: the one named (which must be one Framecast can
    start), else the first usable one of the kind the job needs, preferring
    models this account may use and that need no VIP account."""
    if name:
        for model in configs:
            if model.name == name:
                if not model.usable:
                    raise ModelNotUsable(model)
                return model
        raise UnknownModel(name)
    fitting = [m for m in configs if m.usable and m.needs_image == wants_image]
    allowed = [m for m in fitting if not vip_locked(m, account)]
    return next((m for m in allowed if not m.vip_required), allowed[0] if allowed else None)


# --------------------------------------------------------------------------- building


@dataclass(frozen=True)
class Choices:
    """What the creator chose. None means "not chosen": the model's default.

    `model` is the catalogue's entry when it is known; without it (a command
    line that named a model and a duration and skipped reading the catalogue)
    `model_name` is sent as given and the backend checks the rest."""

    prompt: str
    model: GenerationConfig | None
    model_name: str | None = None
    duration: int | None = None
    aspect: str | None = None
    size: tuple[int, int] | None = None
    seed: int | None = None
    frame_rate: int | None = None
    shot_size: str | None = None
    style_name: str | None = None
    negative_prompt: str = ""
    has_image: bool = False
    account: Account | None = None


def check_prompt(prompt: str) -> str:
    text = prompt.strip()
    if not text:
        raise EmptyPrompt()
    if len(text) > MAX_PROMPT_CHARS:
        raise PromptTooLong(len(text))
    return text


def check_model(choices: Choices) -> None:
    """The model's own refusals: not startable, VIP only, no picture."""
    model = choices.model
    if model is None:
        return
    if not model.usable:
        raise ModelNotUsable(model)
    if vip_locked(model, choices.account):
        raise VipOnly(model)
    if model.needs_image and not choices.has_image:
        raise ImageNeeded(model)


def choose_duration(model: GenerationConfig | None, duration: int | None) -> int:
    if model is None:
        return duration if duration is not None else DEFAULT_DURATION
    if duration is None:
        return default_duration(model)
    if duration not in durations_of(model):
        raise DurationNotOffered(model, duration)
    return duration


def choose_frame(
    model: GenerationConfig | None, aspect: str | None, size: tuple[int, int] | None
) -> tuple[int, int, str]:
    """Width, height and aspect ratio: as given, else the model's first aspect
    ratio (else 16:9); refused when the model lists ratios and not this one."""
    if size is not None:
        width, height = size
        if not (16 <= width <= 7680 and 16 <= height <= 7680):
            raise BadFrameSize(width, height)
        aspect = aspect or aspect_of(width, height)
    else:
        if aspect is None:
            aspect = model.aspect_ratios[0] if model and model.aspect_ratios else DEFAULT_ASPECT
        width, height = size_for_aspect(aspect)
    if model is not None and model.aspect_ratios and aspect not in model.aspect_ratios:
        raise AspectNotOffered(model, aspect)
    return width, height, aspect


def build_request(choices: Choices) -> GenerationRequest:
    """The checked request, or the first RequestProblem in the order a
    creator fixes them: prompt, model, duration, frame, seed, extras."""
    prompt = check_prompt(choices.prompt)
    model = choices.model
    name = model.name if model is not None else choices.model_name
    if not name:
        raise NoModel()
    check_model(choices)
    duration = choose_duration(model, choices.duration)
    width, height, aspect = choose_frame(model, choices.aspect, choices.size)
    if choices.seed is not None and not 0 <= choices.seed <= MAX_SEED:
        raise BadSeed(str(choices.seed))
    frame_rate = choices.frame_rate or DEFAULT_FRAME_RATE
    if frame_rate not in FRAME_RATES:
        raise FrameRateNotOffered(frame_rate)
    if choices.shot_size is not None and choices.shot_size not in SHOT_SIZES:
        raise UnknownShotSize(choices.shot_size)
    try:
        return GenerationRequest(
            prompt=prompt,
            negative_prompt=choices.negative_prompt.strip(),
            generation_config_name=name,
            duration=duration,
            aspect_ratio=aspect,
            width=width,
            height=height,
            seed=choices.seed,
            frame_rate=frame_rate,
            shot_size=choices.shot_size,
            style_name=choices.style_name or None,
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        reason = str(first["msg"]).removeprefix("Value error, ")
        raise Refused(f"{where}: {reason}" if where else reason) from None
