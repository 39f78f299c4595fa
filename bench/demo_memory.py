"""Peak memory of `demo` at several sizes: it streams rows, so the peak should stay flat.

    python bench/demo_memory.py              # 100 and 200,000 assessments
    python bench/demo_memory.py 100 20000    # sizes of your choice

Each size runs in a fresh process (peak RSS from getrusage) with its own home folder.

Measured 2026-12-02 on the shared 2-core test machine, after the demo began streaming
(before: 2.5 GB at 200,000 according to issue 17):

    assessments   peak RSS (MB)   seconds
            100            62.8       1.1
         20,000            65.6      99.2
        200,000            68.9    2038.9
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = """
import resource, sys
from ewarong_desktop.cli import run
code = run(["demo", "--db", sys.argv[1], "--assessments", sys.argv[2]])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
raise SystemExit(code)
"""


def measure(size: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        env = {"HOME": folder, "XDG_DATA_HOME": folder, "XDG_STATE_HOME": folder,
               "XDG_CONFIG_HOME": folder, "PATH": "/usr/bin:/bin"}
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", CHILD, str(Path(folder) / "d.sqlite3"),
                               str(size)], capture_output=True, text=True, env=env, check=True)
        seconds = time.perf_counter() - started
        return int(done.stderr.strip().splitlines()[-1]) / 1024, seconds


def main(sizes: list[int]) -> None:
    print(f"{'assessments':>12}  {'peak RSS (MB)':>14}  {'seconds':>8}")
    for size in sizes:
        peak, seconds = measure(size)
        print(f"{size:>12,}  {peak:>14.1f}  {seconds:>8.1f}", flush=True)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [100, 200_000])
