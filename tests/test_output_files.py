"""Output files are written whole or not at all, with ordinary permissions."""

import os

import pytest

from ewarong_desktop.output_files import OutputFileError, write_atomically, write_bytes


def test_a_failure_while_writing_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old report")

    def fail(stream):
        stream.write(b"%PDF half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
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
