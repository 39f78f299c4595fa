"""`ewarong-desktop report ...` on the command line: files on success, one line and exit 1 otherwise."""

import subprocess
import sys

import pytest

from ewarong_desktop.cli import run
from ewarong_desktop.services import assessments
from ewarong_desktop.services.demo import generate_demo

from .pdfcheck import page_texts


@pytest.fixture
def demo(database, db_path):
    with database.session() as session:
        generate_demo(session, seed=2, assessments=40)
        first = assessments.list_assessments(session)[0]
    return db_path, first


def test_profile_summary_and_profiles(demo, out, capsys):
    db, first = demo
    assert run(["report", "profile", "--db", str(db), "--assessment", str(first.id),
                "--out", str(out / "p.pdf"), "--lang", "en"]) == 0
    assert first.advisor_name in page_texts((out / "p.pdf").read_bytes())[0]
    assert run(["report", "summary", "--db", str(db), "--kabupaten", "Kota Bandung",
                "--type", "PKH", "--out", str(out / "s.pdf")]) == 0
    assert "Ringkasan Koordinator" in page_texts((out / "s.pdf").read_bytes())[0]
    assert run(["report", "profiles", "--db", str(db), "--period", first.period,
                "--kecamatan", "Tawang", "--out", str(out / "all.pdf")]) == 0
    (out / "each").mkdir()
    assert run(["report", "profiles", "--db", str(db), "--period", first.period,
                "--kecamatan", "Tawang", "--out-dir", str(out / "each")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"role profile written to {out / 'p.pdf'}"
    assert lines[-1].endswith(f"role profiles written to {out / 'each'}")
    assert len(list((out / "each").iterdir())) == int(lines[-1].split()[0])


def test_lang_before_the_command_counts_too(demo, out):
    db, first = demo
    assert run(["--lang", "en", "report", "profile", "--db", str(db), "--assessment",
                str(first.id), "--out", str(out / "p.pdf")]) == 0
    assert "Advisor Role Profile" in page_texts((out / "p.pdf").read_bytes())[0]


@pytest.mark.parametrize("arguments, message", [
    (["profile", "--assessment", "00000000-0000-0000-0000-000000000000", "--out", "{out}/x.pdf"],
     "no assessment with id"),
    (["profile", "--assessment", "{id}", "--out", "{out}/missing/x.pdf"], "does not exist"),
    (["summary", "--period", "2001-S1", "--out", "{out}/x.pdf"], "no assessments for 2001-S1"),
    (["summary", "--period", "soon", "--out", "{out}/x.pdf"], "YYYY-S1"),
    (["profiles", "--period", "2001-S2", "--out", "{out}/x.pdf"],
     "no final assessments for 2001-S2"),
    (["profiles", "--period", "2001-S2"], "one of the arguments --out --out-dir is required"),
])
def test_errors_are_one_line_and_exit_1(demo, out, capsys, arguments, message):
    db, first = demo
    argv = ["report", arguments[0], "--db", str(db)] + [
        a.format(out=out, id=first.id) for a in arguments[1:]]
    assert run(argv) == 1
    error = capsys.readouterr().err
    assert message in error
    assert error.count("\n") == 1 and error.startswith("ewarong-desktop: ")
    assert list(out.iterdir()) == []


def test_reportlab_is_not_loaded_until_a_report_is_made():
    code = ("import sys; import ewarong_desktop.cli as c, ewarong_desktop.services.report_export, "
            "ewarong_desktop.reports; c.build_parser(); print('reportlab' in sys.modules, "
            "'pypdf' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.split() == ["False", "False"]


@pytest.mark.parametrize("command", [
    ["report", "summary", "--out", "{target}"],
    ["report", "profile", "--assessment", "{id}", "--out", "{target}"],
    ["report", "profiles", "--period", "{period}", "--out", "{target}"],
    ["export", "--out", "{target}"],
    ["export-csv", "--out", "{target}"],
    ["export-xlsx", "--out", "{target}"],
])
@pytest.mark.parametrize("overwrite", [[], ["--overwrite"]])
@pytest.mark.parametrize("target_suffix", ["", "-wal"])
def test_out_never_writes_over_the_database(demo, capsys, command, overwrite, target_suffix):
    db, first = demo
    target = db.with_name(db.name + target_suffix)
    if not target.exists():
        target.write_bytes(b"")  # a -wal that SQLite checkpointed away: keep the name in use
    before = target.read_bytes()
    argv = [a.format(target=target, id=first.id, period=first.period) for a in command]
    assert run(argv[:1] + (argv[1:2] if argv[0] == "report" else []) + ["--db", str(db)]
               + argv[(2 if argv[0] == "report" else 1):] + overwrite) == 1
    error = capsys.readouterr().err
    # (export-xlsx refuses the name first: it does not end in .xlsx)
    assert error.count("\n") == 1
    assert "will not write over" in error or "should end in .xlsx" in error
    assert target.read_bytes() == before
    assert run(["check", "--db", str(db)]) == 0


def test_an_existing_report_is_replaced_only_with_overwrite(demo, out, capsys):
    db, _first = demo
    target = out / "summary.pdf"
    target.write_bytes(b"the summary printed yesterday")
    assert run(["report", "summary", "--db", str(db), "--out", str(target)]) == 1
    assert "--overwrite" in capsys.readouterr().err
    assert target.read_bytes() == b"the summary printed yesterday"
    assert run(["report", "summary", "--db", str(db), "--out", str(target), "--overwrite"]) == 0
    assert target.read_bytes().startswith(b"%PDF")


def test_backup_out_refuses_a_missing_folder_like_every_other_out(demo, out, capsys):
    db, _first = demo
    assert run(["backup", "--db", str(db), "--out", str(out / "usb" / "copy.sqlite3")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not (out / "usb").exists()
