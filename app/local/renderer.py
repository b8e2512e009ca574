"""The procedural video renderer behind the built-in local backend.

It turns a generation request into a real H.264 MP4 and a JPEG poster: soft
colour fields drift across a gradient, particles float, and the prompt's words
fade in one by one. Everything is derived from the request: colours from the
prompt's words and the style, motion from the style, layout from the seed, so
the same request and seed always give the same frames. Image-to-video slowly
zooms and pans across the uploaded picture with the prompt overlaid.

Speed comes from precomputing every layer that does not move (background,
word sprites, the fitted source picture) and from drawing the soft colour
fields at a quarter of the output size, where they are cheap, before scaling
them up; only the sharp parts (particles, words) are drawn at full size.
"""

from __future__ import annotations

import colorsys
import hashlib
import logging
import math
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from app.local.catalogue import STYLES, Style, shot_scale

log = logging.getLogger("framecast.local.renderer")

ProgressCallback = Callable[[int, int], None]
StopCheck = Callable[[], bool]

_LOW_RES_DIVISOR = 4
_POSTER_AT = 0.7  # fraction of the clip the poster frame is taken from
_PAN_PIXELS = 0.08  # how far the background drifts, as a fraction of the frame

# Hues (degrees) for words that name or suggest a colour.
_COLOUR_WORDS: dict[str, float] = {
    "red": 0, "crimson": 350, "fire": 12, "lava": 10, "orange": 28, "autumn": 30,
    "gold": 45, "golden": 45, "yellow": 55, "sun": 48, "sunny": 48, "desert": 38,
    "green": 120, "forest": 130, "jungle": 125, "grass": 110, "leaf": 115,
    "teal": 175, "cyan": 185, "ice": 195, "snow": 200, "winter": 205,
    "blue": 215, "ocean": 205, "sea": 205, "sky": 200, "water": 200, "rain": 210,
    "night": 235, "space": 245, "galaxy": 260, "purple": 275, "violet": 270,
    "magenta": 305, "pink": 330, "rose": 340, "cherry": 345,
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


def hsv_colour(h_deg: float, s: float, v: float) -> np.ndarray:
    r, g, b = colorsys.hsv_to_rgb((h_deg % 360.0) / 360.0, max(0.0, min(1.0, s)),
                                  max(0.0, min(1.0, v)))
    return np.array([r * 255.0, g * 255.0, b * 255.0], dtype=np.float32)


def base_hue(prompt: str) -> float:
    """The prompt's hue: the first colour word it holds, else one derived from its text."""
    for raw in prompt.lower().split():
        word = raw.strip(".,;:!?\"'()[]")
        if word in _COLOUR_WORDS:
            return _COLOUR_WORDS[word]
    return float(_stable_hash(prompt.strip().lower()) % 360)


@dataclass(frozen=True)
class _Palette:
    top: np.ndarray
    bottom: np.ndarray
    accents: tuple[np.ndarray, ...]
    particle: np.ndarray


def _palette(style: Style, hue: float) -> _Palette:
    s = style
    accents = tuple(
        hsv_colour(hue + off, s.saturation, s.accent_value) for off in s.hue_offsets
    )
    return _Palette(
        top=hsv_colour(hue + s.hue_offsets[-1], s.saturation * 0.8, s.top_value),
        bottom=hsv_colour(hue, s.saturation, s.bottom_value),
        accents=accents,
        particle=hsv_colour(hue + 30, s.saturation * 0.4, 1.0),
    )


# --------------------------------------------------------------------- text


@dataclass(frozen=True)
class _WordSprite:
    x: int
    y: int
    rgb: np.ndarray  # (h, w, 3) float32
    alpha: np.ndarray  # (h, w, 1) float32 in 0..1


def _layout_words(prompt: str, width: int, height: int, scale: float) -> list[_WordSprite]:
    words = prompt.split()
    if not words:
        return []
    max_width = int(width * 0.86)
    max_lines = 3
    size = max(12, int(min(width, height) / 11 * scale))
    while True:
        font = ImageFont.load_default(size=size)
        space = font.getlength(" ")
        lines: list[list[str]] = [[]]
        line_width = 0.0
        for word in words:
            w = font.getlength(word)
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
        lines = lines[:max_lines]
        lines[-1] = [*lines[-1][:-1], "..."] if len(lines[-1]) > 1 else [*lines[-1], "..."]
    line_height = int(size * 1.3)
    block_height = line_height * len(lines)
    top = int(height * 0.62 - block_height / 2)
    top = max(4, min(top, height - block_height - 4))
    stroke = max(1, size // 14)
    pad = stroke + 2
    sprites: list[_WordSprite] = []
    for row, line in enumerate(lines):
        widths = [font.getlength(w) for w in line]
        total = sum(widths) + space * (len(line) - 1)
        x = (width - total) / 2
        y = top + row * line_height
        for word, w in zip(line, widths, strict=True):
            img = Image.new("RGBA", (int(w) + 2 * pad, line_height + 2 * pad), (0, 0, 0, 0))
            ImageDraw.Draw(img).text((pad, pad), word, font=font, fill=(255, 255, 255, 255),
                                     stroke_width=stroke, stroke_fill=(10, 10, 16, 255))
            arr = np.asarray(img, dtype=np.float32)
            sx, sy = int(x) - pad, y - pad
            # Clip the sprite to the frame so blending never needs bounds checks.
            x0, y0 = max(0, -sx), max(0, -sy)
            x1 = min(arr.shape[1], width - sx)
            y1 = min(arr.shape[0], height - sy)
            if x1 > x0 and y1 > y0:
                part = arr[y0:y1, x0:x1]
                sprites.append(_WordSprite(
                    x=sx + x0, y=sy + y0,
                    rgb=np.ascontiguousarray(part[..., :3]),
                    alpha=np.ascontiguousarray(part[..., 3:4] / 255.0),
                ))
            x += w + space
    return sprites


def _blend_words(frame: np.ndarray, sprites: list[_WordSprite], t: float, clip_seconds: float,
                 bob: int) -> None:
    if not sprites:
        return
    reveal_span = clip_seconds * 0.45
    step = reveal_span / len(sprites)
    fade = max(0.15, min(0.5, step * 1.5))
    h = frame.shape[0]
    for i, sprite in enumerate(sprites):
        visibility = (t - 0.1 * clip_seconds - i * step) / fade
        if visibility <= 0.0:
            continue
        visibility = min(1.0, visibility)
        sh, sw = sprite.rgb.shape[:2]
        y = max(0, min(h - sh, sprite.y + bob))
        region = frame[y:y + sh, sprite.x:sprite.x + sw]
        rf = region.astype(np.float32)
        a = sprite.alpha if visibility >= 1.0 else sprite.alpha * visibility
        rf += (sprite.rgb - rf) * a
        region[...] = rf.astype(np.uint8)


# ----------------------------------------------------------------- scenes


class _Scene:
    """Precomputed layers of one clip; `frame(i)` draws frame i."""

    def __init__(self, spec: RenderSpec) -> None:
        self.spec = spec
        self.style = STYLES.get(spec.style) or STYLES["cinematic"]
        self.clip_seconds = float(spec.duration)
        self.rng = np.random.default_rng(
            [spec.seed & 0xFFFFFFFF, _stable_hash(spec.prompt), _stable_hash(self.style.name)]
        )
        self.palette = _palette(self.style, base_hue(spec.prompt))
        scale = shot_scale(spec.shot_size)
        self.words = _layout_words(spec.prompt, spec.width, spec.height, scale)
        n = self.style.particles
        self.p_pos = self.rng.random((n, 2)).astype(np.float32)
        self.p_vel = (self.rng.normal(0.0, 0.02, (n, 2)) + np.array(self.style.drift)).astype(
            np.float32)
        self.p_size = self.rng.integers(1, 3, n) * max(1, spec.height // 360)
        self.p_phase = self.rng.random(n).astype(np.float32) * 6.283

    def particles(self, frame: np.ndarray, t: float) -> None:
        h, w = frame.shape[:2]
        speed = self.style.speed
        pos = (self.p_pos + self.p_vel * t * speed) % 1.0
        xs = (pos[:, 0] * (w - 4)).astype(np.int32)
        ys = (pos[:, 1] * (h - 4)).astype(np.int32)
        twinkle = 0.55 + 0.45 * np.sin(self.p_phase + t * 3.0 * speed)
        colour = self.palette.particle
        for x, y, s, k in zip(xs, ys, self.p_size, twinkle, strict=True):
            region = frame[y:y + s + 1, x:x + s + 1]
            region[...] = (region * (1.0 - k) + colour * k).astype(np.uint8)

    def bob(self, t: float) -> int:
        return round(math.sin(t * 1.3 * self.style.speed) * self.spec.height * 0.008)

    def frame(self, index: int) -> np.ndarray:
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
        # A diagonal gradient larger than the frame, so panning across it shows motion.
        gy = np.linspace(0.0, 1.0, lh + 2 * pad_y, dtype=np.float32)[:, None, None]
        gx = np.linspace(0.0, 1.0, lw + 2 * pad_x, dtype=np.float32)[None, :, None]
        mix = np.clip(gy * 0.8 + gx * 0.2, 0.0, 1.0)
        p = self.palette
        self.background = (p.top * (1.0 - mix) + p.bottom * mix).astype(np.float32)
        self.xs = np.arange(lw, dtype=np.float32) / lw
        self.ys = np.arange(lh, dtype=np.float32) / lh
        n = self.style.blobs
        self.b_centre = self.rng.random((n, 2)).astype(np.float32) * 0.8 + 0.1
        self.b_amp = self.rng.random((n, 2)).astype(np.float32) * 0.3 + 0.1
        self.b_freq = self.rng.random((n, 2)).astype(np.float32) * 0.5 + 0.2
        self.b_phase = self.rng.random((n, 2)).astype(np.float32) * 6.283
        self.b_radius = (self.rng.random(n).astype(np.float32) * 0.12 + 0.08) * shot_scale(
            spec.shot_size)
        self.b_colour = [p.accents[i % len(p.accents)] for i in range(n)]
        self.b_strength = self.rng.random(n).astype(np.float32) * 0.35 + 0.55
        self.pan_phase = float(self.rng.random() * 6.283)

    def frame(self, index: int) -> np.ndarray:
        spec = self.spec
        t = index / spec.fps
        speed = self.style.speed
        lw, lh = self.low_size
        pad_x, pad_y = self.pad
        ox = round(pad_x * (1.0 + math.sin(self.pan_phase + t * 0.35 * speed)))
        oy = round(pad_y * (1.0 + math.cos(self.pan_phase + t * 0.27 * speed)))
        low = self.background[oy:oy + lh, ox:ox + lw].copy()
        aspect = lw / lh
        for i, colour in enumerate(self.b_colour):
            cx = self.b_centre[i, 0] + self.b_amp[i, 0] * math.sin(
                self.b_phase[i, 0] + t * self.b_freq[i, 0] * speed * 2.0)
            cy = self.b_centre[i, 1] + self.b_amp[i, 1] * math.cos(
                self.b_phase[i, 1] + t * self.b_freq[i, 1] * speed * 2.0)
            r = self.b_radius[i] * (1.0 + 0.15 * math.sin(t * speed + i))
            gx = np.exp(-(((self.xs - cx) * aspect) ** 2) / (2 * r * r))
            gy = np.exp(-((self.ys - cy) ** 2) / (2 * r * r))
            a = np.outer(gy, gx)[..., None] * self.b_strength[i]
            low += (colour - low) * a
        small = Image.fromarray(np.clip(low, 0, 255).astype(np.uint8), "RGB")
        frame = np.array(small.resize((spec.width, spec.height), Image.Resampling.BILINEAR))
        self.particles(frame, t)
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
        base = np.asarray(fitted.crop((left, top, left + w, top + h)), dtype=np.float32)
        # Bake the style's tint and a vignette into the picture: they do not move.
        tint = self.palette.accents[0]
        yy = np.linspace(-1.0, 1.0, h, dtype=np.float32)[:, None]
        xx = np.linspace(-1.0, 1.0, w, dtype=np.float32)[None, :]
        vignette = (1.0 - 0.35 * np.clip(xx * xx + yy * yy - 0.3, 0.0, 1.0))[..., None]
        tinted = base * (1.0 - self.style.tint) + tint * self.style.tint
        self.picture = Image.fromarray(np.clip(tinted * vignette, 0, 255).astype(np.uint8), "RGB")
        angle = float(self.rng.random() * 6.283)
        self.pan = (math.cos(angle), math.sin(angle))
        self.zoom_in = bool(self.rng.integers(0, 2))

    def frame(self, index: int) -> np.ndarray:
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
        frame = np.array(self.picture.resize((w, h), Image.Resampling.BILINEAR, box=box))
        self.particles(frame, t)
        _blend_words(frame, self.words, t, self.clip_seconds, self.bob(t))
        return frame


def _scene_for(spec: RenderSpec) -> _Scene:
    if spec.source_image is not None:
        return _AnimateScene(spec)
    return _SketchScene(spec)


def iter_frames(spec: RenderSpec) -> Iterator[np.ndarray]:
    """Yield the clip's frames as (height, width, 3) uint8 RGB arrays."""
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
        with av.open(str(video_tmp), mode="w", format="mp4",
                     options={"movflags": "+faststart"}) as container:
            stream = container.add_stream("libx264", rate=Fraction(spec.fps, 1))
            stream.width = spec.width
            stream.height = spec.height
            stream.pix_fmt = "yuv420p"
            stream.time_base = Fraction(1, spec.fps)
            # mbtree off: with it, this libx264 build does not give byte-identical
            # output for identical input from run to run, and determinism matters more.
            stream.codec_context.options = {"preset": "veryfast", "crf": "23",
                                            "tune": "animation", "x264-params": "mbtree=0"}
            for index in range(total):
                if should_stop is not None and should_stop():
                    raise RenderCancelled("the renderer is shutting down")
                pixels = scene.frame(index)
                if index == poster_index:
                    Image.fromarray(pixels, "RGB").save(poster_tmp, "JPEG", quality=85)
                frame = av.VideoFrame.from_ndarray(pixels, format="rgb24").reformat(
                    format="yuv420p")
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
    log.debug("rendered %d frames %dx%d in %.2fs", total, spec.width, spec.height,
              time.monotonic() - started)
