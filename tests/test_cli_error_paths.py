"""Every error path of the command line is one clean line, and nothing is left behind."""

import os
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import update

from ewarong_desktop.__main__ import main
from ewarong_desktop.db import open_database
from ewarong_desktop.db.models import Advisor


@pytest.fixture
def demo_db(tmp_path):
    path = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(path), "--assessments", "60"]) == 0
    return path


def run_python(code: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=cwd,
                          capture_output=True, text=True)


def one_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 1, result
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    return result.stderr


def test_export_xlsx_into_a_missing_folder_is_one_line(demo_db, tmp_path):
    result = subprocess.run([sys.executable, "-m", "ewarong_desktop", "export-xlsx", "--db",
                             str(demo_db), "--out", str(tmp_path / "none" / "x.xlsx")],
                            capture_output=True, text=True)
    assert "does not exist" in one_line(result)


@pytest.mark.parametrize("command,out", [("export-xlsx", "nilai.xlsx"), ("export-csv", "nilai.csv"),
                                         ("export", "kirim.ewarong")])
def test_a_full_disk_names_the_file_and_leaves_nothing(demo_db, tmp_path, command, out):
    folder = tmp_path / "out"
    folder.mkdir()
    result = run_python(f"""
        import errno, os
        def full(fd):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        os.fsync = full  # the disk fills up as the file is finished
        from ewarong_desktop.cli import run
        raise SystemExit(run([{command!r}, "--db", {str(demo_db)!r}, "--out",
                              {str(folder / out)!r}]))
    """, tmp_path)
    line = one_line(result)
    assert "disk is full" in line and str(folder / out) in line
    assert os.listdir(folder) == []


def test_a_path_that_is_not_utf8_backs_up_without_a_logging_traceback(demo_db, tmp_path):
    odd = os.fsencode(tmp_path) + b"/data\xff.sqlite3"
    os.rename(demo_db, odd)
    result = subprocess.run([sys.executable, "-m", "ewarong_desktop", "backup", "--db", odd],
                            capture_output=True)
    assert result.returncode == 0 and result.stderr == b"", result.stderr
    assert b"backup of" in result.stdout


@pytest.mark.parametrize("args", [
    ["report", "summary", "--period", "", "--out", "s.pdf"],
    ["report", "summary", "--kabupaten=", "--out", "s.pdf"],
    ["report", "profiles", "--period", "2026-S1", "--kecamatan", " ", "--out", "s.pdf"],
    ["export", "--period", "", "--out", "k.ewarong"],
    ["export-csv", "--advisor", "", "--out", "k.csv"],
    ["export-xlsx", "--kabupaten", "", "--out", "k.xlsx"],
])
def test_empty_option_values_are_refused_alike(demo_db, tmp_path, capsys, args):
    os.chdir(tmp_path)
    assert main([*args, "--db", str(demo_db)]) == 1
    err = capsys.readouterr().err
    assert "is empty; give a value or leave the option out" in err and err.count("\n") == 1
    assert not (tmp_path / args[-1]).exists()


def test_an_empty_argument_is_refused(demo_db, capsys):
    assert main(["import", "--db", str(demo_db), ""]) == 1
    assert "empty argument" in capsys.readouterr().err


def test_a_device_or_socket_is_never_used_as_a_database(tmp_path, capsys):
    import socket

    node = tmp_path / "s.sqlite3"  # like /dev/full: not a file SQLite may write beside
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(str(node))
        for command in (["demo"], ["list", "warongs"], ["import", os.devnull]):
            assert main([*command, "--db", str(node)]) == 1
            assert "not a regular file" in capsys.readouterr().err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["s.sqlite3"]


def test_demo_that_cannot_open_leaves_no_empty_file(tmp_path, capsys, monkeypatch):
    from ewarong_desktop.db import engine
    from ewarong_desktop.db.health import DiskFullError

    path = tmp_path / "demo.sqlite3"

    def full(engine_, *args, **kwargs):
        path.write_bytes(b"")  # SQLite had created the file when the disk filled up
        raise DiskFullError(path)

    monkeypatch.setattr(engine, "current_revision", full)
    assert main(["demo", "--db", str(path)]) == 1
    assert "full" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_read_only_option_reads_a_file_that_cannot_be_written(demo_db, tmp_path, capsys,
                                                              monkeypatch):
    real_access = os.access

    def read_only(path, mode, *args, **kwargs):  # a write-protected stick, even for root
        if mode & os.W_OK and str(path).startswith(str(tmp_path)):
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", read_only)
    assert main(["list", "warongs", "--db", str(demo_db)]) == 1
    err = capsys.readouterr().err
    assert "add --read-only" in err
    assert main(["list", "warongs", "--db", str(demo_db), "--read-only"]) == 0
    assert "warongs)" in capsys.readouterr().out
    assert main(["check", "--db", str(demo_db), "--read-only"]) == 0


def test_list_escapes_what_a_terminal_would_act_on(demo_db, capsys):
    database = open_database(demo_db)
    with database.session() as session:
        session.execute(update(Advisor).values(name="Asep\x1b[2J\x07 Suryana\nbaris"))
    database.close()
    assert main(["list", "advisors", "--db", str(demo_db)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "Asep\\x1b[2J\\x07 Suryana\\nbaris" in out




def test_an_io_error_on_a_full_disk_is_called_full(tmp_path, monkeypatch):
    import sqlite3

    from ewarong_desktop.db import backup, health

    path = tmp_path / "data.sqlite3"
    failure = sqlite3.OperationalError("disk I/O error")
    monkeypatch.setattr(backup, "disk_is_full", lambda _path: False)
    assert not isinstance(backup.database_error(failure, path), health.DiskFullError)
    monkeypatch.setattr(backup, "disk_is_full", lambda _path: True)  # 0 bytes free
    error = backup.database_error(failure, path)
    assert isinstance(error, health.DiskFullError) and str(path) in str(error)
    assert "full" in str(error) and "I/O" not in str(error)
