"""The procedural video renderer behind the built-in local backend.

It turns a generation request into a real H.264 MP4 and a JPEG poster: soft
colour fields drift across a gradient, particles float and twinkle, and the
prompt's words fade in one by one. Everything is derived from the request:
colours from the prompt's words and the style, motion from the style, layout
from the seed, so the same request and seed always give the same frames. The
words are drawn in the shipped DejaVu Sans, or in an installed font for
scripts it lacks (`app.local.fonts`).
Image-to-video slowly zooms and pans across the uploaded picture with the
prompt overlaid.

Drawing uses Pillow only: numpy would add tens of megabytes to the desktop
package for this one module. Speed comes from precomputing every layer that
does not move (background gradient, each colour field's soft round sprite,
word sprites, the fitted, tinted and vignetted source picture) and from
painting the soft colour fields at a quarter of the output size, where they
are cheap, before scaling them up; only the sharp parts (particles, words)
are drawn at full size.
"""

from __future__ import annotations

import colorsys
import hashlib
import logging
import math
import os
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
from PIL import Image, ImageChops, ImageDraw

from app.local.catalogue import STYLES, Style, shot_scale
from app.local.fonts import FontFace, faces_for, font, runs, shipped_face

log = logging.getLogger("framecast.local.renderer")

ProgressCallback = Callable[[int, int], None]
StopCheck = Callable[[], bool]
RGB = tuple[int, int, int]

_LOW_RES_DIVISOR = 4
_POSTER_AT = 0.7  # fraction of the clip the poster frame is taken from
_PAN_PIXELS = 0.08  # how far the background drifts, as a fraction of the frame
_FIELD_REACH = 3.5  # a colour field is drawn out to this many standard deviations
# Image.radial_gradient is 256 px square, centred on pixel 128 (128.5 in the
# continuous coordinates transforms use); its value is sqrt(2) times the distance.
_RADIAL_CENTRE = 128.5
_RADIAL_RADIUS = 127.0

# Hues (degrees) for words that name or suggest a colour.
_COLOUR_WORDS: dict[str, float] = {
    "red": 0,
    "crimson": 350,
    "fire": 12,
    "lava": 10,
    "orange": 28,
    "autumn": 30,
    "gold": 45,
    "golden": 45,
    "yellow": 55,
    "sun": 48,
    "sunny": 48,
    "desert": 38,
    "green": 120,
    "forest": 130,
    "jungle": 125,
    "grass": 110,
    "leaf": 115,
    "teal": 175,
    "cyan": 185,
    "ice": 195,
    "snow": 200,
    "winter": 205,
    "blue": 215,
    "ocean": 205,
    "sea": 205,
    "sky": 200,
    "water": 200,
    "rain": 210,
    "night": 235,
    "space": 245,
    "galaxy": 260,
    "purple": 275,
    "violet": 270,
    "magenta": 305,
    "pink": 330,
    "rose": 340,
    "cherry": 345,
}


class RenderCancelled(Exception):
    """The renderer was asked to stop before the clip was finished."""


class SourceImageError(Exception):
    """The picture to animate is missing or cannot be decoded."""


@dataclass(frozen=True)
class RenderSpec:
    """Everything one render needs; plain data so it crosses process boundaries."""

    prompt: str
    width: int
    height: int
    fps: int
    duration: int
    seed: int
    style: str = "cinematic"
    shot_size: str | None = None
    source_image: Path | None = None
    min_seconds: float = 0.0

    @property
    def frame_count(self) -> int:
        return self.fps * self.duration


def _stable_hash(*parts: str) -> int:
    digest = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def hsv_colour(h_deg: float, s: float, v: float) -> RGB:
    """An 8-bit RGB colour; the hue wraps around, saturation and value are clamped to 0..1."""
    r, g, b = colorsys.hsv_to_rgb(
        (h_deg % 360.0) / 360.0, max(0.0, min(1.0, s)), max(0.0, min(1.0, v))
    )
    return round(r * 255.0), round(g * 255.0), round(b * 255.0)


def base_hue(prompt: str) -> float:
    """The prompt's hue: the first colour word it holds, else one derived from its text."""
    for raw in prompt.lower().split():
        word = raw.strip(".,;:!?\"'()[]")
        if word in _COLOUR_WORDS:
            return _COLOUR_WORDS[word]
    return float(_stable_hash(prompt.strip().lower()) % 360)


@dataclass(frozen=True)
class _Palette:
    top: RGB
    bottom: RGB
    accents: tuple[RGB, ...]
    particle: RGB


def _palette(style: Style, hue: float) -> _Palette:
    s = style
    accents = tuple(hsv_colour(hue + off, s.saturation, s.accent_value) for off in s.hue_offsets)
    return _Palette(
        top=hsv_colour(hue + s.hue_offsets[-1], s.saturation * 0.8, s.top_value),
        bottom=hsv_colour(hue, s.saturation, s.bottom_value),
        accents=accents,
        particle=hsv_colour(hue + 30, s.saturation * 0.4, 1.0),
    )


def _fade_lut(factor: float) -> list[int]:
    """A `point()` table that scales 8-bit values by `factor`."""
    return [round(v * factor) for v in range(256)]


# --------------------------------------------------------------- layers


def _diagonal_gradient(size: tuple[int, int], top: RGB, bottom: RGB) -> Image.Image:
    """`top` turning into `bottom`, mostly downwards and a little to the right."""
    down = Image.linear_gradient("L").resize(size, Image.Resampling.BILINEAR)
    across = (
        Image.linear_gradient("L")
        .transpose(Image.Transpose.TRANSPOSE)
        .resize(size, Image.Resampling.BILINEAR)
    )
    mix = Image.blend(down, across, 0.2)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mix)


def _field_sprite(strength: float) -> Image.Image:
    """A round Gaussian mask: `strength` at the centre, zero at `_FIELD_REACH` sigmas."""
    sigma = _RADIAL_RADIUS / _FIELD_REACH

    def level(v: int) -> int:
        distance = (v + 0.5) / math.sqrt(2.0)  # the gradient's values are truncated
        if distance >= _RADIAL_RADIUS:
            return 0
        return round(255.0 * strength * math.exp(-distance * distance / (2.0 * sigma * sigma)))

    return Image.radial_gradient("L").point([level(v) for v in range(256)])


def _paint_field(
    canvas: Image.Image, sprite: Image.Image, colour: RGB, x: float, y: float, sigma: float
) -> None:
    """Blend `colour` into `canvas` through `sprite`, centred at (x, y), `sigma` pixels wide.

    The sprite is resampled with an affine transform rather than pasted at a
    whole pixel, so slow fields glide instead of stepping (one low-resolution
    pixel is several output pixels).
    """
    reach = _FIELD_REACH * sigma
    x0, y0 = max(0, math.floor(x - reach)), max(0, math.floor(y - reach))
    x1, y1 = min(canvas.width, math.ceil(x + reach)), min(canvas.height, math.ceil(y + reach))
    if x1 <= x0 or y1 <= y0:
        return
    k = _RADIAL_RADIUS / reach  # sprite pixels per canvas pixel
    mask = sprite.transform(
        (x1 - x0, y1 - y0),
        Image.Transform.AFFINE,
        (k, 0.0, _RADIAL_CENTRE + (x0 - x) * k, 0.0, k, _RADIAL_CENTRE + (y0 - y) * k),
        resample=Image.Resampling.BILINEAR,
        fillcolor=0,
    )
    canvas.paste(colour, (x0, y0, x1, y1), mask)


def _vignette(size: tuple[int, int]) -> Image.Image:
    """A brightness mask: full in the middle, falling to 65% towards the corners."""

    def level(v: int) -> int:
        # Normalised so the frame's edges are at 1 and its corners at sqrt(2).
        r2 = ((v + 0.5) / math.sqrt(2.0) / _RADIAL_RADIUS) ** 2
        return round(255.0 * (1.0 - 0.35 * max(0.0, min(1.0, r2 - 0.3))))

    lo, hi = _RADIAL_CENTRE - _RADIAL_RADIUS, _RADIAL_CENTRE + _RADIAL_RADIUS
    return (
        Image.radial_gradient("L")
        .point([level(v) for v in range(256)])
        .resize(size, Image.Resampling.BILINEAR, box=(lo, lo, hi, hi))
    )


# --------------------------------------------------------------------- text


@dataclass(frozen=True)
class _WordSprite:
    x: int
    y: int
    rgb: Image.Image  # RGB
    alpha: Image.Image  # L


# A word as pieces that each draw in one font (see app.local.fonts.runs).
_Word = list[tuple[str, FontFace]]


def _word_width(word: _Word, size: int) -> float:
    return sum(font(face, size).getlength(text) for text, face in word)


def _fit_word(word: _Word, size: int, max_width: int) -> list[_Word]:
    """The word, or if it is wider than `max_width`, its characters cut into
    parts that fit (Chinese and Japanese put no spaces between words)."""
    if _word_width(word, size) <= max_width:
        return [word]
    parts: list[_Word] = [[]]
    width = 0.0
    for text, face in word:
        for char in text:
            w = font(face, size).getlength(char)
            if parts[-1] and width + w > max_width:
                parts.append([])
                width = 0.0
            if parts[-1] and parts[-1][-1][1] == face:
                parts[-1][-1] = (parts[-1][-1][0] + char, face)
            else:
                parts[-1].append((char, face))
            width += w
    return parts


def _draw_word(word: _Word, size: int, height: int, pad: int, stroke: int) -> Image.Image:
    """The word in white with a dark outline, its pieces on one baseline."""
    img = Image.new("RGBA", (int(_word_width(word, size)) + 2 * pad, height + 2 * pad))
    draw = ImageDraw.Draw(img)
    x = float(pad)
    baseline = pad + font(shipped_face(), size).getmetrics()[0]
    for text, face in word:
        draw.text(
            (x, baseline),
            text,
            font=font(face, size),
            anchor="ls",
            fill=(255, 255, 255, 255),
            stroke_width=stroke,
            stroke_fill=(10, 10, 16, 255),
        )
        x += font(face, size).getlength(text)
    return img


def _layout_words(prompt: str, width: int, height: int, scale: float) -> list[_WordSprite]:
    faces = faces_for(prompt)  # one search for fonts per prompt, not per word
    words = [pieces for word in prompt.split() if (pieces := runs(word, faces))]
    if not words:
        return []
    max_width = int(width * 0.86)
    max_lines = 3
    size = max(12, int(min(width, height) / 11 * scale))
    while True:
        space = font(shipped_face(), size).getlength(" ")
        lines: list[list[_Word]] = [[]]
        line_width = 0.0
        for word in (part for whole in words for part in _fit_word(whole, size, max_width)):
            w = _word_width(word, size)
            extra = w if not lines[-1] else space + w
            if lines[-1] and line_width + extra > max_width:
                lines.append([word])
                line_width = w
            else:
                lines[-1].append(word)
                line_width += extra
        if len(lines) <= max_lines or size <= 14:
            break
        size = max(14, int(size * 0.85))
    if len(lines) > max_lines:
        ellipsis = [("...", shipped_face())]
        lines = lines[:max_lines]
        lines[-1] = [*lines[-1][:-1], ellipsis] if len(lines[-1]) > 1 else [*lines[-1], ellipsis]
    line_height = int(size * 1.3)
    block_height = line_height * len(lines)
    top = int(height * 0.62 - block_height / 2)
    top = max(4, min(top, height - block_height - 4))
    stroke = max(1, size // 14)
    pad = stroke + 2
    sprites: list[_WordSprite] = []
    for row, line in enumerate(lines):
        widths = [_word_width(w, size) for w in line]
        total = sum(widths) + space * (len(line) - 1)
        x = (width - total) / 2
        y = top + row * line_height
        for word, w in zip(line, widths, strict=True):
            img = _draw_word(word, size, line_height, pad, stroke)
            sx, sy = int(x) - pad, y - pad
            # Clip the sprite to the frame, so its height bounds the bob below.
            x0, y0 = max(0, -sx), max(0, -sy)
            x1 = min(img.width, width - sx)
            y1 = min(img.height, height - sy)
            if x1 > x0 and y1 > y0:
                part = img.crop((x0, y0, x1, y1))
                sprites.append(
                    _WordSprite(
                        x=sx + x0, y=sy + y0, rgb=part.convert("RGB"), alpha=part.getchannel("A")
                    )
                )
            x += w + space
    return sprites


def _blend_words(
    frame: Image.Image, sprites: list[_WordSprite], t: float, clip_seconds: float, bob: int
) -> None:
    if not sprites:
        return
    reveal_span = clip_seconds * 0.45
    step = reveal_span / len(sprites)
    fade = max(0.15, min(0.5, step * 1.5))
    for i, sprite in enumerate(sprites):
        visibility = (t - 0.1 * clip_seconds - i * step) / fade
        if visibility <= 0.0:
            continue
        alpha = sprite.alpha if visibility >= 1.0 else sprite.alpha.point(_fade_lut(visibility))
        y = max(0, min(frame.height - sprite.rgb.height, sprite.y + bob))
        frame.paste(sprite.rgb, (sprite.x, y), alpha)


# ----------------------------------------------------------------- scenes


@dataclass(frozen=True)
class _Particle:
    x: float  # start position, frame fractions
    y: float
    vx: float  # frame fractions per second at speed 1
    vy: float
    size: int  # pixels, less one
    phase: float  # twinkle phase, radians


@dataclass(frozen=True)
class _Field:
    """One soft colour field: where it swings around, how big, which colour."""

    centre: tuple[float, float]  # frame fractions
    amplitude: tuple[float, float]
    frequency: tuple[float, float]
    phase: tuple[float, float]
    radius: float  # sigma, as a fraction of the frame height
    colour: RGB
    sprite: Image.Image  # its Gaussian mask, strength baked in


class _Scene:
    """Precomputed layers of one clip; `frame(i)` draws frame i."""

    def __init__(self, spec: RenderSpec) -> None:
        self.spec = spec
        self.style = STYLES.get(spec.style) or STYLES["cinematic"]
        self.clip_seconds = float(spec.duration)
        self.rng = random.Random(_stable_hash(str(spec.seed), spec.prompt, self.style.name))
        self.palette = _palette(self.style, base_hue(spec.prompt))
        scale = shot_scale(spec.shot_size)
        self.words = _layout_words(spec.prompt, spec.width, spec.height, scale)
        rng, (drift_x, drift_y) = self.rng, self.style.drift
        unit = max(1, spec.height // 360)
        self.particles = [
            _Particle(
                x=rng.random(),
                y=rng.random(),
                vx=rng.gauss(0.0, 0.02) + drift_x,
                vy=rng.gauss(0.0, 0.02) + drift_y,
                size=rng.randint(1, 2) * unit,
                phase=rng.random() * math.tau,
            )
            for _ in range(self.style.particles)
        ]

    def draw_particles(self, frame: Image.Image, t: float) -> None:
        w, h = frame.size
        speed = self.style.speed
        r, g, b = self.palette.particle
        draw = ImageDraw.Draw(frame, "RGBA")  # RGBA ink blends into the RGB frame
        for p in self.particles:
            x = int((p.x + p.vx * t * speed) % 1.0 * (w - 4))
            y = int((p.y + p.vy * t * speed) % 1.0 * (h - 4))
            twinkle = 0.55 + 0.45 * math.sin(p.phase + t * 3.0 * speed)
            draw.rectangle((x, y, x + p.size, y + p.size), fill=(r, g, b, round(twinkle * 255)))

    def bob(self, t: float) -> int:
        return round(math.sin(t * 1.3 * self.style.speed) * self.spec.height * 0.008)

    def frame(self, index: int) -> Image.Image:
        raise NotImplementedError


class _SketchScene(_Scene):
    """Text-to-video: drifting soft colour fields, particles and the prompt."""

    def __init__(self, spec: RenderSpec) -> None:
        super().__init__(spec)
        lw = max(16, spec.width // _LOW_RES_DIVISOR)
        lh = max(16, spec.height // _LOW_RES_DIVISOR)
        self.low_size = (lw, lh)
        pad_x, pad_y = int(lw * _PAN_PIXELS) + 1, int(lh * _PAN_PIXELS) + 1
        self.pad = (pad_x, pad_y)
        # A gradient larger than the frame, so panning across it shows motion.
        p = self.palette
        self.background = _diagonal_gradient((lw + 2 * pad_x, lh + 2 * pad_y), p.top, p.bottom)
        rng, scale = self.rng, shot_scale(spec.shot_size)
        self.fields = [
            _Field(
                centre=(rng.random() * 0.8 + 0.1, rng.random() * 0.8 + 0.1),
                amplitude=(rng.random() * 0.3 + 0.1, rng.random() * 0.3 + 0.1),
                frequency=(rng.random() * 0.5 + 0.2, rng.random() * 0.5 + 0.2),
                phase=(rng.random() * math.tau, rng.random() * math.tau),
                radius=(rng.random() * 0.12 + 0.08) * scale,
                colour=p.accents[i % len(p.accents)],
                sprite=_field_sprite(rng.random() * 0.35 + 0.55),
            )
            for i in range(self.style.blobs)
        ]
        self.pan_phase = rng.random() * math.tau

    def frame(self, index: int) -> Image.Image:
        spec = self.spec
        t = index / spec.fps
        speed = self.style.speed
        lw, lh = self.low_size
        pad_x, pad_y = self.pad
        ox = round(pad_x * (1.0 + math.sin(self.pan_phase + t * 0.35 * speed)))
        oy = round(pad_y * (1.0 + math.cos(self.pan_phase + t * 0.27 * speed)))
        low = self.background.crop((ox, oy, ox + lw, oy + lh))
        for i, f in enumerate(self.fields):
            cx = f.centre[0] + f.amplitude[0] * math.sin(
                f.phase[0] + t * f.frequency[0] * speed * 2.0
            )
            cy = f.centre[1] + f.amplitude[1] * math.cos(
                f.phase[1] + t * f.frequency[1] * speed * 2.0
            )
            r = f.radius * (1.0 + 0.15 * math.sin(t * speed + i))
            # Round on screen: the radius is a fraction of the height on both axes.
            _paint_field(low, f.sprite, f.colour, cx * lw, cy * lh, r * lh)
        frame = low.resize((spec.width, spec.height), Image.Resampling.BILINEAR)
        self.draw_particles(frame, t)
        _blend_words(frame, self.words, t, self.clip_seconds, self.bob(t))
        return frame


class _AnimateScene(_Scene):
    """Image-to-video: a slow zoom and pan across the uploaded picture."""

    ZOOM = 0.14

    def __init__(self, spec: RenderSpec) -> None:
        super().__init__(spec)
        if spec.source_image is None:
            raise SourceImageError("This model needs a source picture, and none was given.")
        try:
            with Image.open(spec.source_image) as img:
                img.load()
                picture = img.convert("RGB")
        except FileNotFoundError as exc:
            raise SourceImageError("The source picture is no longer on disk.") from exc
        except (OSError, ValueError, Image.DecompressionBombError) as exc:
            raise SourceImageError(f"The source picture could not be read: {exc}") from exc
        # Cover-fit the picture to the frame once, with room to zoom into.
        w, h = spec.width, spec.height
        fit = max(w / picture.width, h / picture.height)
        size = (max(w, round(picture.width * fit)), max(h, round(picture.height * fit)))
        fitted = picture.resize(size, Image.Resampling.LANCZOS)
        left, top = (size[0] - w) // 2, (size[1] - h) // 2
        base = fitted.crop((left, top, left + w, top + h))
        # Bake the style's tint and a vignette into the picture: they do not move.
        tinted = Image.blend(
            base, Image.new("RGB", base.size, self.palette.accents[0]), self.style.tint
        )
        self.picture = ImageChops.multiply(tinted, _vignette((w, h)).convert("RGB"))
        angle = self.rng.random() * math.tau
        self.pan = (math.cos(angle), math.sin(angle))
        self.zoom_in = self.rng.random() < 0.5

    def frame(self, index: int) -> Image.Image:
        spec = self.spec
        total = max(1, spec.frame_count - 1)
        t = index / spec.fps
        progress = index / total
        eased = 0.5 - 0.5 * math.cos(math.pi * progress)
        zoom = 1.0 + self.ZOOM * (eased if self.zoom_in else 1.0 - eased)
        w, h = spec.width, spec.height
        cw, ch = w / zoom, h / zoom
        slack_x, slack_y = (w - cw) / 2, (h - ch) / 2
        cx = w / 2 + self.pan[0] * slack_x * (eased - 0.5)
        cy = h / 2 + self.pan[1] * slack_y * (eased - 0.5)
        box = (cx - cw / 2, cy - ch / 2, cx + cw / 2, cy + ch / 2)
        frame = self.picture.resize((w, h), Image.Resampling.BILINEAR, box=box)
        self.draw_particles(frame, t)
        _blend_words(frame, self.words, t, self.clip_seconds, self.bob(t))
        return frame


def _scene_for(spec: RenderSpec) -> _Scene:
    if spec.source_image is not None:
        return _AnimateScene(spec)
    return _SketchScene(spec)


def iter_frames(spec: RenderSpec) -> Iterator[Image.Image]:
    """Yield the clip's frames as RGB images of the spec's size."""
    scene = _scene_for(spec)
    for i in range(spec.frame_count):
        yield scene.frame(i)


# ---------------------------------------------------------------- encoding


def _temp_path(final: Path) -> Path:
    return final.with_name(f".{final.stem}.{os.getpid()}.part{final.suffix}")


def render_video(
    spec: RenderSpec,
    video_path: Path,
    poster_path: Path,
    on_progress: ProgressCallback | None = None,
    should_stop: StopCheck | None = None,
) -> None:
    """Render `spec` to an H.264 MP4 at `video_path` and a JPEG poster at `poster_path`.

    Both files appear complete or not at all (written aside, then renamed).
    `on_progress(done, total)` is called after every frame. When
    `spec.min_seconds` is set, frames are paced so the render lasts at least
    that long. Raises `RenderCancelled` when `should_stop()` turns true, and
    `SourceImageError` when the picture to animate cannot be used.
    """
    if spec.width % 2 or spec.height % 2:
        raise ValueError("width and height must be even for yuv420p")
    total = spec.frame_count
    poster_index = min(total - 1, int(total * _POSTER_AT))
    scene = _scene_for(spec)
    video_tmp, poster_tmp = _temp_path(video_path), _temp_path(poster_path)
    video_path.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    try:
        with av.open(
            str(video_tmp), mode="w", format="mp4", options={"movflags": "+faststart"}
        ) as container:
            stream = container.add_stream("libx264", rate=Fraction(spec.fps, 1))
            stream.width = spec.width
            stream.height = spec.height
            stream.pix_fmt = "yuv420p"
            stream.time_base = Fraction(1, spec.fps)
            # mbtree off: with it, this libx264 build does not give byte-identical
            # output for identical input from run to run, and determinism matters more.
            stream.codec_context.options = {
                "preset": "veryfast",
                "crf": "23",
                "tune": "animation",
                "x264-params": "mbtree=0",
            }
            for index in range(total):
                if should_stop is not None and should_stop():
                    raise RenderCancelled("the renderer is shutting down")
                picture = scene.frame(index)
                if index == poster_index:
                    picture.save(poster_tmp, "JPEG", quality=85)
                frame = av.VideoFrame.from_image(picture).reformat(format="yuv420p")
                frame.pts = index
                container.mux(stream.encode(frame))
                if on_progress is not None:
                    on_progress(index + 1, total)
                if spec.min_seconds > 0:
                    lag = started + spec.min_seconds * (index + 1) / total - time.monotonic()
                    if lag > 0:
                        time.sleep(lag)
            container.mux(stream.encode(None))
        os.replace(poster_tmp, poster_path)
        os.replace(video_tmp, video_path)
    finally:
        for leftover in (video_tmp, poster_tmp):
            leftover.unlink(missing_ok=True)
    log.debug(
        "rendered %d frames %dx%d in %.2fs",
        total,
        spec.width,
        spec.height,
        time.monotonic() - started,
    )
