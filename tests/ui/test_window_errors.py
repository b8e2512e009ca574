"""Failures in plain words with the next step: a refused token opens Settings,
an unreachable backend says so and offers to try again."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.store import credentials
from app.ui.main_window import MainWindow
from tests.ui.conftest import wait_for


class _Refuse(BaseHTTPRequestHandler):
    """A backend that refuses every token, as the cloud does with a bad one."""

    requests: list[str] = []

    def do_GET(self) -> None:
        type(self).requests.append(self.path)
        body = b'{"detail": "Invalid token"}'
        self.send_response(401)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def refusing_backend() -> Iterator[str]:
    _Refuse.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Refuse)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_refused_token_opens_settings(
    make_window: Callable[..., MainWindow], refusing_backend: str, qtbot: QtBot
) -> None:
    window = make_window(refusing_backend, "not-a-valid-token")
    wait_for(
        qtbot,
        lambda: window.settings_dialog is not None and window.settings_dialog.isVisible(),
        20,
        "the settings prompt",
    )
    dialog = window.settings_dialog
    assert dialog is not None
    assert "token" in dialog.messageLabel.text().lower()
    assert dialog.messageLabel.isVisible()
    assert window.banner.isVisible()
    assert "Settings" in window.banner.actionButton.text()
    assert not window.form.generateButton.isEnabled()
    assert _Refuse.requests, "the backend was never asked"
    # The token never shows up in what the creator sees.
    assert "not-a-valid-token" not in dialog.messageLabel.text()
    assert "not-a-valid-token" not in window.banner.label.text()

    # Pasting a new token and saving keeps it for that backend and reconnects.
    dialog.customRadio.setChecked(True)
    dialog.urlEdit.setText(refusing_backend)
    dialog.tokenEdit.setText("Bearer another-token")
    dialog.saveButton.click()
    assert credentials.load_token(refusing_backend) == "another-token"
    assert window.connection.settings.backend_kind == "custom"
    wait_for(
        qtbot,
        lambda: window.settings_dialog is not None and window.settings_dialog.isVisible(),
        20,
        "the prompt again (still refused)",
    )


def test_an_unreachable_backend_says_so_and_offers_retry(
    make_window: Callable[..., MainWindow], qtbot: QtBot
) -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    window = make_window(f"http://127.0.0.1:{port}", "token")
    wait_for(qtbot, window.banner.isVisible, 20, "the error banner")
    assert "reach" in window.banner.label.text()
    assert "Trying again in" in window.banner.label.text()  # and it does so by itself
    assert window.banner.actionButton.text() == "Try now"
    status = window.findChild(QLabel, "backendStatus")
    assert status is not None and status.property("state") == "offline"
    assert window.form.modelCombo.currentText() == "Waiting for the server…"
