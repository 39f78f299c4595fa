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
    # Built in from the study's reference levels: PKH above TKSK, business areas weakest.
    assert sum(means["PKH"]) / len(means["PKH"]) > sum(means["TKSK"]) / len(means["TKSK"]) + 0.1
    assert sum(business) / len(business) < sum(basics) / len(basics) - 0.3


def _demo(tmp_path, *extra):
    from ewarong_desktop.db import open_database

    db = tmp_path / f"demo{len(extra)}.sqlite3"
    assert main(["demo", "--db", str(db), *extra]) == 0
    return open_database(db)


def test_demo_is_marked_fictional_and_stable(tmp_path):
    from ewarong_desktop.instrument import load_instrument
    from ewarong_desktop.services import advisors, assessments, demo

    database = _demo(tmp_path)
    area_of = {code: cell.area for code, cell in load_instrument().cells.items()}
    with database.session() as session:
        assert demo.is_demo(session)
        people = advisors.list_advisors(session)
        assert all(a.name.startswith("Contoh Pendamping ") and a.phone.startswith("0000-")
                   for a in people)
        changed = same = 0
        for advisor in people:
            by_warong: dict = {}
            for summary in assessments.list_assessments(session, advisor_id=advisor.id):
                by_warong.setdefault(summary.warong_id, []).append(summary)
            for series in by_warong.values():
                series.sort(key=lambda item: item.period)
                details = [assessments.get_detail(session, item.id).ratings for item in series]
                for before, after in zip(details, details[1:], strict=False):
                    for code, rating in after.items():
                        old = before.get(code)
                        if rating.level is None or old is None or old.level is None:
                            continue
                        changed += rating.level != old.level
                        same += rating.level == old.level
                for ratings in details:
                    for code, rating in ratings.items():
                        if rating.note:  # a note speaks about its own agenda area
                            assert rating.note in demo.NOTES_BY_AREA[area_of[code]], code
        assert 0.1 < changed / (changed + same) < 0.3
    database.close()


def test_a_normal_database_is_never_marked_as_demo(tmp_path):
    from ewarong_desktop.db import open_database
    from ewarong_desktop.services import demo

    database = open_database(tmp_path / "real.sqlite3")
    with database.session() as session:
        assert not demo.is_demo(session)
    database.close()


def test_flat_demo_has_no_study_pattern_built_in(tmp_path):
    from ewarong_desktop.services import assessments, profiles

    database = _demo(tmp_path, "--pattern", "flat", "--seed", "5")
    means: dict[str, list[float]] = {"PKH": [], "TKSK": []}
    with database.session() as session:
        for summary in assessments.list_assessments(session, status="final"):
            profile = profiles.compute_profile(session, summary.id)
            means[summary.advisor_type].append(profile.overall)
    database.close()
    pkh, tksk = (sum(v) / len(v) for v in (means["PKH"], means["TKSK"]))
    assert abs(pkh - tksk) < 0.3 and 1.6 < pkh < 2.6


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
