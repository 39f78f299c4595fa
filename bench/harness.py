"""Measuring against a floor taken in the same run.

These machines are shared and noisy, so every cost is reported beside a floor measured
moments before or after it (the bare library doing the same work) and judged as a ratio
where a ratio budget is set, or against an absolute budget where the issue sets one.
"""

from __future__ import annotations

import math
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


def interleaved(actions: dict[str, Callable[[], object]], repeat: int) -> dict[str, list[float]]:
    """Wall-clock seconds of each action over ``repeat`` rounds, the actions taking turns
    so that a noisy moment of the machine hits a cost and its floor alike."""
    samples: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(repeat):
        for name, action in actions.items():
            start = time.perf_counter()
            action()
            samples[name].append(time.perf_counter() - start)
    return samples


def run_timed(*args: str, env: dict | None = None, timeout: float = 600) -> tuple[float, str]:
    """Run a fresh interpreter with ``args``; its wall-clock seconds and its stdout."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, *args], capture_output=True, text=True,
                            env=env, timeout=timeout)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"probe failed: {result.stderr.strip()[-2000:]}")
    return elapsed, result.stdout


def run_python(code: str, *args: str, env: dict | None = None, timeout: float = 600) -> str:
    """Run a snippet in a fresh interpreter (cold-start and peak-memory measurements)."""
    return run_timed("-c", code, *args, env=env, timeout=timeout)[1]


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


def shown(value: float, unit: str) -> str:
    """A value as the tables print it: seconds in ms, memory in MB."""
    return f"{value * 1000:.1f} ms" if unit == "s" else f"{value:.1f} MB"


def format_table(rows: list[Row]) -> str:
    header = ["measurement", "size", "median", "min", "max", "floor", "ratio", "budget", "result",
              "note"]
    lines = []
    for row in rows:
        values = [shown(value, row.unit) if value is not None else ""
                  for value in (row.median, row.minimum, row.maximum, row.floor)]
        lines.append([
            row.measurement, f"{row.size:,}", *values,
            f"{row.ratio:.2f}x" if row.ratio is not None else "",
            row.budget or "(none)", ("pass" if row.passed else "FAIL") if row.budget else "info",
            row.note,
        ])
    return _markdown(header, lines)


def _markdown(header: list[str], lines: list[list[str]]) -> str:
    widths = [max(len(h), *(len(line[i]) for line in lines)) if lines else len(h)
              for i, h in enumerate(header)]
    out = ["| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |",
           "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += ["| " + " | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) + " |" for line in lines]
    return "\n".join(out)


# Growth is judged by its exponent: cost ~ assessments ** exponent (0 flat, 1 linear). Runs
# on a shared machine wobble, so each limit gets this much slack (0.05 is 1.25x over 92x).
EXPONENT_SLACK = 0.05


def growth_rows(rows: list[Row], counts: dict[int, int], flat: set[str],
                small: int = 100, large: int = 10_000) -> list[dict]:
    """How each median grows from the ``small`` to the ``large`` database.

    Costs named in ``flat`` should not grow at all; the rest no worse than the number of
    assessments (linear). Empty unless both sizes were measured.
    """
    if small not in counts or large not in counts:
        return []
    scale = math.log(counts[large] / counts[small])
    medians = {(row.measurement, row.size): row for row in rows}
    growth = []
    # Reference rows (no budget) measure libraries, not the program: left out, unless they
    # are the program's own and should stay flat (the filled window at start-up).
    for name in dict.fromkeys(row.measurement for row in rows
                              if row.budget or row.measurement in flat):
        before, after = medians.get((name, small)), medians.get((name, large))
        if before is None or after is None or not before.median or not after.median:
            continue
        factor = after.median / before.median
        exponent = math.log(factor) / scale
        expected = "flat" if name in flat else "linear or better"
        limit = (0.0 if name in flat else 1.0) + EXPONENT_SLACK
        growth.append({"measurement": name, "unit": before.unit, "small": before.median,
                       "large": after.median, "growth": factor, "exponent": exponent,
                       "expected": expected, "limit": limit, "held": exponent <= limit})
    return growth


def format_growth(growth: list[dict], counts: dict[int, int],
                  small: int = 100, large: int = 10_000) -> str:
    header = ["measurement", f"at {small:,}", f"at {large:,}", "growth", "exponent", "expected",
              "result"]
    lines = []
    for entry in growth:
        lines.append([entry["measurement"], shown(entry["small"], entry["unit"]),
                      shown(entry["large"], entry["unit"]),
                      f"{entry['growth']:.2f}x", f"{entry['exponent']:.2f}",
                      f"{entry['expected']} (<= {entry['limit']:.2f})",
                      "held" if entry["held"] else "GREW"])
    title = (f"Growth from {small:,} to {large:,} (databases of {counts[small]:,} and "
             f"{counts[large]:,} assessments, {counts[large] / counts[small]:.1f}x as many): "
             "cost ~ assessments ** exponent, so 0 is flat and 1 linear")
    return title + "\n\n" + _markdown(header, lines)
