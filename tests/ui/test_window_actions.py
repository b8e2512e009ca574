"""Window actions around the main path: deleting from history, Settings' Test
connection, Help → Diagnostics, the Generate shortcut and remembered layout."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.store.history import HistoryStore, JobRecord
from app.ui.main_window import MainWindow
from tests.conftest import LocalServer
from tests.ui.conftest import click_message_button, close_window, wait_for


def add_finished_job(data: Path, prompt: str) -> JobRecord:
    videos = data / "videos"
    videos.mkdir(exist_ok=True)
    video = videos / "old.mp4"
    video.write_bytes(b"not really a video")
    record = JobRecord(
        job_id="old-job",
        prompt=prompt,
        model="local/quick-t2v",
        state="completed",
        progress=1.0,
        local_path=str(video),
    )
    with HistoryStore() as store:
        store.insert(record)
    return record


def test_delete_asks_first_then_removes_the_row_and_the_file(
    make_window: Callable[..., MainWindow], ui_env: Path, qtbot: QtBot
) -> None:
    record = add_finished_job(ui_env, "An old experiment")
    window = make_window("http://127.0.0.1:9", "t", start=False)
    window.historyModel.reload()
    wait_for(qtbot, lambda: len(window.historyPanel.records()) == 1, 10, "the history row")
    window.historyPanel.select(0)

    window.historyPanel.deleteButton.click()
    click_message_button(window, qtbot, "Keep")
    assert Path(record.local_path or "").exists()
    assert len(window.historyPanel.records()) == 1

    window.historyPanel.deleteButton.click()
    click_message_button(window, qtbot, "Delete")
    wait_for(qtbot, lambda: not window.historyPanel.records(), 10, "the row to go")
    wait_for(qtbot, lambda: not Path(record.local_path or "").exists(), 10, "the file to go")
    assert window.historyPanel.emptyLabel.isVisible()


def test_search_filters_history(
    make_window: Callable[..., MainWindow], ui_env: Path, qtbot: QtBot
) -> None:
    add_finished_job(ui_env, "Jellyfish drifting in blue light")
    window = make_window("http://127.0.0.1:9", "t", start=False)
    window.historyModel.reload()
    wait_for(qtbot, lambda: len(window.historyPanel.records()) == 1, 10, "the history row")
    qtbot.keyClicks(window.historyPanel.searchEdit, "volcano")
    wait_for(qtbot, lambda: not window.historyPanel.records(), 5, "the filter")
    assert window.historyPanel.emptyLabel.text() == "Nothing matches this search."
    window.historyPanel.searchEdit.setText("jellyfish")
    wait_for(qtbot, lambda: len(window.historyPanel.records()) == 1, 5, "the match")


def test_test_connection_and_diagnostics(
    make_window: Callable[..., MainWindow], local_server: LocalServer, qtbot: QtBot
) -> None:
    window = make_window(local_server.url, local_server.token)
    wait_for(qtbot, lambda: window.form.models, 60, "the catalogue")

    window.settingsAction.trigger()
    dialog = window.settings_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.customRadio.setChecked(True)
    dialog.urlEdit.setText(local_server.url)
    dialog.tokenEdit.setText(local_server.token)
    dialog.testButton.click()
    wait_for(qtbot, lambda: "Connected" in dialog.testResult.text(), 15, "the test result")
    assert f"{len(window.form.models)} model" in dialog.testResult.text()
    dialog.cancelButton.click()

    window.diagnosticsAction.trigger()
    diagnostics = window.diagnostics_dialog
    assert diagnostics is not None and diagnostics.isVisible()
    assert local_server.url in diagnostics.backendLabel.text()
    assert diagnostics.findChild(object, "counter_sse_connects") is not None
    assert local_server.token not in diagnostics.backendLabel.text()
    diagnostics.accept()


def test_ctrl_enter_generates_and_the_layout_is_remembered(
    make_window: Callable[..., MainWindow],
    local_server: LocalServer,
    qtbot: QtBot,
    run: Callable[..., object],
) -> None:
    window = make_window(local_server.url, local_server.token)
    wait_for(qtbot, lambda: window.form.models, 60, "the catalogue")
    window.form.modelCombo.setCurrentIndex(window.form.modelCombo.findData("local/quick-t2v"))
    window.form.durationCombo.setCurrentIndex(window.form.durationCombo.findData(1))
    window.form.promptEdit.setPlainText("A quick test of the shortcut")
    window.activateWindow()
    window.form.promptEdit.setFocus()
    with qtbot.waitSignal(window.jobs.bridge.jobUpdated, timeout=15_000):
        qtbot.keyClick(
            window.form.promptEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
    assert window.form.prompt() == "A quick test of the shortcut"  # no newline typed
    with qtbot.waitSignal(window.jobs.finished, timeout=60_000):
        pass
    window.resize(1111, 777)
    window.splitter.setSizes([360, 500, 300])
    sizes = window.splitter.sizes()
    close_window(window, window.history, run)

    again = make_window(local_server.url, local_server.token, start=False, size=None)
    # Offscreen window managers place frames loosely: the size comes back close.
    assert abs(again.width() - 1111) < 60 and abs(again.height() - 777) < 60
    assert abs(again.splitter.sizes()[0] - sizes[0]) < 30  # the prompt column's width


def test_settings_refuse_an_address_with_a_password_and_say_why(
    make_window: Callable[..., MainWindow],
) -> None:
    window = make_window(start=False)
    window.settingsAction.trigger()
    dialog = window.settings_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.customRadio.setChecked(True)
    dialog.urlEdit.setText("https://me:hunter2@videos.example.com")
    dialog.saveButton.click()
    assert dialog.isVisible()  # nothing saved
    assert "user name and password" in dialog.errorLabel.text()
    assert "hunter2" not in dialog.errorLabel.text()
    dialog.urlEdit.setText("videos.example.com")
    dialog.saveButton.click()
    assert "http:// or https://" in dialog.errorLabel.text()
    dialog.cancelButton.click()
