"""The log file: where unexpected errors go instead of a traceback over the person's screen."""

from __future__ import annotations

import logging

import pytest

from ewarong_desktop import logging_setup
from ewarong_desktop.paths import log_dir


@pytest.fixture(autouse=True)
def _restore_root_logger():
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_log_file_in_the_users_log_folder_set_up_once():
    first = logging_setup.setup_logging()
    second = logging_setup.setup_logging()
    assert first == second == log_dir() / "ewarong-desktop.log"
    assert logging_setup.log_file() == first
    logging.getLogger("ewarong_desktop.test").info("cadangan dibuat")
    ours = [h for h in logging.getLogger().handlers
            if h.get_name() == logging_setup.HANDLER_NAME]
    assert len(ours) == 1
    ours[0].flush()
    assert first.read_text(encoding="utf-8").count("cadangan dibuat") == 1


def test_log_rotates_instead_of_growing(monkeypatch):
    monkeypatch.setattr(logging_setup, "MAX_BYTES", 2000)
    path = logging_setup.setup_logging()
    for number in range(200):
        logging.getLogger("ewarong_desktop.test").warning("baris %d %s", number, "x" * 40)
    assert path.with_name(path.name + ".1").exists()
    assert path.stat().st_size <= 2000
    assert not path.with_name(path.name + f".{logging_setup.BACKUP_COUNT + 1}").exists()


def test_unwritable_log_folder_drops_records_quietly(monkeypatch, tmp_path, capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert logging_setup.setup_logging() is None
    logging.getLogger("ewarong_desktop.test").error("tidak ke layar")
    assert "tidak ke layar" not in capsys.readouterr().err


def test_unexpected_error_on_the_command_line_is_one_line_pointing_to_the_log(
        monkeypatch, tmp_path, capsys):
    from ewarong_desktop.__main__ import main
    from ewarong_desktop.services import safety

    def broken(_path):
        raise RuntimeError("sesuatu yang tak terduga")

    monkeypatch.setattr(safety, "check_database", broken)
    assert main(["check", "--db", str(tmp_path / "x.sqlite3")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "sesuatu yang tak terduga" in err and "details in" in err
    log_text = logging_setup.log_file().read_text(encoding="utf-8")
    assert "Traceback" in log_text and "RuntimeError" in log_text
