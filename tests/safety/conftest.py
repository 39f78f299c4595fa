"""Fixtures for the safety tests: a prepared database file, writer child processes,
and folders that are really read-only (or a really full disk) where the system allows."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest

WRITER = Path(__file__).with_name("writer.py")


@dataclass
class Writer:
    """A running writer.py; ``acks`` fills in as the child acknowledges saves."""

    process: subprocess.Popen
    acks: list[tuple[int, str, int]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    ready: threading.Event = field(default_factory=threading.Event)
    first_ack: threading.Event = field(default_factory=threading.Event)

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if not line.endswith("\n"):
                break  # cut off by the kill: not an acknowledgement
            self.lines.append(line)
            parts = line.split()
            if parts[0] == "ready":
                self.ready.set()
            elif parts[0] == "ack":
                self.acks.append((int(parts[1]), parts[2], int(parts[3])))
                self.first_ack.set()

    def kill(self) -> None:
        self.process.kill()  # SIGKILL on POSIX: no cleanup, no flush, no atexit
        self.finish()

    def finish(self, timeout: float = 120) -> int:
        code = self.process.wait(timeout=timeout)
        self._thread.join(timeout=10)
        return code


@pytest.fixture
def start_writer():
    started: list[Writer] = []

    def start(db_path: Path, assessment_id: uuid.UUID, label: str, *options: str) -> Writer:
        process = subprocess.Popen(
            [sys.executable, str(WRITER), str(db_path), str(assessment_id), label, *options],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)
        writer = Writer(process)
        writer._thread = threading.Thread(target=writer._read, daemon=True)
        writer._thread.start()
        started.append(writer)
        return writer

    yield start
    for writer in started:
        if writer.process.poll() is None:
            writer.kill()


@pytest.fixture
def prepared(tmp_path):
    """A closed database file holding one advisor, one e-Warong and an empty draft."""
    from ewarong_desktop.db import open_database
    from ewarong_desktop.services import advisors, assessments, warongs

    path = tmp_path / "advisor.sqlite3"
    database = open_database(path)
    with database.session() as session:
        advisor = advisors.create_advisor(session, "Yanti Kurniasih", "PKH",
                                          kabupaten="Kota Bekasi", kecamatan="Bekasi Timur")
        warong = warongs.create_warong(
            session, warongs.WarongFields(name="e-Warong Aren Jaya", kelurahan="Aren Jaya",
                                          kecamatan="Bekasi Timur", kabupaten="Kota Bekasi"),
            advisor_id=advisor.id)
        draft = assessments.start_assessment(session, advisor.id, warong.id, "2026-S1")
    database.close()
    return path, draft.id


def stored_notes(db_path: Path, assessment_id: uuid.UUID) -> dict[str, tuple[int | None, str]]:
    """cell -> (level, note) as stored, read with plain sqlite3 (no program code)."""
    with sqlite3.connect(db_path) as connection:
        rows = connection.execute(
            "SELECT cell_code, level, note FROM rating WHERE assessment_id = ?",
            (assessment_id.hex,)).fetchall()
    return {cell: (level, note) for cell, level, note in rows}


def integrity(db_path: Path) -> list[str]:
    with sqlite3.connect(db_path) as connection:
        return [row[0] for row in connection.execute("PRAGMA integrity_check")]


def _can_mount() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("mount") is not None


@pytest.fixture
def tmpfs(tmp_path):
    """A tiny mounted filesystem (root only): ``mount(size)`` -> folder; unmounted afterwards."""
    if not _can_mount():
        pytest.skip("mounting a small filesystem needs root")
    mounted: list[Path] = []

    def mount(size: str = "4m") -> Path:
        folder = tmp_path / f"mnt{len(mounted)}"
        folder.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                              capture_output=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
        mounted.append(folder)
        return folder

    yield mount
    for folder in mounted:
        subprocess.run(["umount", "-l", str(folder)], check=False)


class ReadOnlyPlace:
    """A folder to fill while writable, then ``freeze()`` into a truly read-only one."""

    def __init__(self, folder: Path, remount: bool):
        self.folder, self._remount = folder, remount

    def freeze(self) -> None:
        if self._remount:  # root ignores file permissions: only a read-only mount stops it
            subprocess.run(["mount", "-o", "remount,ro", str(self.folder)], check=True)
        else:
            for entry in self.folder.iterdir():
                entry.chmod(0o444)
            self.folder.chmod(0o555)

    def thaw(self) -> None:
        if not self._remount and self.folder.exists():
            self.folder.chmod(0o755)
            for entry in self.folder.iterdir():
                entry.chmod(0o644)


def _permissions_enforced(tmp_path: Path) -> bool:
    """False for root (or anyone who may ignore file permissions): chmod alone stops nothing."""
    probe = tmp_path / "probe"
    probe.mkdir()
    probe.chmod(0o555)
    try:
        (probe / "x").write_text("x")
        return False
    except OSError:
        return True
    finally:
        probe.chmod(0o755)


@pytest.fixture
def read_only_place(request, tmp_path):
    if sys.platform == "win32":
        pytest.skip("folder permissions are not enforced this way on Windows")
    if _permissions_enforced(tmp_path):
        folder = tmp_path / "medium"
        folder.mkdir()
        place = ReadOnlyPlace(folder, remount=False)
    else:
        place = ReadOnlyPlace(request.getfixturevalue("tmpfs")(), remount=True)
    yield place
    place.thaw()
