"""The encoder stand-ins that replace libx265 and libSvtAv1Enc in the Linux package.

Real parts: the stand-ins are compiled from packaging/stubs/ against this
venv's PyAV, and a copy of PyAV with them swapped in must still encode H.264
while refusing HEVC and AV1 encoding with an ordinary error.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import av
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import codec_stubs  # noqa: E402

AV_PACKAGE = Path(av.__file__).resolve().parent
AV_LIBS = AV_PACKAGE.parent / "av.libs"

pytestmark = [
    pytest.mark.skipif(sys.platform != "linux", reason="the stand-ins are for Linux builds"),
    pytest.mark.skipif(bool(codec_stubs.tools_missing()), reason="needs cc, nm and readelf"),
    pytest.mark.skipif(not AV_LIBS.is_dir(), reason="PyAV here is not a manylinux wheel"),
]

ENCODE_EACH = """
import io, json, sys
import av
from PIL import Image
results = {"av": av.__file__}
for codec in sys.argv[1:]:
    try:
        buf = io.BytesIO()
        with av.open(buf, "w", format="mp4") as out:
            stream = out.add_stream(codec, rate=24)
            stream.width, stream.height, stream.pix_fmt = 64, 64, "yuv420p"
            for i in range(4):
                frame = av.VideoFrame.from_image(Image.new("RGB", (64, 64), (60 * i, 0, 0)))
                for packet in stream.encode(frame):
                    out.mux(packet)
            for packet in stream.encode():
                out.mux(packet)
        results[codec] = ["ok", len(buf.getvalue())]
    except av.FFmpegError as exc:
        results[codec] = ["error", str(exc)]
print(json.dumps(results))
"""


def stubbed_entries(tmp_path: Path) -> dict[str, Path]:
    entries = codec_stubs.apply(codec_stubs._venv_binaries(), tmp_path / "work")
    return {Path(dest).name: Path(src) for dest, src, _ in entries}


def test_each_stand_in_replaces_its_library_with_a_small_one(tmp_path: Path) -> None:
    entries = stubbed_entries(tmp_path)
    for stub in codec_stubs.STUBS:
        names = [name for name in entries if stub.matches(name)]
        assert len(names) == 1, (stub.prefix, sorted(entries))
        replacement = entries[names[0]]
        assert replacement.parent == tmp_path / "work" / "codec-stubs"
        assert replacement.stat().st_size < 100_000
        assert (AV_LIBS / names[0]).stat().st_size > 10 * replacement.stat().st_size
        # Same soname, so libavcodec's DT_NEEDED finds it.
        assert codec_stubs.soname(replacement) == codec_stubs.soname(AV_LIBS / names[0])
    others = [name for name in entries if not any(s.matches(name) for s in codec_stubs.STUBS)]
    assert all(entries[name].parent == AV_LIBS for name in others)


def test_ffmpeg_with_stand_ins_encodes_h264_and_refuses_hevc_and_av1(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(AV_PACKAGE, site / "av")
    shutil.copytree(AV_LIBS, site / "av.libs")
    for name, path in stubbed_entries(tmp_path).items():
        if path.parent != AV_LIBS:
            shutil.copyfile(path, site / "av.libs" / name)
    result = subprocess.run(
        [sys.executable, "-c", ENCODE_EACH, "libx264", "libx265", "libsvtav1"],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)
    assert outcome["av"].startswith(str(site))
    assert outcome["libx264"][0] == "ok" and outcome["libx264"][1] > 0
    assert outcome["libx265"][0] == "error"
    assert outcome["libsvtav1"][0] == "error"


def test_a_stand_in_missing_an_entry_point_stops_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = tmp_path / "stubs"
    sources.mkdir()
    (sources / "svtav1enc.c").write_text(
        '__attribute__((visibility("default"))) int svt_av1_enc_init(void) { return -1; }\n'
    )
    monkeypatch.setattr(codec_stubs, "STUB_SOURCES", sources)
    real = next(AV_LIBS.glob("libSvtAv1Enc-*"))
    consumers = list(AV_LIBS.glob("libavcodec-*"))
    with pytest.raises(codec_stubs.StubError, match="svt_av1_enc_init_handle"):
        codec_stubs.build_stub(codec_stubs.STUBS[1], real, consumers, tmp_path)


def test_full_codecs_setting_keeps_the_real_libraries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRAMECAST_FULL_CODECS", "1")
    binaries = codec_stubs._venv_binaries()
    assert codec_stubs.apply(binaries, tmp_path) == binaries
