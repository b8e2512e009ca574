"""A private D-Bus session bus, and a file manager on it that records what it was shown.

`PrivateBus` runs `dbus-daemon --session` of its own (the desktop's bus is
never touched). `FakeFileManager` owns `org.freedesktop.FileManager1` on
such a bus and answers `ShowItems(uris, startup_id)` as a real file manager
does, recording the URIs; it speaks the D-Bus wire protocol through jeepney
(which keyring's SecretStorage already brings on Linux) in a thread of its own.

    with PrivateBus() as bus, FakeFileManager(bus.address) as manager:
        ... show_in_folder(path, bus=QDBusConnection.connectToBus(bus.address, "t")) ...
        assert manager.shown == [[path.as_uri()]]
"""

from __future__ import annotations

import shutil
import subprocess
import threading
from types import TracebackType

from jeepney import DBusAddress, MessageType, new_error, new_method_call, new_method_return
from jeepney.io.blocking import DBusConnection, open_dbus_connection
from jeepney.low_level import HeaderFields

FILE_MANAGER = "org.freedesktop.FileManager1"
PATH = "/org/freedesktop/FileManager1"


def dbus_daemon_available() -> bool:
    return shutil.which("dbus-daemon") is not None


class PrivateBus:
    """A session bus of this test's own."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[str] | None = None
        self.address = ""

    def __enter__(self) -> PrivateBus:
        self.process = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert self.process.stdout is not None
        self.address = self.process.stdout.readline().strip()
        if not self.address:
            self.process.kill()
            raise RuntimeError("dbus-daemon printed no address")
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)


class FakeFileManager:
    """`org.freedesktop.FileManager1` on a bus, answering ShowItems."""

    def __init__(self, address: str) -> None:
        self.address = address
        self.shown: list[list[str]] = []
        self._conn: DBusConnection | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()

    def __enter__(self) -> FakeFileManager:
        conn = open_dbus_connection(bus=self.address)
        bus = DBusAddress("/org/freedesktop/DBus", "org.freedesktop.DBus", "org.freedesktop.DBus")
        reply = conn.send_and_get_reply(
            new_method_call(bus, "RequestName", "su", (FILE_MANAGER, 4))
        )
        if reply.body[0] != 1:  # DBUS_REQUEST_NAME_REPLY_PRIMARY_OWNER
            conn.close()
            raise RuntimeError(f"could not own {FILE_MANAGER}: {reply.body}")
        self._conn = conn
        self._thread = threading.Thread(target=self._serve, name="fake-file-manager", daemon=True)
        self._thread.start()
        return self

    def _serve(self) -> None:
        assert self._conn is not None
        while not self._stop.is_set():
            try:
                message = self._conn.receive(timeout=0.1)
            except TimeoutError:
                continue
            except OSError:
                return
            header = message.header
            if header.message_type is not MessageType.method_call:
                continue
            fields = header.fields
            if (
                fields.get(HeaderFields.member) == "ShowItems"
                and fields.get(HeaderFields.path) == PATH
            ):
                uris, _startup_id = message.body
                self.shown.append(list(uris))
                self._conn.send(new_method_return(message))
            else:
                self._conn.send(
                    new_error(message, "org.freedesktop.DBus.Error.UnknownMethod", "s", ("no",))
                )

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        if self._conn is not None:
            self._conn.close()
