"""Single frames out of a video file: "Save frame" and "Continue from last frame".

- `frame_at(path, seconds)`: the exact frame showing at a time (the last one
  at or before it), decoded from the file at its full resolution.
- `save_frame_png(path, seconds, out)`: that frame as a PNG, written whole or
  not at all, never over an existing file unless asked.
- `last_frame(path)`: the true final frame, found from the packets (see
  app.media.probe) rather than the header's duration, decoded from the last
  keyframe; B-frames, a fragmented MP4 or a missing duration don't fool it.
- `last_frame_png(path, out)`: the final frame as a picture the service
  accepts as an image-to-video source (app.api.models.MAX_UPLOAD_BYTES,
  JPEG/PNG/WebP):
  a PNG when it fits, else a JPEG at full size (quality lowered step by step),
  else a smaller JPEG. Returns the path written, whose suffix says which.

All blocking, and safe to call from any thread: each call opens its own
decoder.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

from PIL import Image

from app.media.decoding import exact_frame
from app.media.errors import OutOfRangeError
from app.media.files import atomic_output, check_target
from app.media.probe import VideoInfo, open_video, probe

#: JPEG qualities tried, then sizes (as a share of the full size), when a PNG
#: of the last frame is larger than the upload limit.
_JPEG_QUALITIES = (92, 85, 75)
_SHRINK = 0.75
_END_SLACK = 0.002


def frame_at(path: Path, seconds: float) -> Image.Image:
    """The frame showing at `seconds` from the first frame, as an RGB image at
    the video's full size. Raises OutOfRangeError outside 0..duration and
    UnreadableVideoError for a file that can't be read."""
    info = probe(Path(path))
    return _decode(info, _index_at(info, seconds))


def last_frame(path: Path) -> Image.Image:
    """The final frame of the video, as an RGB image at full size."""
    info = probe(Path(path))
    return _decode(info, info.frame_count - 1)


def save_frame_png(path: Path, seconds: float, out: Path, *, overwrite: bool = False) -> Path:
    """Write the frame showing at `seconds` to `out` as a PNG; returns `out`.
    Raises OutputExistsError when `out` exists and `overwrite` is false,
    DiskFullError or FolderNotWritableError when it can't be written."""
    out = Path(out)
    check_target(out, overwrite=overwrite)  # before the decoding, not after it
    image = frame_at(path, seconds)
    return _write(out, _png_bytes(image), overwrite=overwrite)


def last_frame_png(
    path: Path, out: Path, *, overwrite: bool = False, max_bytes: int | None = None
) -> Path:
    """Write the final frame as an upload-ready picture of at most `max_bytes`
    (by default the service's upload limit): `out` as a PNG when it fits, else
    `out` with a `.jpg` suffix. Returns the path written."""
    if max_bytes is None:
        # The contract's rule, from its one home; imported here so that the
        # media engine does not load the HTTP client for every thumbnail.
        from app.api.models import MAX_UPLOAD_BYTES

        max_bytes = MAX_UPLOAD_BYTES
    out = Path(out)
    check_target(out, overwrite=overwrite)
    image = last_frame(path)
    data = _png_bytes(image)
    if len(data) <= max_bytes:
        return _write(out, data, overwrite=overwrite)
    jpeg = out.with_suffix(".jpg")
    check_target(jpeg, overwrite=overwrite)
    return _write(jpeg, _jpeg_within(image, max_bytes), overwrite=overwrite)


def _index_at(info: VideoInfo, seconds: float) -> int:
    # A player's position at the very end is the duration rounded to its
    # clock (milliseconds): it shows the last frame, so a little slack.
    if not math.isfinite(seconds) or not 0 <= seconds <= info.duration + _END_SLACK:
        raise OutOfRangeError(seconds, None, info.duration)
    return info.frame_index_at(seconds)


def _decode(info: VideoInfo, index: int) -> Image.Image:
    with open_video(info.path) as (container, stream):
        frame = exact_frame(container, stream, info, index)
        return frame.to_image()


def _png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    # compress_level 6 is zlib's balance; 9 takes several times longer for ~2 % less.
    image.save(buffer, "PNG", compress_level=6)
    return buffer.getvalue()


def _jpeg_within(image: Image.Image, max_bytes: int) -> bytes:
    """The best JPEG of `image` that fits: full size first, then smaller."""
    sized = image
    while True:
        for quality in _JPEG_QUALITIES:
            buffer = io.BytesIO()
            sized.save(buffer, "JPEG", quality=quality, optimize=True)
            if buffer.tell() <= max_bytes:
                return buffer.getvalue()
        if min(sized.size) <= 16:
            raise ValueError(f"no JPEG of this frame fits in {max_bytes} bytes")
        sized = _scaled(sized, _SHRINK)


def _scaled(image: Image.Image, scale: float) -> Image.Image:
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS)


def _write(out: Path, data: bytes, *, overwrite: bool) -> Path:
    with atomic_output(out, overwrite=overwrite) as tmp:
        tmp.write_bytes(data)
    return out
