"""The code stays as the project's style asks: ruff everywhere, mypy on the plain-Python layers."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True)


def test_ruff_finds_nothing():
    result = run("ruff", "check", "--output-format", "concise", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_on_services_db_and_reports():
    result = run("mypy", "ewarong_desktop/services", "ewarong_desktop/db", "ewarong_desktop/reports")
    assert result.returncode == 0, result.stdout + result.stderr
