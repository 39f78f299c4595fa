"""One running program per database file and user.

Two windows writing one file are safe (the engine serialises them) but confusing: a second
start on the same file lands exactly on top of the first and the two drift apart. So the
first program to open a file holds a ``QLockFile`` for it and listens on a local socket;
a second start on the same file finds the lock, tells the first over the socket to bring
its window forward, says so, and ends. Another file has another lock and opens normally.

The lock and the socket name come from the file's full path and the user's name, so two
people on one computer, or two files, never meet. A lock left by a crashed program is
taken over (QLockFile checks whether its process still runs).
"""

from __future__ import annotations

import getpass
import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QDir, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

RAISE = b"raise\n"
CONNECT_TIMEOUT_MS = 1500


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (containers): the id will do
        return str(os.getuid()) if hasattr(os, "getuid") else "user"


def instance_key(database_path: Path) -> str:
    """A short name for (this user, this file), safe as a socket and a file name."""
    path = os.path.normcase(str(Path(database_path).expanduser().resolve()))
    digest = hashlib.sha256(f"{_user()}\0{path}".encode()).hexdigest()[:20]
    return f"ewarong-desktop-{digest}"


class SingleInstance(QObject):
    """``claim()`` is True for the first program on a file; ``activated`` is emitted in
    that program whenever a later start on the same file asked it to come forward."""

    activated = Signal()

    def __init__(self, database_path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.key = instance_key(database_path)
        self.lock = QLockFile(QDir.temp().filePath(f"{self.key}.lock"))
        self.server: QLocalServer | None = None

    def claim(self) -> bool:
        """Take the file for this program (True), or signal the program that has it (False)."""
        if self.lock.tryLock(100):
            self._listen()
            return True
        socket = QLocalSocket(self)
        socket.connectToServer(self.key)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            # The holder runs but does not answer (starting up, or hung): do not block the
            # person; open normally, as before this check existed.
            return True
        socket.write(RAISE)
        socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        socket.disconnectFromServer()
        return False

    def _listen(self) -> None:
        QLocalServer.removeServer(self.key)  # a socket file left by a crashed program
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if server.listen(self.key):
            server.newConnection.connect(self._on_connection)
            self.server = server

    def _on_connection(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()

            def read(socket: QLocalSocket = socket) -> None:
                if bytes(socket.readAll().data()).startswith(RAISE.strip()):
                    self.activated.emit()
                socket.disconnectFromServer()

            socket.readyRead.connect(read)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                read()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.unlock()
