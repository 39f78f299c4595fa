"""A scripted keyboard-only run of the advisor's path, with a screenshot of every screen.

    python tools/keyboard_run.py [--theme light|dark] [--out DIR]

Needs Xvfb, openbox, xdotool and ImageMagick's ``import`` (Debian: ``apt-get install xvfb
openbox xdotool imagemagick``). It starts a 1366x768 X server with a 40-pixel "taskbar"
strut, a fresh home folder and an empty database, then drives the real program with key
presses only: first-start set-up, add an e-Warong, start an assessment, rate all 32 cells,
undo one and rate it again, finalise, view the profile. It counts the keys pressed (typed
names not counted) and saves a PNG of each screen in DIR (default: keyboard-run-<theme>/).
Exit code 0 when every step was seen on screen and fewer than 60 keys were needed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEY_BUDGET = 60
DISPLAY = ":77"


class Run:
    def __init__(self, out: Path, env: dict[str, str]):
        self.out = out
        self.env = env
        self.keys = 0
        self.shots: list[Path] = []

    def xdotool(self, *args: str) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True,
                              check=False)
        return done.stdout.strip()

    def key(self, *keys: str) -> None:
        for key in keys:
            self.xdotool("key", "--clearmodifiers", key)
            self.keys += 1
            time.sleep(0.12)

    def type(self, text: str) -> None:  # typed names and places: not counted as keystrokes
        self.xdotool("type", "--delay", "25", text)
        time.sleep(0.2)

    def wait_for(self, title_part: str, timeout: float = 30) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.xdotool("search", "--onlyvisible", "--name", title_part):
                time.sleep(0.8)  # painted
                return
            time.sleep(0.3)
        raise SystemExit(f"keyboard run: no window titled like {title_part!r} appeared")

    def shot(self, name: str) -> None:
        path = self.out / f"{len(self.shots) + 1:02d}-{name}.png"
        subprocess.run(["import", "-window", "root", str(path)], env=self.env, check=True)
        self.shots.append(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    for tool in ("Xvfb", "openbox", "xdotool", "import"):
        if shutil.which(tool) is None:
            print(f"keyboard run: {tool} is not installed", file=sys.stderr)
            return 1
    out = (args.out or Path(f"keyboard-run-{args.theme}")).resolve()
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="ewarong-keyboard-run-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_"))}
    env.update(HOME=str(home), DISPLAY=DISPLAY, XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local/share"), XDG_STATE_HOME=str(home / ".local/state"),
               XDG_RUNTIME_DIR=str(home / "run"))
    (home / "run").mkdir(mode=0o700)
    settings = home / ".config" / "ewarong"
    settings.mkdir(parents=True)
    (settings / "ewarong-desktop.ini").write_text(f"[ui]\ntheme={args.theme}\n", encoding="utf-8")
    database = home / "ewarong.sqlite3"
    processes: list[subprocess.Popen[bytes]] = []
    try:
        processes.append(subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1366x768x24",
                                           "-nolisten", "tcp"], env=env))
        time.sleep(1.5)
        # openbox keeps 40 px free at the bottom, as a taskbar would.
        rc = home / "openbox-rc.xml"
        rc.write_text("<openbox_config xmlns='http://openbox.org/3.4/rc'><margins><bottom>40"
                      "</bottom></margins></openbox_config>", encoding="utf-8")
        processes.append(subprocess.Popen(["openbox", "--config-file", str(rc)], env=env))
        time.sleep(1.0)
        processes.append(subprocess.Popen([sys.executable, "-m", "ewarong_desktop", "--db",
                                           str(database)], env=env, cwd=ROOT))
        run = Run(out, env)

        run.wait_for("Siapa yang memakai")
        run.type("Siti Aminah")
        run.key("alt+k")
        run.type("Kota Bandung")
        run.key("alt+e")
        run.type("Lengkong")
        run.shot("setup")
        run.key("Return")

        run.wait_for("e-Warong Desktop")
        run.shot("main-window-empty")
        run.key("alt+e", "t")  # e-Warong > Tambah e-Warong
        run.wait_for("Tambah e-Warong")
        run.type("e-Warong Sauyunan")
        run.shot("add-warong")
        run.key("Return")
        time.sleep(1.0)
        run.key("ctrl+n")  # Penilaian baru
        run.wait_for("Penilaian baru")
        run.shot("new-assessment")
        run.key("Return")

        run.wait_for("Penilaian Semester")
        run.shot("form-empty")
        levels = "32104321" * 4
        for level in levels[:-1]:
            run.key(level)
        run.shot("form-31-rated")
        run.key(levels[-1])
        run.wait_for("Semua sel terisi")
        run.shot("all-rated-prompt")
        run.key("Escape")  # Nanti: check first
        run.key("ctrl+z")  # undo the last level
        time.sleep(0.5)
        run.shot("after-undo")
        run.key("2")
        run.wait_for("Semua sel terisi")
        run.key("Return")  # Finalisasi sekarang
        time.sleep(1.0)
        run.shot("finalised")
        run.key("alt+p")  # Lihat profil
        run.wait_for("Profil peran")
        run.shot("profile")
        print(f"keyboard run ({args.theme}): {run.keys} keys besides typed names; "
              f"screenshots in {out}")
        for path in run.shots:
            print(f"  {path.name}")
        return 0 if run.keys < KEY_BUDGET else 1
    finally:
        for process in reversed(processes):
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
