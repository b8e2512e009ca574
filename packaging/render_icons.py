"""Regenerate Framecast's icon files from their SVG sources.

Renders `resources/icons/framecast.svg` (and `framecast-small.svg` for the
sizes where sprocket holes would blur into mush) to `framecast-<N>.png` with
Qt's own SVG renderer, offscreen, then packs the PNGs into `framecast.ico`
(Windows) and `framecast.icns` (macOS) with Pillow. The outputs are committed;
run this after editing an SVG:

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

log = logging.getLogger("framecast.packaging")

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
SMALL_SIZES = frozenset({16, 32})
ICO_SIZES = (16, 32, 48, 64, 128, 256)
# .icns slots are 32..1024 px (16@2x up to 512@2x); the 1024 px one is rendered
# only for the .icns, not kept as a PNG.
ICNS_SIZES = (32, 64, 128, 256, 512)
ICNS_LARGEST = 1024


def render_png(svg: Path, size: int) -> Image.Image:
    """Render `svg` into a transparent `size`×`size` RGBA image."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: cannot parse {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()

    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)  # straight alpha, byte order RGBA
    pixels = bytes(rgba.constBits())
    return Image.frombuffer("RGBA", (size, size), pixels, "raw", "RGBA", rgba.bytesPerLine(), 1)


def source_for(size: int, icon_dir: Path) -> Path:
    return icon_dir / ("framecast-small.svg" if size in SMALL_SIZES else "framecast.svg")


def render_all(icon_dir: Path) -> dict[int, Image.Image]:
    images: dict[int, Image.Image] = {}
    for size in PNG_SIZES:
        image = render_png(source_for(size, icon_dir), size)
        target = icon_dir / f"framecast-{size}.png"
        image.save(target, optimize=True)
        log.info("wrote %s", target)
        images[size] = image
    return images


def write_ico(images: dict[int, Image.Image], target: Path) -> None:
    largest = images[max(ICO_SIZES)]
    extra = [images[s] for s in ICO_SIZES if s != max(ICO_SIZES)]
    largest.save(target, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=extra)
    log.info("wrote %s", target)


def write_icns(images: dict[int, Image.Image], icon_dir: Path, target: Path) -> None:
    largest = render_png(source_for(ICNS_LARGEST, icon_dir), ICNS_LARGEST)
    extra = [images[s] for s in ICNS_SIZES]
    largest.save(target, format="ICNS", append_images=extra)
    log.info("wrote %s", target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--icon-dir",
        type=Path,
        default=ICON_DIR,
        help="folder holding the SVG sources and receiving the outputs",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    images = render_all(args.icon_dir)
    write_ico(images, args.icon_dir / "framecast.ico")
    write_icns(images, args.icon_dir, args.icon_dir / "framecast.icns")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
