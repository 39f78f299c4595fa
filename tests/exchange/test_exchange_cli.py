"""The exchange on the command line: counts printed, errors as one line, exit codes."""

import subprocess
import sys

from ewarong_desktop.__main__ import main
from ewarong_desktop.services import assessments

from .conftest import dump, location


def run(capsys, *args):
    code = main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_export_then_import_prints_counts(laptop, capsys, tmp_path, make_database):
    source = location(laptop.database)
    out = tmp_path / "kirim.ewarong"
    code, text, _ = run(capsys, "export", "--db", source, "--out", out)
    assert code == 0 and "exported 2 assessments (35 ratings)" in text and out.exists()
    server = make_database("koordinator") if laptop.database.is_server else None
    target = location(server) if server else tmp_path / "koordinator.sqlite3"
    code, text, _ = run(capsys, "import", "--db", target, out, "--dry-run")
    assert code == 0 and "dry run: nothing was written" in text
    assert not dump(server, ["assessment"])["assessment"] if server else not target.exists()
    assert "  assessments             2          0          0          0" in text
    code, text, _ = run(capsys, "import", "--db", target, out)
    assert code == 0 and ("no backup taken on a server" if server
                          else "backup taken before the import") in text
    code, text, _ = run(capsys, "import", "--db", target, out)
    assert "  ratings                 0          0         35          0" in text


def test_refused_import_is_one_line_and_changes_nothing(laptop, capsys, tmp_path, make_database):
    good = tmp_path / "good.ewarong"
    run(capsys, "export", "--db", location(laptop.database), "--out", good)
    bad = tmp_path / "bad.ewarong"
    bad.write_bytes(good.read_bytes()[:200])
    coordinator = make_database("coordinator")
    before = dump(coordinator)
    code, _, err = run(capsys, "import", "--db", location(coordinator), good, bad)
    assert code == 1 and err.count("\n") == 1 and "bad.ewarong: " in err
    assert dump(coordinator) == before
    if coordinator.is_server:
        return
    fresh = tmp_path / "fresh.sqlite3"
    assert run(capsys, "import", "--db", fresh, bad)[0] == 1 and not fresh.exists()


def test_errors_from_a_real_process_have_no_traceback(tmp_path):
    not_exchange = tmp_path / "surat.ewarong"
    not_exchange.write_text("Kepada Yth. Koordinator")
    result = subprocess.run([sys.executable, "-m", "ewarong_desktop", "import", "--db",
                             str(tmp_path / "k.sqlite3"), str(not_exchange)],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr == ("ewarong-desktop: surat.ewarong: is not an e-Warong exchange file "
                             "(not a zip archive)\n")


def test_selection_options(laptop, capsys, tmp_path):
    code, text, _ = run(capsys, "export", "--db", location(laptop.database), "--out",
                        tmp_path / "tksk.ewarong", "--advisor", laptop.tksk, "--period", "2026-S1")
    assert code == 0 and "exported 1 assessments" in text
    code, _, err = run(capsys, "export", "--db", location(laptop.database), "--out",
                       tmp_path / "x.ewarong", "--kabupaten", "Kota Depok")
    assert code == 1 and "Kota Depok" in err and not (tmp_path / "x.ewarong").exists()


def test_conflicts_listed_and_resolved(laptop, capsys, tmp_path, make_database):
    first, second = tmp_path / "1.ewarong", tmp_path / "2.ewarong"
    run(capsys, "export", "--db", location(laptop.database), "--out", first)
    with laptop.database.session() as session:
        assessments.reopen(session, laptop.final, "ralat", editor_id=laptop.pkh)
        assessments.set_rating(session, laptop.final, "4.3.3", 0, editor_id=laptop.pkh)
        assessments.finalise(session, laptop.final, editor_id=laptop.pkh)
    run(capsys, "export", "--db", location(laptop.database), "--out", second)
    coordinator = location(make_database("coordinator"))
    run(capsys, "import", "--db", coordinator, first)
    code, text, _ = run(capsys, "import", "--db", coordinator, second)
    assert "conflict: Euis Nur’aini / e-Warong Sauyunan / 2026-S1: 1 cell(s) differ" in text
    code, text, _ = run(capsys, "conflicts", "--db", coordinator)
    assert code == 0 and "(1 conflicts)" in text
    conflict_id = text.split()[0]
    code, text, _ = run(capsys, "resolve-conflict", "--db", coordinator, conflict_id,
                        "--keep", "incoming", "--by", laptop.pkh)
    assert code == 0 and "kept incoming" in text
    assert "(0 conflicts)" in run(capsys, "conflicts", "--db", coordinator)[1]
    assert "kept_incoming" in run(capsys, "conflicts", "--db", coordinator, "--all")[1]


def test_spreadsheet_commands(laptop, capsys, tmp_path):
    code, text, _ = run(capsys, "export-xlsx", "--db", location(laptop.database), "--out",
                        tmp_path / "nilai.xlsx")
    assert code == 0 and "wrote 2 assessments" in text and (tmp_path / "nilai.xlsx").exists()
    code, _, _ = run(capsys, "export-csv", "--db", location(laptop.database), "--out",
                     tmp_path / "nilai.csv", "--wide", "--delimiter", "semicolon")
    assert code == 0 and (tmp_path / "nilai.csv").read_text(encoding="utf-8-sig").count("\n") == 3
    code, _, err = run(capsys, "export-xlsx", "--db", location(laptop.database), "--out",
                       tmp_path / "nilai.xls")
    assert code == 1 and ".xlsx" in err
