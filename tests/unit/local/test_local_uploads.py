"""Upload checks: format sniffed from bytes, Pillow must agree, multipart parsed by hand."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from app.local.uploads import UploadRejected, check_image, multipart_field, sniff_format


def encoded(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), (200, 30, 30)).save(buffer, fmt)
    return buffer.getvalue()


@pytest.mark.parametrize(("fmt", "ext"), [("PNG", "png"), ("JPEG", "jpg"), ("WEBP", "webp")])
def test_real_pictures_pass(fmt: str, ext: str) -> None:
    checked = check_image(encoded(fmt))
    assert (checked.extension, checked.width, checked.height) == (ext, 20, 10)
    assert sniff_format(checked.data) == fmt


def test_png_bytes_with_a_jpeg_body_are_refused() -> None:
    mixed = b"\x89PNG\r\n\x1a\n" + encoded("JPEG")
    with pytest.raises(UploadRejected):
        check_image(mixed)


def test_corrupt_png_is_refused() -> None:
    data = bytearray(encoded("PNG"))
    data[40] ^= 0xFF  # breaks a chunk checksum
    with pytest.raises(UploadRejected, match="could not be read"):
        check_image(bytes(data))


def body(boundary: str, *parts: tuple[str, bytes]) -> bytes:
    out = b""
    for name, content in parts:
        out += (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="f.bin"\r\nContent-Type: application/octet-stream\r\n\r\n'
            ).encode()
            + content
            + b"\r\n"
        )
    return out + f"--{boundary}--\r\n".encode()


def test_multipart_finds_the_payload_among_other_fields() -> None:
    payload = b"\r\n--not-the-boundary\r\n" + bytes(range(256))
    raw = body("XyZ", ("note", b"hello"), ("payload", payload))
    assert multipart_field('multipart/form-data; boundary="XyZ"', raw) == payload


@pytest.mark.parametrize(
    ("content_type", "raw", "expected"),
    [
        ("application/json", b"{}", "multipart/form-data"),
        ("multipart/form-data", b"", "boundary"),
        ("multipart/form-data; boundary=B", body("B", ("other", b"x")), "payload"),
    ],
)
def test_multipart_problems_are_explained(content_type: str, raw: bytes, expected: str) -> None:
    with pytest.raises(UploadRejected, match=expected):
        multipart_field(content_type, raw)
