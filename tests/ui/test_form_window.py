"""The form inside the real window, against backends that serve the SDK's shapes:
the built-in renderer (its catalogue has long names, a VIP model refused for its
non-VIP account) and the scripted backend (a model without a price, aspect
ratios, a short balance). At 1280x720 and 1366x860, in English and Russian."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea
from pytestqt.qtbot import QtBot

from app.engine.updates import JobState
from app.ui.i18n import install_language
from app.ui.main_window import MainWindow
from app.ui.prompt_form import DETAIL_ROLE, PromptForm
from tests.conftest import LocalServer
from tests.support.scripted_backend import ScriptedBackend, generation_config
from tests.ui.conftest import close_window, wait_for
from tests.ui.test_russian_window import LATIN, english_sentences

SIZES = [(1280, 720), (1366, 860)]
VIP_MODEL = "local/studio-t2v"
QUICK_MODEL = "local/quick-t2v"
FOURTEEN_DIGITS = 48_213_977_640_512


@pytest.fixture(params=["en", "ru"])
def language(request: pytest.FixtureRequest, ui_env: object) -> Iterator[str]:
    assert install_language(request.param) == request.param
    yield request.param
    install_language("en")


def ready(window: MainWindow, qtbot: QtBot) -> PromptForm:
    wait_for(qtbot, lambda: window.form.models, 60, "the catalogue")
    return window.form


def offered(combo: QComboBox) -> list[object]:
    return [combo.itemData(i) for i in range(combo.count())]


def choose_with_keyboard(qtbot: QtBot, combo: QComboBox, value: object) -> None:
    """Move a closed combo box with the arrow keys, as a creator would."""
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == value:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == value, f"{value} could not be chosen"


def scripted_catalogue(backend: ScriptedBackend) -> None:
    backend.catalogue = [
        generation_config(
            "scripted/unpriced",
            "text_to_video",
            {"max_duration": 6, "aspect_ratios": ["9:16", "1:1"]},
            "Unpriced wide model",
        ),
        generation_config(
            "scripted/priced",
            "text_to_video",
            {"price_per_second": 1, "available_durations": [5, 10]},
            "Priced model",
        ),
        generation_config(
            "scripted/animate", "image_to_video", {"price": 0.2, "available_durations": [5]}
        ),
        generation_config("scripted/still", "text_to_image", {"price": 0.01}, "A picture model"),
    ]
    backend.account = {
        "id": "u1",
        "sub": "auth0|u1",
        "nickname": "maya",
        "email": "maya@example.com",
        "balance": 2,
        "vip": False,
    }


# --------------------------------------------------------------------------- the model list


@pytest.mark.qt_log_ignore("^This plugin does not support grabbing the (keyboard|mouse)")
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_model_list_shows_every_name_whole(
    language: str,
    size: tuple[int, int],
    make_window: Callable[..., MainWindow],
    local_server: LocalServer,
    qtbot: QtBot,
) -> None:
    window = make_window(local_server.url, local_server.token, size=size)
    form = ready(window, qtbot)
    combo = form.modelCombo
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    metrics = view.fontMetrics()
    room = view.viewport().width()
    for row in range(combo.count()):
        name, detail = combo.itemText(row), str(combo.itemData(row, DETAIL_ROLE))
        icon = combo.iconSize().width()
        needed = icon + metrics.horizontalAdvance(name) + metrics.horizontalAdvance(detail) + 24
        assert room >= needed, f"{name!r} with {detail!r} needs {needed}px, the list has {room}"
        if language == "ru":
            assert not LATIN.search(detail.replace("$", "")), detail  # mode and price in Russian
    screen = QApplication.primaryScreen().availableGeometry()
    popup = view.window().geometry()
    assert popup.width() <= max(screen.width(), size[0])
    combo.hidePopup()


def test_vip_models_are_marked_and_not_selectable_for_a_non_vip_account(
    make_window: Callable[..., MainWindow], local_server: LocalServer, qtbot: QtBot
) -> None:
    window = make_window(local_server.url, local_server.token, size=SIZES[0])
    form = ready(window, qtbot)
    wait_for(qtbot, lambda: form.account is not None, 10, "the account")
    combo = form.modelCombo
    row = combo.findData(VIP_MODEL)
    assert row >= 0 and "★ VIP" in combo.itemText(row)
    flags = combo.model().flags(combo.model().index(row, 0))
    assert not flags & Qt.ItemFlag.ItemIsEnabled
    assert form.vipNote.isVisible() and "yours is not VIP" in form.vipNote.text()
    assert "not VIP" in str(combo.itemData(row, Qt.ItemDataRole.ToolTipRole))
    # Video to video, pictures and sound are left out of the picker, with why.
    assert form.leftOutNote.text().startswith("Not listed: 4 models making pictures")
    assert "Local restyle (video to video): turns a video into another video" in (
        form.leftOutNote.toolTip()
    )

    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    for key in [Qt.Key.Key_Home] + [Qt.Key.Key_Down] * combo.count():
        qtbot.keyClick(combo, key)
        assert combo.currentData() != VIP_MODEL
    # The price of a paid model is shown, never "Free".
    assert "$0.5/s" in str(combo.itemData(row, DETAIL_ROLE))


def test_prices_durations_frames_and_balance_follow_the_backend(
    scripted_backend: ScriptedBackend,
    make_window: Callable[..., MainWindow],
    qtbot: QtBot,
) -> None:
    scripted_catalogue(scripted_backend)
    window = make_window(scripted_backend.url, scripted_backend.token, size=SIZES[1])
    form = ready(window, qtbot)
    assert offered(form.modelCombo) == ["scripted/unpriced", "scripted/priced", "scripted/animate"]
    # The picture model is left out, and the form says so and why.
    assert form.leftOutNote.isVisible()
    assert form.leftOutNote.text().startswith("Not listed: 1 model making pictures")
    assert form.leftOutNote.toolTip() == "A picture model: makes pictures, not videos"
    wait_for(qtbot, lambda: form.account is not None, 10, "the account")
    form.promptEdit.setPlainText("a red kite")

    choose_with_keyboard(qtbot, form.modelCombo, "scripted/unpriced")
    assert "price unknown" in form.modelCaption.text()
    assert form.costLabel.text() == "Estimated cost: price unknown"
    assert "price unknown" in str(form.modelCombo.itemData(0, DETAIL_ROLE))
    assert offered(form.durationCombo) == [3, 5, 6]  # params.max_duration
    assert offered(form.aspectCombo) == ["1080x1920", "1024x1024"]  # params.aspect_ratios
    assert not form.balanceLabel.isVisible()  # unknown cost: nothing to compare

    choose_with_keyboard(qtbot, form.modelCombo, "scripted/priced")
    assert form.costLabel.text() == "Estimated cost: $5.00"
    assert form.balanceLabel.isVisible()
    assert "$2.00" in form.balanceLabel.text() and "$5.00" in form.balanceLabel.text()
    assert form.generateButton.isEnabled()  # said, not refused: the balance may be stale
    assert form.costLabel.toolTip() == "Failed videos are not charged."

    choose_with_keyboard(qtbot, form.modelCombo, "scripted/animate")
    assert "Image → video" in str(form.modelCombo.itemData(2, DETAIL_ROLE))
    assert "Animates a picture" in form.modelCaption.text()
    assert not form.generateButton.isEnabled()
    assert "picture" in form.validationLabel.text()


def test_the_russian_form_and_its_notes_show_no_english(
    scripted_backend: ScriptedBackend,
    make_window: Callable[..., MainWindow],
    qtbot: QtBot,
    ui_env: object,
) -> None:
    scripted_catalogue(scripted_backend)
    scripted_backend.catalogue.append(
        generation_config("scripted/gold", "text_to_video", {"vip_required": True}, "Gold")
    )
    assert install_language("ru") == "ru"
    try:
        window = make_window(scripted_backend.url, scripted_backend.token, size=SIZES[0])
        form = ready(window, qtbot)
        wait_for(qtbot, lambda: form.vipNote.isVisible(), 10, "the VIP note")
        form.promptEdit.setPlainText("красный змей")
        reason = form.leftOutNote.toolTip().split(": ", 1)[1]  # after the server's model name
        texts = [form.vipNote.text(), form.leftOutNote.text(), reason]
        for model in ("scripted/unpriced", "scripted/priced", "scripted/animate"):
            choose_with_keyboard(qtbot, form.modelCombo, model)
            texts += [form.modelCaption.text(), form.costLabel.text(), form.costLabel.toolTip()]
            texts += [form.balanceLabel.text(), form.validationLabel.text()]
        form.seedEdit.setText("9007199254740993")
        texts.append(form.validationLabel.text())
        texts += [str(form.modelCombo.itemData(i, DETAIL_ROLE)) for i in range(3)]
        texts += [form.newSeedCheck.text(), form.seedEdit.toolTip()]
    finally:
        install_language("en")
    english = english_sentences()
    for text in filter(None, texts):
        assert not [p.pattern for p in english if p.fullmatch(text)], text
        assert not LATIN.search(text.replace("VIP", "")), f"English in Russian: {text!r}"


# --------------------------------------------------------------------------- the form's layout


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_advanced_opens_scrolled_into_view(
    size: tuple[int, int],
    make_window: Callable[..., MainWindow],
    local_server: LocalServer,
    qtbot: QtBot,
) -> None:
    window = make_window(local_server.url, local_server.token, size=size)
    form = ready(window, qtbot)
    form.advancedToggle.setFocus()
    qtbot.waitUntil(form.advancedToggle.hasFocus)
    qtbot.keyClick(form.advancedToggle, Qt.Key.Key_Space)  # keyboard only

    area = form.findChild(QScrollArea, "formScroll")
    assert area is not None
    viewport = area.viewport()

    def shown() -> bool:
        box = form.advancedBox
        top_left = box.mapTo(viewport, box.rect().topLeft())
        return viewport.rect().contains(QRect(top_left, box.size()))

    wait_for(qtbot, shown, 5, "the Advanced fields in view")
    assert form.advancedToggle.hasFocus()


def test_the_form_remembers_model_duration_and_frame_across_restarts(
    make_window: Callable[..., MainWindow],
    local_server: LocalServer,
    qtbot: QtBot,
    run: Callable[..., object],
) -> None:
    first = make_window(local_server.url, local_server.token, size=SIZES[0])
    form = ready(first, qtbot)
    choose_with_keyboard(qtbot, form.modelCombo, "local/wave-t2v")
    choose_with_keyboard(qtbot, form.durationCombo, 6)
    choose_with_keyboard(qtbot, form.aspectCombo, "1024x1024")
    form.newSeedCheck.click()
    close_window(first, first.history, run)

    second = make_window(local_server.url, local_server.token, size=SIZES[0])
    again = ready(second, qtbot)
    assert again.current_model() is not None
    assert again.current_model().name == "local/wave-t2v"  # type: ignore[union-attr]
    assert again.durationCombo.currentData() == 6
    assert again.aspectCombo.currentData() == "1024x1024"
    assert not again.newSeedCheck.isChecked()


# --------------------------------------------------------------------------- seeds and focus


def test_a_fourteen_digit_seed_survives_use_these_settings(
    make_window: Callable[..., MainWindow], local_server: LocalServer, qtbot: QtBot
) -> None:
    window = make_window(local_server.url, local_server.token, size=SIZES[1])
    form = ready(window, qtbot)
    choose_with_keyboard(qtbot, form.modelCombo, QUICK_MODEL)
    choose_with_keyboard(qtbot, form.durationCombo, 1)
    choose_with_keyboard(qtbot, form.aspectCombo, "854x480")
    form.seedEdit.clear()
    qtbot.keyClicks(form.seedEdit, str(FOURTEEN_DIGITS))
    qtbot.keyClicks(form.promptEdit, "Lanterns over a night river")
    with (
        qtbot.waitSignal(window.jobs.finished, timeout=90_000) as finished,
        qtbot.waitSignal(form.generateRequested) as sent,
    ):
        form.generateButton.click()
    assert sent.args[0].seed == FOURTEEN_DIGITS
    assert finished.args[0].state is JobState.COMPLETED

    wait_for(qtbot, lambda: window.historyPanel.records(), 10, "the history row")
    form.shuffleButton.click()
    form.newSeedCheck.setChecked(True)
    assert form.seedEdit.text() != str(FOURTEEN_DIGITS)
    window.historyPanel.select(0)
    window.historyPanel.reuseButton.click()
    assert form.seedEdit.text() == str(FOURTEEN_DIGITS)
    with (
        qtbot.waitSignal(window.jobs.finished, timeout=90_000),
        qtbot.waitSignal(form.generateRequested) as again,
    ):
        form.generateButton.click()
    assert again.args[0].seed == FOURTEEN_DIGITS


def test_focus_stays_where_the_creator_was_after_generate(
    make_window: Callable[..., MainWindow], local_server: LocalServer, qtbot: QtBot
) -> None:
    window = make_window(local_server.url, local_server.token, size=SIZES[0])
    form = ready(window, qtbot)
    choose_with_keyboard(qtbot, form.modelCombo, QUICK_MODEL)
    choose_with_keyboard(qtbot, form.durationCombo, 1)
    window.activateWindow()
    form.promptEdit.setFocus()
    qtbot.keyClicks(form.promptEdit, "A kite over a beach")
    with qtbot.waitSignal(window.jobs.jobAdded, timeout=15_000):
        qtbot.keyClick(form.promptEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_for(qtbot, lambda: form.generateButton.text() == "Generate", 15, "sending to end")
    assert form.promptEdit.hasFocus()

    form.generateButton.setFocus()
    qtbot.waitUntil(form.generateButton.hasFocus)
    with qtbot.waitSignal(window.jobs.jobAdded, timeout=15_000):
        qtbot.keyClick(form.generateButton, Qt.Key.Key_Space)
    wait_for(qtbot, lambda: form.generateButton.text() == "Generate", 15, "sending to end")
    assert form.generateButton.hasFocus()
