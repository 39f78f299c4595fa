"""The benchmark's quick mode runs and reports every row; the timings are bench/'s business."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# One row per measurement of issue 6, plus two start-up rows for reference (no budget).
EXPECTED_ROWS = {
    "cold start to first paint", "cold start to filled window", "start floor + SQLAlchemy import",
    "open assessment form",
    "save one rating", "role profile PDF, per page", "coordinator summary PDF",
    "batch of profiles, peak memory", "export everything", "import into empty database",
    "re-import (nothing changes)", "GUI peak memory",
}
WITH_FLOOR = {
    "cold start to first paint", "cold start to filled window", "start floor + SQLAlchemy import",
    "save one rating",
    "role profile PDF, per page", "batch of profiles, peak memory", "import into empty database",
    "re-import (nothing changes)",
}


@pytest.mark.slow  # builds a demo database and times everything: the full tier (CI)
def test_quick_benchmark_reports_every_row(tmp_path):
    out = tmp_path / "bench.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"))
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick",
         "--workdir", str(tmp_path / "work"), "--json", str(out)],
        capture_output=True, text=True, env=env, timeout=600, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]

    report = json.loads(out.read_text(encoding="utf-8"))
    rows = {row["measurement"]: row for row in report["rows"]}
    assert set(rows) == EXPECTED_ROWS
    assert len(report["rows"]) == len(EXPECTED_ROWS)  # one size: each row once
    for name, row in rows.items():
        assert row["size"] == 100
        assert 0 < row["minimum"] <= row["median"] <= row["maximum"], name
        if name in WITH_FLOOR:
            assert row["floor"] > 0 and row["ratio"] > 0, name
    budgeted = EXPECTED_ROWS - {"start floor + SQLAlchemy import", "cold start to filled window"}
    assert all(rows[name]["budget"] for name in budgeted)
    assert report["machine"]["cores"] >= 1 and report["date"]
    for name in EXPECTED_ROWS:  # the printed table has every row too
        assert f"| {name} " in result.stdout
    # The person's own settings and backups are never touched: all under the work folder.
    assert not (tmp_path / "home").exists()
