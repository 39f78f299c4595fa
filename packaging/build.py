"""Build the self-contained program: dist/ewarong-desktop/ (and, on Windows, the installer).

    python -m pip install -e ".[package]" && python packaging/build.py

1. Brings the build's libraries to the versions in constraints.txt (``--no-sync`` skips it),
   so a new release of a dependency cannot change a bundle unnoticed.
2. Runs PyInstaller on packaging/ewarong-desktop.spec: one folder, two executables
   (``ewarong-desktop`` windowed, ``ewarong-desktop-cli`` console) sharing its libraries.
3. Checks the result: the console executable reports the version and opens a new database
   (so its migrations ran inside the bundle), and prints the bundle's size.
4. ``--installer`` (Windows, Inno Setup 6's ``iscc`` on PATH): dist/ewarong-desktop-<version>-setup.exe.

Any failure is one line on stderr and exit code 1.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "ewarong-desktop.spec"
CONSTRAINTS = ROOT / "constraints.txt"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
ISS = ROOT / "packaging" / "windows" / "ewarong-desktop.iss"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""


class BuildError(Exception):
    pass


def version() -> str:
    text = (ROOT / "ewarong_desktop" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__\s*=\s*"([^"]+)"', text)
    if found is None:
        raise BuildError("no __version__ in ewarong_desktop/__init__.py")
    return found.group(1)


def pinned_versions() -> dict[str, str]:
    """``name -> version`` from constraints.txt (names normalised as pip does)."""
    pins = {}
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, _, pinned = line.partition("==")
            pins[re.sub(r"[-_.]+", "-", name.strip()).lower()] = pinned.strip()
    return pins


def out_of_step() -> list[str]:
    """Installed distributions whose version differs from constraints.txt."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    differ = []
    for name, pinned in pinned_versions().items():
        try:
            have = installed(name)
        except PackageNotFoundError:
            continue  # not needed on this platform or by this build (test tools, say)
        if have != pinned:
            differ.append(f"{name} {have} (constraints.txt: {pinned})")
    return differ


def sync_to_constraints() -> None:
    differ = out_of_step()
    if not differ:
        return
    print("bringing to the versions in constraints.txt: " + ", ".join(differ), flush=True)
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "-c", str(CONSTRAINTS),
                    "-e", f"{ROOT}[package]"], check=True)


def write_windows_version_info(ver: str) -> None:
    """The version resource Windows shows in the executable's properties."""
    numbers = [int(n) for n in re.findall(r"\d+", ver)[:3]] + [0]
    numbers = (numbers + [0, 0, 0, 0])[:4]
    fields = {"CompanyName": "e-Warong Desktop", "FileDescription": "e-Warong Desktop",
              "FileVersion": ver, "ProductName": "e-Warong Desktop", "ProductVersion": ver,
              "LegalCopyright": "MIT License", "OriginalFilename": "ewarong-desktop.exe"}
    strings = ",\n".join(f"          StringStruct('{k}', '{v}')" for k, v in fields.items())
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={tuple(numbers)}, prodvers={tuple(numbers)}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
{strings}
    ])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
    (ROOT / "build").mkdir(exist_ok=True)
    (ROOT / "build" / "version-info.txt").write_text(text, encoding="utf-8")


def run_pyinstaller(dist: Path) -> Path:
    bundle = dist / "ewarong-desktop"
    shutil.rmtree(bundle, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(WORK), str(SPEC)],
                   check=True, cwd=ROOT)
    return bundle


def remove_dangling_links(bundle: Path) -> None:
    """PyInstaller links libraries to the top of _internal; those of libraries the spec left
    out point nowhere."""
    for link in bundle.rglob("*"):
        if link.is_symlink() and not link.exists():
            link.unlink()


def folder_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


def check_bundle(bundle: Path, ver: str) -> None:
    """The console executable starts without this Python and migrates a new database."""
    cli = bundle / f"ewarong-desktop-cli{EXE_SUFFIX}"
    for name in ("ewarong-desktop", "ewarong-desktop-cli"):
        if not (bundle / f"{name}{EXE_SUFFIX}").is_file():
            raise BuildError(f"the bundle has no {name}{EXE_SUFFIX}")
    with tempfile.TemporaryDirectory(prefix="ewarong-build-check-") as scratch:
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(("PYTHON", "VIRTUAL_ENV"))}
        env.update(HOME=scratch, USERPROFILE=scratch, LOCALAPPDATA=scratch, APPDATA=scratch,
                   XDG_DATA_HOME=f"{scratch}/data", XDG_STATE_HOME=f"{scratch}/state",
                   XDG_CONFIG_HOME=f"{scratch}/config", XDG_CACHE_HOME=f"{scratch}/cache")
        shown = subprocess.run([str(cli), "--version"], capture_output=True, text=True, env=env)
        if shown.returncode != 0 or ver not in shown.stdout:
            raise BuildError(f"the bundle's --version failed: {shown.stdout}{shown.stderr}".strip())
        db = Path(scratch) / "check.sqlite3"
        db.touch()  # `list` refuses a missing file; an empty one the bundle migrates to its head
        listed = subprocess.run([str(cli), "list", "advisors", "--db", str(db)],
                                capture_output=True, text=True, env=env)
        if listed.returncode != 0:
            raise BuildError(f"the bundle cannot open a new database: {listed.stderr.strip()}")


def build_installer(bundle: Path, dist: Path, ver: str) -> Path:
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    if iscc is None:
        raise BuildError("Inno Setup's iscc is not on PATH (install Inno Setup 6; Windows only)")
    subprocess.run([iscc, f"/DAppVersion={ver}", f"/DBundleDir={bundle}", f"/DOutputDir={dist}",
                    f"/DRepoRoot={ROOT}", str(ISS)], check=True)
    return dist / f"ewarong-desktop-{ver}-setup.exe"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build dist/ewarong-desktop/.")
    parser.add_argument("--no-sync", action="store_true",
                        help="build with the libraries as installed, not constraints.txt's")
    parser.add_argument("--dist", type=Path, default=DIST,
                        help="where to put the bundle (default: dist/ in this folder)")
    parser.add_argument("--installer", action="store_true",
                        help="also build the Windows installer (Windows, Inno Setup 6)")
    args = parser.parse_args(argv)
    try:
        ver = version()
        if not args.no_sync:
            sync_to_constraints()
        write_windows_version_info(ver)
        bundle = run_pyinstaller(args.dist.resolve())
        remove_dangling_links(bundle)
        check_bundle(bundle, ver)
        size = folder_size(bundle)
        files = sum(1 for f in bundle.rglob("*") if f.is_file())
        print(f"built {bundle}: e-Warong Desktop {ver}, {size / 2**20:.0f} MB in {files} files")
        if args.installer:
            print(f"built {build_installer(bundle, args.dist.resolve(), ver)}")
    except BuildError as exc:
        print(f"build.py: {exc}", file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as exc:
        print(f"build.py: {Path(str(exc.cmd[0])).name} failed (exit code {exc.returncode}); "
              "its output is above", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
