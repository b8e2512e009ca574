"""`app.api.images.check_source_image`: the one check of a source picture."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from app.api.errors import ImageProblem, InvalidRequestError, UnusableImageError
from app.api.images import SourceImage, check_source_image, image_content_type
from app.api.models import MAX_UPLOAD_BYTES


def picture(fmt: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 6), (200, 40, 40)).save(out, fmt)
    return out.getvalue()


@pytest.mark.parametrize(
    ("fmt", "suffix", "ctype"),
    [("JPEG", ".jpg", "image/jpeg"), ("PNG", ".png", "image/png"), ("WEBP", ".webp", "image/webp")],
)
def test_pictures_the_service_takes_pass(tmp_path: Path, fmt: str, suffix: str, ctype: str) -> None:
    path = tmp_path / f"source{suffix}"
    data = picture(fmt)
    path.write_bytes(data)
    assert check_source_image(path) == SourceImage(path, ctype, len(data))
    assert image_content_type(data[:16]) == ctype


def test_the_name_is_not_trusted(tmp_path: Path) -> None:
    path = tmp_path / "holiday.png"
    path.write_bytes(picture("JPEG"))
    assert check_source_image(path).content_type == "image/jpeg"


def problem_of(path: Path) -> UnusableImageError:
    with pytest.raises(UnusableImageError) as caught:
        check_source_image(path)
    assert isinstance(caught.value, InvalidRequestError)  # refused before anything was sent
    assert caught.value.path == path and caught.value.server_message is None
    return caught.value


def test_what_the_service_would_refuse_is_refused_with_why(tmp_path: Path) -> None:
    assert problem_of(tmp_path / "missing.png").problem is ImageProblem.MISSING
    assert problem_of(tmp_path).problem is ImageProblem.NOT_A_PICTURE  # a folder
    gif = tmp_path / "anim.gif"
    gif.write_bytes(b"GIF89a" + bytes(64))
    assert problem_of(gif).problem is ImageProblem.NOT_A_PICTURE
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    assert problem_of(empty).problem is ImageProblem.NOT_A_PICTURE
    big = tmp_path / "big.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(MAX_UPLOAD_BYTES))
    too_large = problem_of(big)
    assert too_large.problem is ImageProblem.TOO_LARGE
    assert too_large.size == MAX_UPLOAD_BYTES + 8
