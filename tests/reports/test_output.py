"""Report files are written whole or not at all."""

import os

import pytest

from ewarong_desktop.reports.output import ReportOutputError, write_atomically, write_bytes


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
    with pytest.raises(ReportOutputError, match=f"folder {tmp_path} cannot be written to"):
        write_bytes(tmp_path / "x.pdf", b"%PDF")
    assert list(tmp_path.iterdir()) == []
