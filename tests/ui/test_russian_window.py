"""In Russian, a whole job on the built-in renderer shows no English: no progress or
status text on any visible widget is an English sentence of the window's own (the
prompt and what the server wrote, such as its model names, aside)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app.engine.updates import JobState, JobUpdate
from app.ui.i18n import install_language
from app.ui.main_window import MainWindow
from app.ui.resources import resource
from tests.ui.conftest import wait_for

PROMPT = "A red kite over green hills"
#: The widgets that say how jobs and the backend are doing.
STATUS_WIDGETS = {
    "statusLabel",
    "connectionBadge",
    "timeLabel",
    "backendStatus",
    "bannerText",
    "emptyTitle",
    "emptyBody",
    "progressHeader",
    "safeToClose",
    "newVideoText",
    "playerNote",
    "accountBalance",
    "vipBadge",
}
LATIN = re.compile("[A-Za-z]")
NAMES = re.compile(r"\b(API|VIP|Framecast|SuperDuperAI)\b")


def english_sentences() -> list[re.Pattern[str]]:
    """Every English source text the Russian translation changes, as a pattern
    (`%1` and `%n` stand for anything)."""
    patterns = []
    for message in ET.parse(resource("translations", "framecast_ru.ts")).iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        forms = [] if translation is None else [translation.text or ""]
        forms += [n.text or "" for n in message.iter("numerusform")]
        if not LATIN.search(source) or source in forms:
            continue  # no words, or the same in Russian ("Framecast")
        pattern = re.escape(source)
        pattern = re.sub(r"%(\d|n)", ".*", pattern)
        patterns.append(re.compile(pattern))
    return patterns


def visible_texts(window: MainWindow) -> Iterator[tuple[str, str]]:
    """(objectName, text) of every visible widget that shows words."""
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        name = widget.objectName()
        if isinstance(widget, QLabel | QAbstractButton):
            yield name, widget.text()
        elif isinstance(widget, QComboBox):
            yield name, widget.currentText()
        elif isinstance(widget, QLineEdit):
            yield name, widget.placeholderText()
    for action in window.menuBar().actions():
        yield "menu", action.text()


@pytest.fixture
def russian() -> Iterator[None]:
    assert install_language("ru") == "ru"
    yield
    install_language("en")


def test_a_job_in_russian_shows_no_english(
    ui_env: object, russian: None, make_window: Callable[..., MainWindow], qtbot: QtBot
) -> None:
    window = make_window()  # no backend given: the built-in renderer
    window.progress.header.setObjectName("progressHeader")
    seen: list[tuple[str, str]] = []
    states: list[JobState] = []

    def look(update: JobUpdate | None = None) -> None:
        if update is not None:
            states.append(update.state)
        seen.extend(visible_texts(window))

    look()
    wait_for(qtbot, lambda: window.form.models, 90, "the built-in renderer's models")
    look()
    form = window.form
    form.modelCombo.setCurrentIndex(form.modelCombo.findData("local/quick-t2v"))
    form.durationCombo.setCurrentIndex(form.durationCombo.findData(2))
    form.aspectCombo.setCurrentIndex(form.aspectCombo.findData("854x480"))
    form.promptEdit.setPlainText(PROMPT)
    window.jobs.updated.connect(look)
    with qtbot.waitSignal(window.jobs.finished, timeout=90_000) as finished:
        form.generateButton.click()
    assert finished.args[0].state is JobState.COMPLETED
    wait_for(qtbot, window.player.is_playing, 20, "playback")
    look()

    assert {JobState.PROCESSING, JobState.DOWNLOADING} <= set(states)
    statuses = {text for name, text in seen if name == "statusLabel"}
    assert any(text.startswith("Рендер") for text in statuses), statuses
    assert "●  Встроенный рендерер" in {text for name, text in seen if name == "backendStatus"}

    server_words = {
        PROMPT,
        *(m.display_name for m in form.models),
        *(s.display_name for s in form.styles),
    }
    english = english_sentences()
    for name, text in set(seen):
        if not text or text in server_words:
            continue
        matched = [p.pattern for p in english if p.fullmatch(text)]
        assert not matched, f"{name} shows English: {text!r}"
        if name in STATUS_WIDGETS:
            assert not LATIN.search(NAMES.sub("", text)), f"{name} shows English: {text!r}"
