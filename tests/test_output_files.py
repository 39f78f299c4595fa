"""Output files are written whole or not at all, with ordinary permissions."""

import os

import pytest

from ewarong_desktop.output_files import OutputFileError, write_atomically, write_bytes


def test_a_failure_while_writing_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    from ewarong_desktop.output_files import confirm_replacement

    target = tmp_path / "report.pdf"
    target.write_bytes(b"old report")
    confirm_replacement(target)

    def fail(stream):
        stream.write(b"%PDF half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputFileError, match=f"disk is full while writing {target}"):
        write_atomically(target, fail)
    assert target.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_unwritable_folder_is_named(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    with pytest.raises(OutputFileError, match=f"folder {tmp_path} cannot be written to"):
        write_bytes(tmp_path / "x.pdf", b"%PDF")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_written_file_gets_ordinary_permissions_not_private(tmp_path):
    path = write_bytes(tmp_path / "laporan.pdf", b"%PDF-1.4")
    umask = os.umask(0o022)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


# --- one rule for every file the program writes (issue: nothing overwritten) -------------


def _database(path):
    import sqlite3

    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    return path


def test_an_existing_file_is_kept_unless_replacing_it_was_confirmed(tmp_path):
    from ewarong_desktop.output_files import OutputExistsError, confirm_replacement

    target = tmp_path / "summary.pdf"
    target.write_bytes(b"yesterday's summary")
    with pytest.raises(OutputExistsError, match="already exists"):
        write_bytes(target, b"%PDF new")
    assert target.read_bytes() == b"yesterday's summary"

    confirm_replacement(target)
    write_bytes(target, b"%PDF new")
    assert target.read_bytes() == b"%PDF new"
    # The confirmation was for that one write: the next one asks again.
    with pytest.raises(OutputExistsError):
        write_bytes(target, b"%PDF newer")


@pytest.mark.parametrize("name", ["data.sqlite3", "data.sqlite3-wal", "data.sqlite3-shm",
                                  "data.sqlite3-journal"])
def test_a_database_and_its_side_files_are_never_written_over(tmp_path, name):
    from ewarong_desktop.output_files import confirm_replacement

    _database(tmp_path / "data.sqlite3")
    target = tmp_path / name
    if not target.exists():
        target.write_bytes(b"side file")
    before = target.read_bytes()
    confirm_replacement(target)  # not even when the person said yes
    with pytest.raises(OutputFileError, match="will not write over"):
        write_bytes(target, b"%PDF")
    assert target.read_bytes() == before


def test_nothing_is_written_into_the_backups_folder(tmp_path):
    from ewarong_desktop.paths import data_dir

    backups = data_dir() / "backups" / "data-123"
    backups.mkdir(parents=True)
    with pytest.raises(OutputFileError, match="backups folder"):
        write_bytes(backups / "report.pdf", b"%PDF")
    assert list(backups.iterdir()) == []


def test_a_device_or_pipe_is_refused_and_left_as_it_is(tmp_path):
    from ewarong_desktop.output_files import confirm_replacement

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    confirm_replacement(pipe)
    with pytest.raises(OutputFileError, match="not an ordinary file"):
        write_bytes(pipe, b"%PDF")
    assert not pipe.is_file() and pipe.exists()


def test_unused_path_numbers_a_second_print(tmp_path):
    from ewarong_desktop.output_files import unused_path

    first = tmp_path / "Profil.pdf"
    assert unused_path(first) == first
    first.write_bytes(b"%PDF")
    assert unused_path(first).name == "Profil (2).pdf"
