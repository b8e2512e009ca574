"""Settings and Diagnostics as a creator meets them: where the token really goes,
Test connection's words (plurals, a refused token, Russian), fields that never
collapse, radio buttons that show on the dark theme, and details to copy for a
bug report with nothing secret in them."""

from __future__ import annotations

import itertools
import logging
import platform
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

import app.ui.diagnostics_dialog as diagnostics_module
from app import __version__
from app.logs import register_secret
from app.store import credentials
from app.store.settings import Settings
from app.ui import wording
from app.ui.diagnostics_dialog import DiagnosticsDialog, RecentProblems
from app.ui.i18n import install_language
from app.ui.main_window import MainWindow
from app.ui.settings_dialog import SettingsDialog
from app.ui.theme import apply_theme
from tests.conftest import LocalServer
from tests.ui.conftest import wait_for
from tests.ui.test_russian_window import LATIN

SIZES = [(1280, 720), (1366, 860)]
SERVER = "https://render.example.com"


class MemoryKeyring(KeyringBackend):
    """A working keyring that keeps passwords in memory."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.saved.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.saved[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.saved.pop((service, username), None)


@pytest.fixture
def russian(ui_env: object) -> Iterator[None]:
    assert install_language("ru") == "ru"
    yield
    install_language("en")


def settings_dialog(qtbot: QtBot, **values: object) -> SettingsDialog:
    apply_theme(QApplication.instance())  # type: ignore[arg-type]
    dialog = SettingsDialog(Settings(**values))  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_settings_says_where_the_token_really_goes(ui_env: Path, qtbot: QtBot) -> None:
    # No keyring on this machine (ui_env): a private file, and the dialog says which.
    dialog = settings_dialog(qtbot, backend_kind="custom", custom_url=SERVER)
    path = str(credentials.fallback_file_path())
    assert "private file" in dialog.tokenHint.text() and path in dialog.tokenHint.text()
    assert "keyring" not in dialog.tokenHint.text().replace("no keyring", "")
    qtbot.keyClicks(dialog.tokenEdit, "secret-token-1234")
    with qtbot.waitSignal(dialog.saved):
        dialog.saveButton.click()
    assert credentials.load_token(SERVER) == "secret-token-1234"
    again = settings_dialog(qtbot, backend_kind="custom", custom_url=SERVER)
    assert again.tokenHint.text().startswith("This computer has no keyring, so your token is")

    # With a keyring that works, the keyring is named.
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        other = settings_dialog(qtbot, backend_kind="cloud")
        assert other.tokenHint.text() == "A token you paste is saved in the system keyring."
    finally:
        keyring.set_keyring(previous)


@pytest.mark.parametrize(
    ("count", "english", "russian_text"),
    [
        (1, "Connected: 1 model available.", "Подключено: доступна 1 модель."),
        (2, "Connected: 2 models available.", "Подключено: доступно 2 модели."),
        (5, "Connected: 5 models available.", "Подключено: доступно 5 моделей."),
        (21, "Connected: 21 models available.", "Подключено: доступна 21 модель."),
    ],
)
def test_test_connection_counts_models_in_proper_plurals(
    ui_env: object, count: int, english: str, russian_text: str
) -> None:
    assert wording.models_available(count) == english
    assert install_language("ru") == "ru"
    try:
        assert wording.models_available(count) == russian_text
    finally:
        install_language("en")


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_wrong_token_is_told_inside_settings_without_sending_you_to_settings(
    lang: str,
    make_window: Callable[..., MainWindow],
    local_server: LocalServer,
    qtbot: QtBot,
) -> None:
    assert install_language(lang) == lang
    try:
        window = make_window(local_server.url, local_server.token, size=SIZES[0])
        wait_for(qtbot, lambda: window.form.models, 60, "the catalogue")
        window.settingsAction.trigger()
        dialog = window.settings_dialog
        assert dialog is not None
        dialog.customRadio.setChecked(True)
        dialog.urlEdit.setText(local_server.url)

        dialog.tokenEdit.setText(local_server.token)
        dialog.testButton.click()
        wait_for(qtbot, lambda: dialog.testResult.property("role") == "ok", 15, "the test")
        good = dialog.testResult.text()
        assert good.startswith(wording.models_available(len(window.form.models)))
        assert "(s)" not in good

        dialog.tokenEdit.setText("not-the-token")
        dialog.testButton.click()
        wait_for(qtbot, lambda: dialog.testResult.property("role") == "error", 15, "the test")
        refused = dialog.testResult.text()
        assert refused == wording.token_refused_here()
        assert "Settings" not in refused and "настройк" not in refused.lower()
        if lang == "ru":
            for text in (good, refused, dialog.tokenHint.text().split(":")[0]):
                assert not LATIN.search(text.replace("SuperDuperAI", "")), text
    finally:
        install_language("en")


def no_overlap(widgets: list[QWidget]) -> bool:
    tops = sorted(
        (w.mapTo(w.window(), w.rect().topLeft()).y(), w.height(), w.objectName()) for w in widgets
    )
    return all(a[0] + a[1] <= b[0] for a, b in itertools.pairwise(tops))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_address_field_never_collapses_when_a_message_grows(
    size: tuple[int, int],
    russian: None,
    make_window: Callable[..., MainWindow],
    local_server: LocalServer,
    qtbot: QtBot,
) -> None:
    window = make_window(local_server.url, local_server.token, size=size)
    wait_for(qtbot, lambda: window.form.models, 60, "the catalogue")
    window.open_settings()
    dialog = window.settings_dialog
    assert dialog is not None
    dialog.customRadio.setChecked(True)
    dialog.urlEdit.setText(local_server.url)
    dialog.tokenEdit.setText("not-the-token")
    dialog.testButton.click()
    wait_for(qtbot, lambda: dialog.testResult.property("role") == "error", 15, "the test")
    dialog.show_message(wording.token_refused())  # the longest message on top, too
    QApplication.processEvents()

    for field in (dialog.urlEdit, dialog.tokenEdit, dialog.folderEdit, dialog.languageCombo):
        assert field.height() >= field.minimumSizeHint().height(), field.objectName()
    rows = [dialog.localRadio, dialog.cloudRadio, dialog.customRadio]
    assert no_overlap(rows), [r.geometry() for r in rows]
    labels = [dialog.tokenHint, dialog.testResult, dialog.messageLabel, dialog.languageNote]
    for label in labels:
        assert label.height() >= label.heightForWidth(label.width()), label.text()


def test_radio_buttons_show_on_the_dark_theme(ui_env: object, qtbot: QtBot) -> None:
    dialog = settings_dialog(qtbot)
    dialog.saveButton.setFocus()
    image = dialog.cloudRadio.grab().toImage()  # not chosen, not focused
    side = min(image.height(), 26)
    brightest = max(
        image.pixelColor(x, y).lightness() for x in range(side) for y in range(image.height())
    )
    assert brightest >= 120, f"the radio button's ring is too dark ({brightest})"


# --------------------------------------------------------------------------- Diagnostics


def diagnostics(
    qtbot: QtBot, log_file: Path | None, problems: RecentProblems | None = None
) -> DiagnosticsDialog:
    counters = {"sse_connects": 3, "polls": 12, "bytes_downloaded": 5_300_000}
    dialog = DiagnosticsDialog(
        lambda: "Custom server · render.example.com — https://render.example.com",
        lambda: counters,
        log_file,
        problems=problems,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_diagnostics_copies_what_a_bug_report_needs_and_nothing_secret(
    ui_env: object, qtbot: QtBot, tmp_path: Path
) -> None:
    token = "tok-very-secret-991"
    register_secret(token)
    problems = RecentProblems()  # what gui_main installs at start-up, for this test only
    root = logging.getLogger("framecast")
    root.addHandler(problems)
    try:
        logging.getLogger("framecast.test").warning("the server refused %s twice", token)
        logging.getLogger("framecast.test").info("routine: not a problem")
    finally:
        root.removeHandler(problems)
    dialog = diagnostics(qtbot, tmp_path / "framecast.log", problems)
    assert dialog.problemsLabel.text() == "1 in this run (their lines are in the copied details)"
    dialog.copyButton.click()
    copied = QGuiApplication.clipboard().text()
    for fact in (
        f"Framecast {__version__}",
        f"Qt {qVersion()}",
        f"Python {platform.python_version()}",
        platform.system(),
        "Backend: Custom server",
        "Live connections opened: 3",
        "Status checks (polls): 12",
        "the server refused *** twice",
    ):
        assert fact in copied, fact
    assert token not in copied and "routine" not in copied
    assert "Copied" in dialog.messageLabel.text()
    values = [w for w in dialog.findChildren(QLabel) if w.objectName().startswith("counter_")]
    values += [dialog.backendLabel, dialog.logLabel]
    for label in values:
        assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert dialog.findChild(QLabel, "counter_bytes_downloaded").text() != "5,300,000"  # type: ignore[union-attr]


def test_open_log_file_says_when_it_cannot(
    ui_env: object, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log_file = tmp_path / "framecast.log"
    dialog = diagnostics(qtbot, log_file)
    dialog.openLogButton.click()
    assert dialog.messageLabel.isVisible()
    assert dialog.messageLabel.text() == "The log file does not exist yet."

    log_file.write_text("a line\n")
    # The desktop has no program for it (the one edge case faked here).
    monkeypatch.setattr(diagnostics_module, "open_file", lambda _path: False)
    dialog.openLogButton.click()
    assert "could open the log file" in dialog.messageLabel.text()
    assert str(log_file) in dialog.messageLabel.text()


def test_diagnostics_in_russian_shows_no_english_of_its_own(
    russian: None, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = diagnostics(qtbot, tmp_path / "framecast.log")
    dialog.openLogButton.click()
    values = {dialog.backendLabel, dialog.logLabel}
    values |= {w for w in dialog.findChildren(QLabel) if w.objectName().startswith("counter_")}
    versions = {"Framecast", "Qt", "Python", "PySide6"}
    for label in dialog.findChildren(QLabel):
        if label in values or not label.isVisible() or label.text().startswith(("0.", "Qt ")):
            continue
        text = label.text()
        for name in versions:
            text = text.replace(name, "")
        if label.objectName() != "diagnosticsProblems" and label.text() != dialog.versions.system:
            assert not LATIN.search(text), label.text()
    for button in (dialog.copyButton, dialog.openLogButton):
        assert not LATIN.search(button.text()), button.text()
