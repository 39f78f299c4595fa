"""`backup`, `restore` and `check` on the command line: exit codes and one-line messages."""

from __future__ import annotations

import subprocess
import sys

from ewarong_desktop.__main__ import main
from ewarong_desktop.services import safety


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_healthy_then_damaged_then_restore_newest(tmp_path, capsys):
    db = str(tmp_path / "kantor.sqlite3")
    assert run(capsys, "demo", "--db", db, "--assessments", "40")[0] == 0

    code, out, err = run(capsys, "check", "--db", db)
    assert code == 0 and err == ""
    assert out.count("\n") == 1 and "ok:" in out and "assessments" in out

    code, out, _ = run(capsys, "backup", "--db", db)
    assert code == 0 and "written to" in out
    with open(db, "r+b") as handle:  # damage it by hand: a page of zeros in the middle
        handle.seek(20 * 4096)
        handle.write(bytes(4096))
    damaged = (tmp_path / "kantor.sqlite3").read_bytes()

    code, out, err = run(capsys, "check", "--db", db)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("ewarong-desktop: ")
    assert "restore" in err and "--from" in err

    code, out, err = run(capsys, "list", "assessments", "--db", db)  # any start refuses clearly
    assert code == 1 and err.count("\n") == 1 and "cannot be used" in err

    code, out, err = run(capsys, "restore", "--db", db, "--from", "newest")
    assert code == 0, err
    assert "restored" in out and "kept for inspection" in out
    kept = [p for p in tmp_path.iterdir() if ".damaged-" in p.name and p.suffix == ".sqlite3"]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    assert run(capsys, "check", "--db", db)[0] == 0


def test_backup_out_and_list(tmp_path, capsys):
    db = str(tmp_path / "a.sqlite3")
    run(capsys, "demo", "--db", db, "--assessments", "5")
    out_file = tmp_path / "flashdisk" / "salinan.sqlite3"
    out_file.parent.mkdir()
    code, out, _ = run(capsys, "backup", "--db", db, "--out", str(out_file))
    assert code == 0 and safety.check_database(out_file).ok
    code, _, err = run(capsys, "backup", "--db", db, "--out", str(out_file))
    assert code == 1 and "already exists" in err and err.count("\n") == 1
    run(capsys, "backup", "--db", db)
    code, out, _ = run(capsys, "backup", "--db", db, "--list")
    assert code == 0 and "manual" in out and "(1 backups" in out


def test_restore_from_a_chosen_file_keeps_the_current_contents(tmp_path, capsys):
    db, other = str(tmp_path / "a.sqlite3"), str(tmp_path / "b.sqlite3")
    run(capsys, "demo", "--db", db, "--assessments", "5", "--seed", "1")
    run(capsys, "demo", "--db", other, "--assessments", "30", "--seed", "2")
    before = safety.check_database(db).summary
    code, out, err = run(capsys, "restore", "--db", db, "--from", other)
    assert code == 0, err
    assert "previous contents are kept in" in out
    assert safety.check_database(db).summary == safety.check_database(other).summary
    kept = safety.list_backups(db)[0]
    assert kept.reason == "pre-restore" and safety.check_database(kept.path).summary.startswith(
        before.split(",")[0])


def test_errors_are_one_line(tmp_path, capsys):
    missing = str(tmp_path / "tidak-ada.sqlite3")
    for argv in (["check", "--db", missing], ["backup", "--db", missing],
                 ["restore", "--db", missing, "--from", "newest"],
                 ["restore", "--db", missing, "--from", str(tmp_path / "x.sqlite3")]):
        code, out, err = run(capsys, *argv)
        assert code == 1 and out == "" and err.count("\n") == 1, (argv, err)
    notes = tmp_path / "catatan.sqlite3"
    notes.write_text("bukan database")
    code, _, err = run(capsys, "check", "--db", str(notes))
    assert code == 1 and "not an e-Warong database" in err


def test_check_as_a_real_process_exit_codes(tmp_path):
    db = tmp_path / "p.sqlite3"
    subprocess.run([sys.executable, "-m", "ewarong_desktop", "demo", "--db", str(db),
                    "--assessments", "5"], check=True, capture_output=True)
    healthy = subprocess.run([sys.executable, "-m", "ewarong_desktop", "check", "--db", str(db)],
                             capture_output=True, text=True)
    db.write_bytes(db.read_bytes()[:5000])
    broken = subprocess.run([sys.executable, "-m", "ewarong_desktop", "check", "--db", str(db)],
                            capture_output=True, text=True)
    assert healthy.returncode == 0 and healthy.stderr == ""
    assert broken.returncode == 1 and broken.stdout == ""
    assert broken.stderr.count("\n") == 1 and "truncated" in broken.stderr
