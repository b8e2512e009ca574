"""Checking pictures uploaded to the built-in renderer (`POST file/upload`).

A picture is accepted when its bytes start like a JPEG, PNG or WebP file (the
name and the declared content type are not trusted), Pillow can open it as
that format, and it is at most `MAX_UPLOAD_BYTES`. The multipart body is
parsed here with the standard library, since only one field (`payload`)
matters. Every refusal is an `UploadRejected` whose message says what to do.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from PIL import Image

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
FIELD_NAME = "payload"


class UploadRejected(ValueError):
    """The upload cannot be used; the message is for the person who sent it."""


@dataclass(frozen=True)
class CheckedImage:
    data: bytes
    extension: str
    content_type: str
    width: int
    height: int


_FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
}


def sniff_format(data: bytes) -> str | None:
    """The picture format the bytes start with: JPEG, PNG, WEBP or None."""
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    return None


def check_image(data: bytes) -> CheckedImage:
    """Accept a JPEG, PNG or WebP picture of at most 10 MB, or raise `UploadRejected`."""
    if not data:
        raise UploadRejected("The uploaded file is empty.")
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadRejected(
            f"The picture is too large ({len(data) / 1_048_576:.1f} MB); the limit is 10 MB."
        )
    kind = sniff_format(data)
    if kind is None:
        raise UploadRejected(
            "Only JPEG, PNG or WebP pictures can be uploaded; this file is not one of them."
        )
    try:
        with Image.open(io.BytesIO(data)) as img:
            opened_as = img.format
            width, height = img.size
            if opened_as == "PNG":
                img.verify()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise UploadRejected(f"The picture could not be read ({exc}).") from None
    if opened_as != kind:
        raise UploadRejected("The picture's contents do not match its format.")
    if width * height > MAX_PIXELS:
        raise UploadRejected(f"The picture is too large ({width}x{height} pixels).")
    extension, content_type = _FORMATS[kind]
    return CheckedImage(data, extension, content_type, width, height)


_BOUNDARY_RE = re.compile(r'boundary="?([^";]+)"?', re.IGNORECASE)
_NAME_RE = re.compile(rb'(?:^|;)\s*name="([^"]*)"', re.IGNORECASE)


def multipart_field(content_type: str, body: bytes, name: str = FIELD_NAME) -> bytes:
    """The bytes of field `name` in a multipart/form-data body."""
    if not content_type.lower().startswith("multipart/form-data"):
        raise UploadRejected(f"Send the picture as multipart/form-data in a field named {name!r}.")
    match = _BOUNDARY_RE.search(content_type)
    if match is None:
        raise UploadRejected("The multipart body has no boundary.")
    delimiter = b"--" + match.group(1).encode("latin-1")
    for part in body.split(delimiter)[1:]:
        if part.startswith(b"--"):
            break  # the closing delimiter
        head, sep, content = part.partition(b"\r\n\r\n")
        if not sep:
            continue
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-disposition:"):
                field_name = _NAME_RE.search(line.split(b":", 1)[1])
                if field_name is not None and field_name.group(1) == name.encode():
                    return content.removesuffix(b"\r\n")
    raise UploadRejected(f"No picture in the upload: send it in a field named {name!r}.")
