"""The headless command line: demo, list, errors as one line."""

import json
import subprocess
import sys

from ewarong_desktop.__main__ import main


def test_demo_then_list_json(tmp_path, capsys):
    db = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(db), "--seed", "3"]) == 0
    capsys.readouterr()
    assert main(["list", "assessments", "--db", str(db), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 162
    assert {"id", "advisor_name", "advisor_type", "warong_name", "kabupaten", "period", "status",
            "completeness"} <= set(rows[0])
    periods = {row["period"] for row in rows}
    assert len(periods) == 3
    assert {row["advisor_type"] for row in rows} == {"PKH", "TKSK"}


def test_demo_follows_the_study_pattern(tmp_path):
    from ewarong_desktop.db import open_database
    from ewarong_desktop.services import assessments, profiles

    db = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(db)]) == 0
    database = open_database(db)
    means: dict[str, list[float]] = {"PKH": [], "TKSK": []}
    business: list[float] = []
    basics: list[float] = []
    with database.session() as session:
        for summary in assessments.list_assessments(session, status="final"):
            profile = profiles.compute_profile(session, summary.id)
            means[summary.advisor_type].append(profile.overall)
            business += [profile.area_means[a] for a in range(4, 9) if profile.area_means[a] is not None]
            basics += [profile.area_means[a] for a in range(1, 4) if profile.area_means[a] is not None]
    database.close()
    assert sum(means["PKH"]) / len(means["PKH"]) > sum(means["TKSK"]) / len(means["TKSK"]) + 0.3
    assert sum(business) / len(business) < sum(basics) / len(basics)


def test_demo_refuses_to_overwrite(tmp_path, capsys):
    db = tmp_path / "demo.sqlite3"
    db.write_bytes(b"precious")
    assert main(["demo", "--db", str(db)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert db.read_bytes() == b"precious"


def test_errors_are_one_line_without_traceback(tmp_path):
    for args in (["list", "advisors", "--db", str(tmp_path / "none.sqlite3")],
                 ["list", "cats"],
                 ["demo", "--db", str(tmp_path / "no" / "such" / "dir.sqlite3")]):
        result = subprocess.run([sys.executable, "-m", "ewarong_desktop", *args],
                                capture_output=True, text=True)
        assert result.returncode == 1, args
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
        assert result.stderr.startswith("ewarong-desktop: ")


def test_version_and_no_qt_on_headless_paths(tmp_path):
    code = ("import sys; from ewarong_desktop.__main__ import main; "
            f"main(['demo', '--db', {str(tmp_path / 'd.sqlite3')!r}]); "
            f"main(['list', 'warongs', '--db', {str(tmp_path / 'd.sqlite3')!r}]); "
            "print('PySide6' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip().endswith("False")
    result = subprocess.run([sys.executable, "-m", "ewarong_desktop", "--version"],
                            capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("ewarong-desktop 0.")
