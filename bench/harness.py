"""Measuring against a floor taken in the same run.

These machines are shared and noisy, so every cost is reported beside a floor measured
moments before or after it (the bare library doing the same work) and judged as a ratio
where a ratio budget is set, or against an absolute budget where the issue sets one.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field


@dataclass
class Row:
    measurement: str
    size: int
    unit: str  # "s" or "MB"
    median: float
    minimum: float
    maximum: float
    floor: float | None = None
    ratio: float | None = None
    budget: str = ""
    passed: bool = True
    note: str = ""
    samples: list[float] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    """Wall-clock seconds of ``repeat`` calls."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return samples


def run_python(code: str, *args: str, env: dict | None = None, timeout: float = 300) -> str:
    """Run a snippet in a fresh interpreter (cold-start and peak-memory measurements)."""
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                            env=env, timeout=timeout)
    if result.returncode != 0:
        raise RuntimeError(f"probe failed: {result.stderr.strip()[-2000:]}")
    return result.stdout


def make_row(name: str, size: int, samples: list[float], *, unit: str = "s",
             floor_samples: list[float] | None = None, max_ratio: float | None = None,
             max_value: float | None = None, per: float = 1.0, note: str = "") -> Row:
    """Summarise samples; ``per`` divides values (e.g. per page) before the ratio is taken."""
    values = [s / per for s in samples]
    median = statistics.median(values)
    row = Row(name, size, unit, median, min(values), max(values), note=note, samples=values)
    checks = []
    if floor_samples:
        row.floor = statistics.median(floor_samples)
        row.ratio = median / row.floor if row.floor else None
        if max_ratio is not None:
            checks.append(f"<= {max_ratio:g}x floor")
            row.passed &= row.ratio is not None and row.ratio <= max_ratio
    if max_value is not None:
        checks.append(f"<= {max_value:g} {unit}")
        row.passed &= median <= max_value
    row.budget = ", ".join(checks)
    return row


def format_table(rows: list[Row]) -> str:
    header = ["measurement", "size", "median", "min", "max", "floor", "ratio", "budget", "result"]
    lines = []
    for row in rows:
        fmt = (lambda v: f"{v * 1000:.1f} ms") if row.unit == "s" else (lambda v: f"{v:.1f} MB")
        lines.append([
            row.measurement, f"{row.size:,}", fmt(row.median), fmt(row.minimum), fmt(row.maximum),
            fmt(row.floor) if row.floor is not None else "",
            f"{row.ratio:.2f}x" if row.ratio is not None else "",
            row.budget, ("pass" if row.passed else "FAIL") + (f" ({row.note})" if row.note else ""),
        ])
    widths = [max(len(h), *(len(line[i]) for line in lines)) if lines else len(h)
              for i, h in enumerate(header)]
    out = ["| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |",
           "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += ["| " + " | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) + " |" for line in lines]
    return "\n".join(out)
