"""The form as a creator drives it: the wheel, the keyboard, seeds and focus rings.

Each test drives a real `PromptForm` (or dialog) with Qt events, with the
application's theme and wheel guard installed as the app has them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.api.models import GenerationConfig, GenerationRequest
from app.store.settings import Settings
from app.ui.prompt_form import PromptForm
from app.ui.settings_dialog import SettingsDialog
from app.ui.theme import apply_theme

TEXT = GenerationConfig(
    name="t/text", label="Text", type="text_to_video", available_durations=[2, 5, 8]
)
FOURTEEN_DIGITS = 98_765_432_109_876
#: The one focus-ring colour of the stylesheet, and its lighter form on accent buttons.
RING = (QColor("#a493ff"), QColor("#d9d0ff"))


@pytest.fixture
def form(qapp: QApplication, qtbot: QtBot) -> Iterator[PromptForm]:
    apply_theme(qapp)
    widget = PromptForm()
    qtbot.addWidget(widget)
    widget.resize(400, 560)  # the left pane of a 1280x720 window: the fields scroll
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    widget.set_catalogue([TEXT], [])
    yield widget


def wheel(widget: QWidget, down: bool = True) -> None:
    """One notch of the mouse wheel over `widget`."""
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        pos,
        QPointF(widget.mapToGlobal(pos.toPoint())),
        QPoint(),
        QPoint(0, -120 if down else 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


# --------------------------------------------------------------------------- the wheel


def test_the_wheel_scrolls_the_form_instead_of_changing_an_unfocused_field(
    form: PromptForm, qtbot: QtBot
) -> None:
    form.promptEdit.setFocus()
    area = form.findChild(QScrollArea, "formScroll")
    assert area is not None
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0, "the form should scroll at this height"
    before = (form.aspectCombo.currentIndex(), form.durationCombo.currentIndex())
    for combo in (form.aspectCombo, form.durationCombo, form.modelCombo, form.styleCombo):
        wheel(combo)
    assert (form.aspectCombo.currentIndex(), form.durationCombo.currentIndex()) == before
    assert bar.value() > 0  # the page scrolled instead
    assert form.promptEdit.hasFocus()  # and the wheel took no focus

    # Focused (a click or Tab), the field takes the wheel as before.
    form.aspectCombo.setFocus()
    qtbot.waitUntil(form.aspectCombo.hasFocus)
    wheel(form.aspectCombo)
    assert form.aspectCombo.currentIndex() == before[0] + 1


def test_the_wheel_guard_covers_spin_boxes_and_dialogs(qapp: QApplication, qtbot: QtBot) -> None:
    apply_theme(qapp)
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.saveButton.setFocus()
    language = dialog.languageCombo.currentIndex()
    wheel(dialog.languageCombo)
    assert dialog.languageCombo.currentIndex() == language

    holder = QWidget()
    qtbot.addWidget(holder)
    spin = QSpinBox()
    other = QPushButton("elsewhere")
    layout = QVBoxLayout(holder)
    layout.addWidget(spin)
    layout.addWidget(other)
    holder.show()
    qtbot.waitExposed(holder)
    holder.activateWindow()
    other.setFocus()
    assert spin.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel gives no focus
    wheel(spin)
    wheel(spin.lineEdit())  # a spin box's own text field is guarded too
    assert spin.value() == 0


# --------------------------------------------------------------------------- seeds


def test_generate_again_makes_a_new_seed_and_shows_it(form: PromptForm, qtbot: QtBot) -> None:
    assert form.newSeedCheck.isChecked()  # on by default
    form.promptEdit.setPlainText("a paper boat")
    sent: list[GenerationRequest] = []
    form.generateRequested.connect(lambda request, _image: sent.append(request))
    form.generateButton.click()
    form.generateButton.click()
    assert len(sent) == 2
    assert sent[0].seed != sent[1].seed
    assert form.seedEdit.text() == str(sent[1].seed)  # shown, to make it again

    form.newSeedCheck.click()  # off: the seed shown is the one sent, every time
    form.generateButton.click()
    form.generateButton.click()
    assert sent[2].seed == sent[3].seed == sent[1].seed


def test_a_fourteen_digit_seed_is_kept_exactly(form: PromptForm, qtbot: QtBot) -> None:
    earlier = GenerationRequest(
        prompt="waves at night",
        generation_config_name="t/text",
        duration=8,
        width=854,
        height=480,
        seed=FOURTEEN_DIGITS,
    )
    form.apply_request(earlier)
    assert form.seedEdit.text() == str(FOURTEEN_DIGITS)
    assert not form.newSeedCheck.isChecked()  # "Use these settings" means this video again
    with qtbot.waitSignal(form.generateRequested) as sent:
        form.generateButton.click()
    assert sent.args[0].seed == FOURTEEN_DIGITS

    # Typed by hand: any whole number up to 2**53 - 1; a typed seed is kept.
    form.newSeedCheck.setChecked(True)
    form.seedEdit.clear()
    qtbot.keyClicks(form.seedEdit, "9007199254740991")
    assert not form.newSeedCheck.isChecked()
    assert form.build_request().seed == 2**53 - 1
    qtbot.keyClicks(form.seedEdit, "9")  # the entry takes at most 16 digits
    assert form.seedEdit.text() == "9007199254740991"
    form.seedEdit.setText("9007199254740992")
    assert not form.generateButton.isEnabled()
    assert "0 to 9007199254740991" in form.validationLabel.text()


# --------------------------------------------------------------------------- keyboard


def test_tab_walks_the_form_in_reading_order(form: PromptForm, qtbot: QtBot) -> None:
    form.promptEdit.setPlainText("a lantern in the rain")
    form.promptEdit.setFocus()
    seen = [form.promptEdit.objectName()]
    for _ in range(14):
        current = QApplication.focusWidget()
        assert current is not None
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        name = QApplication.focusWidget().objectName()  # type: ignore[union-attr]
        seen.append(name)
        if name == "generateButton":
            break
    assert seen == [
        "promptEdit",
        "promptHistoryButton",
        "presetActionsButton",  # the picker is skipped while there are no presets
        "modelCombo",
        "durationCombo",
        "aspectCombo",
        "styleCombo",
        "seedEdit",
        "shuffleSeedButton",
        "newSeedCheck",
        "advancedToggle",
        "takesSpin",
        "generateButton",
    ]


def test_generate_keeps_the_focus_where_the_creator_was(form: PromptForm, qtbot: QtBot) -> None:
    form.promptEdit.setPlainText("a lantern in the rain")
    form.generateButton.setFocus()
    qtbot.waitUntil(form.generateButton.hasFocus)
    form.generateRequested.connect(lambda *_: form.set_busy(True))
    with qtbot.waitSignal(form.generateRequested):
        qtbot.keyClick(form.generateButton, Qt.Key.Key_Space)
    assert form.generateButton.hasFocus()  # busy, not disabled: the focus stays
    assert form.generateButton.text() == "Sending…"
    with qtbot.assertNotEmitted(form.generateRequested):
        qtbot.keyClick(form.generateButton, Qt.Key.Key_Space)  # one request at a time
    form.set_busy(False)
    assert form.generateButton.hasFocus() and form.generateButton.isEnabled()


def ring_pixels(widget: QWidget) -> int:
    image: QImage = widget.grab().toImage()
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            if any(
                abs(colour.red() - ring.red())
                + abs(colour.green() - ring.green())
                + abs(colour.blue() - ring.blue())
                < 40
                for ring in RING
            ):
                count += 1
    return count


def test_every_kind_of_control_shows_a_focus_ring(form: PromptForm, qtbot: QtBot) -> None:
    form.promptEdit.setPlainText("a lantern in the rain")
    ghost = QPushButton("Cancel", form)
    ghost.setProperty("role", "ghost")
    ghost.show()
    controls: list[QWidget] = [
        form.shuffleButton,
        form.advancedToggle,
        form.generateButton,
        form.aspectCombo,
        ghost,
        form.newSeedCheck,
        form.seedEdit,
    ]
    failures = []
    for control in controls:
        form.promptEdit.setFocus()
        qtbot.waitUntil(form.promptEdit.hasFocus)
        resting = ring_pixels(control)
        control.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(control.hasFocus)
        if ring_pixels(control) < resting + 20:
            failures.append(control.objectName() or "ghost")
    assert not failures, f"no focus ring on {failures}"
