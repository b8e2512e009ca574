"""The export dialog (issue 14): the range between In and Out as MP4 (a fast
copy when the cut allows it), a looping GIF or WebM, off the GUI thread with
a progress bar; never over an existing file without asking; Cancel leaves
nothing; failures in plain words."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.media import ExportCancelled, FolderNotWritableError, probe
from app.media.files import TEMP_MARK
from app.ui import wording
from app.ui.export_dialog import ExportDialog
from app.ui.player import PlayerView
from tests.support.media import ClipSpec, make_numbered_video
from tests.ui.conftest import wait_for

#: Keyframes every 12 frames (0.5 s), so a cut at 0.5 s can be copied.
CLIP = ClipSpec(frames=48, fps=24, width=320, height=192, gop=12, bframes=0)
FRAME = 1 / CLIP.fps


@pytest.fixture
def clip(tmp_path: Path) -> Path:
    return make_numbered_video(tmp_path / "clip.mp4", CLIP)


def open_dialog(qtbot: QtBot, clip: Path, start: float, end: float) -> ExportDialog:
    dialog = ExportDialog(clip, "Paper boats", start, end)
    qtbot.addWidget(dialog)
    dialog.open()
    wait_for(qtbot, lambda: dialog.copyable is not None, 10, "the video to be read")
    return dialog


def export_to(qtbot: QtBot, dialog: ExportDialog, target: Path) -> None:
    dialog.fileEdit.setText(str(target))
    dialog.exportButton.click()
    assert dialog.is_running()
    assert dialog.progressBar.isVisible()
    assert dialog.cancelButton.text() == dialog.tr("Cancel")
    wait_for(qtbot, lambda: not dialog.is_running(), 60, "the export")


def replace_question(dialog: QWidget) -> QMessageBox | None:
    boxes = [b for b in dialog.findChildren(QMessageBox) if b.isVisible()]
    return boxes[-1] if boxes else None


def test_mp4_of_a_range_starting_on_a_keyframe_is_a_fast_copy_of_that_length(
    qtbot: QtBot, clip: Path, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, clip, 0.5, 1.5)
    assert dialog.copyable is True
    assert dialog.formatNote.text() == wording.export_format_note("mp4", True)
    assert dialog.rangeLabel.text() == wording.export_range(0.5, 1.5)
    target = tmp_path / "out" / "cut.mp4"
    target.parent.mkdir()
    export_to(qtbot, dialog, target)

    assert dialog.exported is not None and dialog.exported.copied
    info = probe(target)
    assert info.frame_count == 24
    assert abs(info.duration - 1.0) <= FRAME
    assert dialog.statusLabel.text().startswith(wording.exported_to(target, 1.0, 0).split("(")[0])
    assert dialog.folderButton.isVisible()
    assert dialog.cancelButton.text() == dialog.tr("Close")


def test_mp4_of_a_range_off_the_keyframes_is_re_encoded_and_says_so(
    qtbot: QtBot, clip: Path, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, clip, 0.25, 1.25)
    assert dialog.copyable is False
    assert dialog.formatNote.text() == wording.export_format_note("mp4", False)
    target = tmp_path / "reencoded.mp4"
    export_to(qtbot, dialog, target)
    assert dialog.exported is not None and not dialog.exported.copied
    info = probe(target)
    assert abs(info.duration - 1.0) <= FRAME


def test_gif_loops_and_lasts_the_range(qtbot: QtBot, clip: Path, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, clip, 0.0, 1.0)
    dialog.gifRadio.setChecked(True)
    assert dialog.formatNote.text() == wording.export_format_note("gif", True)
    assert dialog.fileEdit.text().endswith(".gif")  # the name follows the format
    target = tmp_path / "loop.gif"
    export_to(qtbot, dialog, target)
    assert dialog.exported is not None
    assert abs(probe(target).duration - 1.0) <= 1 / 12
    with Image.open(target) as gif:
        assert gif.format == "GIF"
        assert gif.info.get("loop") == 0  # forever
        assert gif.n_frames == 12  # 12 frames a second


def test_webm_is_written_too(qtbot: QtBot, clip: Path, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, clip, 0.5, 1.0)
    dialog.webmRadio.setChecked(True)
    target = tmp_path / "clip.webm"
    export_to(qtbot, dialog, target)
    assert abs(probe(target).duration - 0.5) <= FRAME


def test_an_existing_file_is_never_replaced_without_asking(
    qtbot: QtBot, clip: Path, tmp_path: Path
) -> None:
    target = tmp_path / "taken.mp4"
    target.write_bytes(b"the creator's own file")
    dialog = open_dialog(qtbot, clip, 0.5, 1.5)
    export_to(qtbot, dialog, target)
    wait_for(qtbot, lambda: replace_question(dialog) is not None, 5, "the question")
    box = replace_question(dialog)
    assert box is not None
    assert wording.replace_question("taken.mp4") == box.text()
    next(b for b in box.buttons() if b.text() == dialog.tr("Keep it")).click()
    wait_for(qtbot, lambda: replace_question(dialog) is None, 5, "the question to close")
    assert target.read_bytes() == b"the creator's own file"
    assert dialog.exported is None

    export_to(qtbot, dialog, target)
    wait_for(qtbot, lambda: replace_question(dialog) is not None, 5, "the question again")
    box = replace_question(dialog)
    assert box is not None
    next(b for b in box.buttons() if b.text() == dialog.tr("Replace")).click()
    wait_for(qtbot, lambda: dialog.exported is not None, 60, "the replacing export")
    assert probe(target).frame_count == 24


def test_cancel_leaves_no_file_and_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    # Long and noisy enough that re-encoding it takes a while.
    long_clip = make_numbered_video(
        tmp_path / "long.mp4",
        ClipSpec(frames=720, fps=24, width=640, height=384, bframes=0, noise=True),
    )
    dialog = open_dialog(qtbot, long_clip, 0.25, 29.0)
    dialog.webmRadio.setChecked(True)
    target = tmp_path / "out" / "cancelled.webm"
    target.parent.mkdir()
    dialog.fileEdit.setText(str(target))
    dialog.exportButton.click()
    wait_for(qtbot, lambda: dialog.progressBar.value() > 0, 60, "some progress")
    dialog.cancelButton.click()
    wait_for(qtbot, lambda: not dialog.is_running(), 30, "the export to stop")
    assert dialog.exported is None
    assert dialog.statusLabel.text() == wording.media_problem(ExportCancelled(target))
    assert list(target.parent.iterdir()) == []  # no file, no temporary leftover
    assert dialog.isVisible()  # still open: the creator may export again


def test_closing_mid_export_cancels_it_and_leaves_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    long_clip = make_numbered_video(
        tmp_path / "long.mp4",
        ClipSpec(frames=720, fps=24, width=640, height=384, bframes=0, noise=True),
    )
    dialog = open_dialog(qtbot, long_clip, 0.25, 29.0)
    dialog.webmRadio.setChecked(True)
    target = tmp_path / "out" / "closed.webm"
    target.parent.mkdir()
    dialog.fileEdit.setText(str(target))
    closed: list[int] = []
    dialog.finished.connect(closed.append)
    dialog.exportButton.click()
    wait_for(qtbot, lambda: dialog.progressBar.value() > 0, 60, "some progress")
    dialog.close()
    assert not dialog.isVisible()
    wait_for(qtbot, lambda: closed, 30, "the dialog to finish once the export stopped")
    assert not any(p.name.endswith(TEMP_MARK + ".webm") for p in target.parent.iterdir())
    assert not target.exists()


def test_a_folder_that_cannot_be_written_is_worded_plainly(
    qtbot: QtBot, clip: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file")
    dialog = open_dialog(qtbot, clip, 0.5, 1.5)
    export_to(qtbot, dialog, blocker / "cut.mp4")
    text = dialog.statusLabel.text()
    assert text == wording.media_problem(FolderNotWritableError(blocker, "not a folder"))
    assert dialog.statusLabel.property("role") == "error"
    assert "Errno" not in text


def test_the_player_opens_the_dialog_with_its_in_and_out_points(qtbot: QtBot, clip: Path) -> None:
    player = PlayerView()
    qtbot.addWidget(player)
    player.show()
    player.load(clip, title="Paper boats")
    wait_for(qtbot, lambda: player.player.duration() > 0, 10, "the clip")
    player.player.pause()
    player.player.setPosition(500)
    wait_for(qtbot, lambda: player.player.position() == 500, 10, "500 ms")
    player.mark_in()
    player.exportButton.click()
    dialog = player._export_dialog
    assert dialog is not None and dialog.isVisible()
    assert (dialog.start, dialog.end) == (0.5, 2.0)
    assert dialog.fileEdit.text().endswith(".mp4")
    assert "Paper boats" in Path(dialog.fileEdit.text()).name
    dialog.reject()
