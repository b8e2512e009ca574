"""Issue 14, prompts and presets: earlier prompts come back in the prompt box
(Up and Down, and a searchable list) from a real history database; a preset
keeps every setting of the form across windows, says what it could not use,
and a damaged presets file is moved aside in plain words; and a failed
video's card says what it cost and what Retry will cost."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot

from app.engine.updates import ErrorKind, JobState, JobUpdate
from app.store.history import HistoryStore, JobRecord
from app.store.presets import FormSettings
from app.ui import wording
from app.ui.main_window import MainWindow
from app.ui.prompt_form import PromptForm
from tests.conftest import LocalServer
from tests.ui.conftest import click_message_button, wait_for
from tests.ui.creator import engine_of, fake_window, submit
from tests.ui.test_window_flow import wait_ready

Run = Callable[..., object]
EARLIER = [  # oldest first, as they were made
    "A red kite over green hills",
    "Paper boats on a rainy street",
    "A red kite over the sea at dawn",
    "Fireflies over a quiet pond",
]


def write_history(prompts: list[str]) -> None:
    """Earlier jobs in the window's own history database (made before it opens)."""
    with HistoryStore() as store:
        for day, prompt in enumerate(prompts, start=1):
            when = f"2026-01-{day:02d}T10:00:00.000000+00:00"
            store.insert(JobRecord(f"old-{day}", prompt=prompt, state="completed", created_at=when))


def press(qtbot: QtBot, widget: object, key: Qt.Key) -> None:
    qtbot.keyClick(widget, key)


# --------------------------------------------------------------------------- recall


def test_up_and_down_walk_through_earlier_prompts_and_come_back_to_the_draft(
    ui_env: Path, qtbot: QtBot, run: Run
) -> None:
    write_history([*EARLIER, "  Paper boats on a rainy street  "])  # used twice: listed once
    newest_first = [EARLIER[1], EARLIER[3], EARLIER[2], EARLIER[0]]
    with fake_window(qtbot, run) as window:
        form = window.form
        wait_for(qtbot, lambda: form.recall.prompts() == newest_first, 10, "earlier prompts")
        box = form.promptEdit
        box.setFocus()
        assert form.prompt() == ""
        seen = []
        for _ in range(5):  # one more than there are: the oldest stays
            press(qtbot, box, Qt.Key.Key_Up)
            seen.append(form.prompt())
        assert seen == [*newest_first, newest_first[-1]]
        assert form.recallLabel.text() == wording.recall_position(4, 4)
        assert box.accessibleDescription() == wording.recall_position(4, 4)
        for expected in reversed(newest_first[:-1]):
            press(qtbot, box, Qt.Key.Key_Down)
            assert form.prompt() == expected
        press(qtbot, box, Qt.Key.Key_Down)  # past the newest: the draft again
        assert form.prompt() == "" and form.recallLabel.text() == ""

        # Escape goes back to the draft; typing makes a recalled prompt the creator's own.
        press(qtbot, box, Qt.Key.Key_Up)
        press(qtbot, box, Qt.Key.Key_Up)
        press(qtbot, box, Qt.Key.Key_Escape)
        assert form.prompt() == ""
        press(qtbot, box, Qt.Key.Key_Up)
        qtbot.keyClicks(box, ", slowly")
        assert form.prompt() == newest_first[0] + ", slowly"
        assert not form.recall.recalling() and form.recallLabel.text() == ""
        press(qtbot, box, Qt.Key.Key_Up)  # the box is not empty: Up moves the caret only
        assert form.prompt() == newest_first[0] + ", slowly"

        # A prompt sent now is the newest at once.
        form.promptEdit.setPlainText("Snow falling on a lantern")
        with qtbot.waitSignal(window.jobs.jobAdded, timeout=10_000):
            form.generateButton.click()
        assert form.recall.prompts()[0] == "Snow falling on a lantern"
        form.promptEdit.clear()
        press(qtbot, box, Qt.Key.Key_Up)
        assert form.prompt() == "Snow falling on a lantern"


def test_the_list_of_earlier_prompts_filters_and_fills_the_box(
    ui_env: Path, qtbot: QtBot, run: Run
) -> None:
    write_history(EARLIER)
    with fake_window(qtbot, run) as window:
        form = window.form
        wait_for(qtbot, lambda: len(form.recall.prompts()) == 4, 10, "earlier prompts")
        form.promptEdit.setPlainText("my draft")
        assert form.recallButton.accessibleName() == wording.earlier_prompts()
        form.recallButton.setFocus()
        press(qtbot, form.recallButton, Qt.Key.Key_Space)  # keyboard first
        popup = form.promptList
        assert popup is not None
        wait_for(qtbot, popup.isVisible, 5, "the list")
        assert popup.filterEdit.hasFocus()
        assert popup.visible_prompts() == list(reversed(EARLIER))
        qtbot.keyClicks(popup.filterEdit, "RED kite")
        assert popup.visible_prompts() == [EARLIER[2], EARLIER[0]]
        press(qtbot, popup.filterEdit, Qt.Key.Key_Down)
        press(qtbot, popup.filterEdit, Qt.Key.Key_Return)
        assert not popup.isVisible()
        assert form.prompt() == EARLIER[0]
        assert form.promptEdit.hasFocus()
        form.promptEdit.undo()  # the draft it replaced is one Ctrl+Z away
        assert form.prompt() == "my draft"

        # Nothing matches: it says so; a click on a row picks it.
        form.open_prompt_list()
        qtbot.keyClicks(popup.filterEdit, "zebra")
        assert popup.visible_prompts() == []
        assert popup.emptyLabel.isVisible()
        assert popup.emptyLabel.text() == wording.no_prompt_matches()
        popup.filterEdit.clear()
        view = popup.promptList
        rect = view.visualRect(popup.proxy.index(1, 0))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert form.prompt() == EARLIER[2] and not popup.isVisible()


# --------------------------------------------------------------------------- presets


def set_every_setting(form: PromptForm) -> None:
    """Settings far from the form's defaults, on the built-in renderer's catalogue."""
    form.modelCombo.setCurrentIndex(form.modelCombo.findData("local/wave-t2v"))
    form.durationCombo.setCurrentIndex(form.durationCombo.findData(3))
    form.aspectCombo.setCurrentIndex(form.aspectCombo.count() - 1)
    form.styleCombo.setCurrentIndex(form.styleCombo.count() - 1)
    form.newSeedCheck.setChecked(False)
    form.seedEdit.set_seed(12_345_678_901_234)
    form.shotCombo.setCurrentIndex(form.shotCombo.findData("close_up"))
    form.fpsCombo.setCurrentIndex(form.fpsCombo.findData(60))
    form.negativeEdit.setPlainText("no text, no people")


def name_dialog(window: MainWindow) -> QInputDialog:
    dialogs = [d for d in window.findChildren(QInputDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def answer_name(window: MainWindow, qtbot: QtBot, name: str) -> None:
    wait_for(qtbot, lambda: any(d.isVisible() for d in window.findChildren(QInputDialog)), 5, "")
    edit = name_dialog(window).findChild(QLineEdit)
    assert edit is not None
    edit.selectAll()
    qtbot.keyClicks(edit, name)
    press(qtbot, edit, Qt.Key.Key_Return)


def test_a_preset_keeps_every_setting_across_a_new_window(
    make_window: Callable[..., MainWindow],
    local_server: LocalServer,
    qtbot: QtBot,
    run: Run,
    ui_env: Path,
) -> None:
    first = make_window(local_server.url, local_server.token, size=(1280, 720))
    wait_ready(first, qtbot)
    form = first.form
    assert form.presetCombo.objectName() == "presetCombo"
    assert not form.presetCombo.isEnabled()  # nothing to choose yet
    set_every_setting(form)
    form.promptEdit.setPlainText("the prompt is not part of a preset")
    saved = form.form_settings()
    assert saved.model == "local/wave-t2v" and saved.seed == 12_345_678_901_234
    assert saved.style is not None and saved.shot_size == "close_up"

    form.presets.saveAction.trigger()
    answer_name(first, qtbot, "  Night   city ")
    wait_for(qtbot, lambda: form.presets.current_name() == "Night city", 10, "the preset")
    assert form.presets.note_text() == wording.preset_saved("Night city")
    path = ui_env.parent / "config" / "presets.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

    # Saving under a taken name asks first; keeping it changes nothing.
    form.negativeEdit.setPlainText("changed")
    assert form.presets.current_name() is None  # the form is no longer the preset
    form.presets.saveAction.trigger()
    answer_name(first, qtbot, "night city")
    click_message_button(first, qtbot, wording.keep_preset())
    on_disk = json.loads(path.read_text(encoding="utf-8"))["presets"]
    assert [p["settings"]["negative_prompt"] for p in on_disk] == ["no text, no people"]
    first.close()

    second = make_window(local_server.url, local_server.token, size=(1280, 720))
    wait_ready(second, qtbot)
    form = second.form
    wait_for(qtbot, lambda: form.presetCombo.count() == 1, 10, "the presets")
    form.modelCombo.setCurrentIndex(form.modelCombo.findData("local/quick-t2v"))
    form.styleCombo.setCurrentIndex(0)
    form.negativeEdit.clear()
    form.promptEdit.setPlainText("words being written")
    assert form.form_settings() != saved
    form.presetCombo.setFocus()
    press(qtbot, form.presetCombo, Qt.Key.Key_Down)  # chosen with the keyboard
    assert form.form_settings() == saved
    assert form.seedEdit.text() == "12345678901234" and not form.newSeedCheck.isChecked()
    assert form.prompt() == "words being written"  # a preset never touches the prompt
    assert form.presets.note_text() == wording.preset_applied("Night city")
    assert form.generateButton.isEnabled()

    # Rename, then delete (which asks first).
    form.presets.renameAction.trigger()
    answer_name(second, qtbot, "City at night")
    wait_for(qtbot, lambda: form.presets.current_name() == "City at night", 10, "renamed")
    form.presets.deleteAction.trigger()
    click_message_button(second, qtbot, wording.delete_preset_yes())
    wait_for(qtbot, lambda: form.presetCombo.count() == 0, 10, "deleted")
    assert json.loads(path.read_text(encoding="utf-8"))["presets"] == []
    assert form.form_settings() == saved  # deleting a preset leaves the form as it is


def test_a_preset_whose_model_is_gone_uses_what_it_can_and_says_what_not(
    ui_env: Path, qtbot: QtBot, run: Run
) -> None:
    wanted = FormSettings(
        model="gone/model",
        style="neon-noir",
        duration=8,
        frame="1280x720",
        new_seed=False,
        seed=77,
        shot_size="long_shot",
        frame_rate=24,
        negative_prompt="blur",
    )
    presets = {"version": 1, "presets": [{"name": "Old", "settings": wanted.to_json()}]}
    (ui_env.parent / "config" / "presets.json").write_text(json.dumps(presets), encoding="utf-8")
    with fake_window(qtbot, run) as window:
        form = window.form
        wait_for(qtbot, lambda: form.presetCombo.count() == 1, 10, "the presets")
        form.presets.apply(form.presets.presets()[0])
        now = form.form_settings()
        assert now.model == "fake/t2v"  # the form keeps its own
        assert (now.duration, now.frame, now.seed, now.shot_size) == (
            8,
            "1280x720",
            77,
            "long_shot",
        )
        assert (now.frame_rate, now.negative_prompt, now.new_seed) == (24, "blur", False)
        gaps = [("model", "gone/model"), ("style", "neon-noir")]
        assert form.presets.note_text() == wording.preset_applied_partly("Old", gaps)
        assert "gone/model" in form.presets.note_text()


def test_a_damaged_presets_file_is_moved_aside_in_plain_words(
    ui_env: Path, qtbot: QtBot, run: Run
) -> None:
    config = ui_env.parent / "config"
    damaged = config / "presets.json"
    damaged.write_text('{"version": 1, "presets": [{"name": "Half', encoding="utf-8")
    (config / "settings.json").write_text("{}", encoding="utf-8")
    with fake_window(qtbot, run) as window:
        bar = window.form.presets
        wait_for(qtbot, bar.noteLabel.isVisible, 10, "the note")
        moved = [p for p in config.iterdir() if p.name.startswith("presets-damaged-")]
        assert len(moved) == 1
        assert moved[0].read_text(encoding="utf-8").endswith('"Half')  # kept whole
        assert bar.note_text() == wording.presets_file_damaged(moved[0], 0)
        assert (config / "settings.json").read_text(encoding="utf-8") == "{}"
        assert bar.presets() == [] and not damaged.exists()
        bar.save("Fresh", window.form.form_settings(), overwrite=False)
        wait_for(qtbot, lambda: bar.current_name() == "Fresh", 10, "saved again")
        assert json.loads(damaged.read_text(encoding="utf-8"))["presets"][0]["name"] == "Fresh"


def test_a_preset_that_cannot_be_saved_says_so_and_changes_nothing(
    ui_env: Path, qtbot: QtBot, run: Run
) -> None:
    with fake_window(qtbot, run) as window:
        bar = window.form.presets
        wait_for(qtbot, lambda: not bar.presetCombo.isEnabled(), 5, "no presets")
        (ui_env.parent / "config" / "presets.json").mkdir()  # in the way of the file
        bar.save("Nope", window.form.form_settings(), overwrite=False)
        wait_for(qtbot, bar.noteLabel.isVisible, 10, "the note")
        assert bar.note_text() == wording.presets_not_saved(IsADirectoryError(21, "Is a directory"))
        assert bar.presets() == [] and bar.store.presets() == ()


# --------------------------------------------------------------------------- Retry's cost


@pytest.mark.parametrize(
    ("backend", "failure", "free"),
    [
        (None, ErrorKind.RENDER, True),  # the built-in renderer
        ("http://127.0.0.1:9", ErrorKind.RENDER, False),
        ("http://127.0.0.1:9", ErrorKind.DOWNLOAD, False),
    ],
)
def test_a_failed_video_says_what_it_and_retry_cost(
    ui_env: Path, qtbot: QtBot, run: Run, backend: str | None, failure: ErrorKind, free: bool
) -> None:
    with fake_window(qtbot, run, backend=backend) as window:
        job = submit(window, run, "A storm over the harbour")
        engine_of(window).emit(JobUpdate(job_id=job, state=JobState.FAILED, error_kind=failure))
        card = window.progress.card(job)
        assert card is not None
        wait_for(qtbot, card.chargeNote.isVisible, 5, "the note")
        expected = wording.retry_charge_note(failure, free)
        assert card.chargeNote.text() == expected == card.retryButton.toolTip()
        if free:
            assert "free" in expected
        elif failure is ErrorKind.RENDER:
            assert expected.startswith(wording.not_charged())
        else:  # the server may have made (and charged) it: never said to be free
            assert "not charged" not in expected
        assert card.retryButton.isVisible()
