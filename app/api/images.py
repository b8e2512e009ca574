"""The one check of a source picture for image-to-video, before anything is sent.

The service takes JPEG, PNG and WebP pictures of at most `MAX_UPLOAD_BYTES`.
A file is judged by its first bytes (its name and extension are not trusted)
and its size. `check_source_image` returns what it found or raises
`UnusableImageError` with an `ImageProblem`; the client checks again before an
upload, the command line before a job starts, the window when a picture is
dropped, and each words the problem its own way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.api.errors import ImageProblem, UnusableImageError
from app.api.models import MAX_UPLOAD_BYTES

#: Enough of a file's start to tell its format.
HEAD_BYTES = 16
_MAGIC = {
    b"\xff\xd8\xff": "image/jpeg",
    b"\x89PNG\r\n\x1a\n": "image/png",
}


@dataclass(frozen=True)
class SourceImage:
    """A picture that may be sent: where it is, its MIME type, its size in bytes."""

    path: Path
    content_type: str
    size: int


def image_content_type(head: bytes) -> str | None:
    """The MIME type of a JPEG, PNG or WebP file from its first bytes, else None."""
    for magic, ctype in _MAGIC.items():
        if head.startswith(magic):
            return ctype
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def check_source_image(path: Path) -> SourceImage:
    """`path` as a picture the service accepts, or UnusableImageError saying why.
    Blocking (a stat and a 16-byte read): off the GUI thread in the window."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except FileNotFoundError:
        raise UnusableImageError(path, ImageProblem.MISSING) from None
    except IsADirectoryError:
        raise UnusableImageError(path, ImageProblem.NOT_A_PICTURE) from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise UnusableImageError(path, ImageProblem.UNREADABLE, reason=reason) from None
    ctype = image_content_type(head)
    if ctype is None:
        raise UnusableImageError(path, ImageProblem.NOT_A_PICTURE, size=size)
    if size > MAX_UPLOAD_BYTES:
        raise UnusableImageError(path, ImageProblem.TOO_LARGE, size=size)
    return SourceImage(path, ctype, size)
