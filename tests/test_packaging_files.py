"""What packagers and installers read: metadata, constraints, the sdist, icons, desktop files.

The Windows installer cannot be built here (Linux); its script is checked for the promises the
README makes about it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def pins() -> dict[str, str]:
    found = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: {line!r} is not pinned with =="
            found[canonicalize_name(name)] = version.strip()
    return found


def test_constraints_pin_every_dependency_within_its_range():
    pinned = pins()
    project = PYPROJECT["project"]
    wanted = project["dependencies"] + [r for extra in project["optional-dependencies"].values()
                                        for r in extra]
    for text in wanted:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        assert name in pinned, f"constraints.txt pins no version of {requirement.name}"
        assert requirement.specifier.contains(pinned[name], prereleases=True), (
            f"constraints.txt pins {name} {pinned[name]}, outside pyproject's {requirement}")


def test_license_is_an_spdx_string_with_its_file():
    assert PYPROJECT["project"]["license"] == "MIT"
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert PYPROJECT["project"]["gui-scripts"]["ewarong-desktop-gui"] == \
        PYPROJECT["project"]["scripts"]["ewarong-desktop"]


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git to list the tracked tests")
def test_sdist_contains_the_whole_test_suite(tmp_path):
    tracked = subprocess.run(["git", "ls-files", "tests", "bench", "packaging", "resources"],
                             cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    if not tracked:
        pytest.skip("not a git checkout")
    done = subprocess.run([sys.executable, "-m", "build", "--sdist", "--outdir", str(tmp_path), str(ROOT)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    [sdist] = tmp_path.glob("ewarong_desktop-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    missing = sorted(set(tracked) - names)
    assert not missing, f"the sdist leaves out {missing[:10]}"
    assert {"LICENSE", "CHANGELOG.md", "constraints.txt", ".ci/run"} <= names


def test_icon_sizes_are_rendered_from_the_svg():
    from PySide6.QtGui import QImage

    icons = ROOT / "resources" / "icons"
    assert (icons / "ewarong-desktop.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for size in (16, 32, 48, 256):
        image = QImage(str(icons / "png" / f"ewarong-desktop-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
    ico = (icons / "ewarong-desktop.ico").read_bytes()
    assert ico[:4] == b"\0\0\1\0" and int.from_bytes(ico[4:6], "little") >= 6  # several sizes


def test_window_carries_the_icon(qapp):
    from ewarong_desktop.ui.app import application_icon

    sizes = {(s.width(), s.height()) for s in application_icon().availableSizes()}
    assert {(16, 16), (32, 32), (256, 256)} <= sizes


def test_desktop_file_and_metainfo():
    linux = ROOT / "resources" / "linux"
    desktop = (linux / "ewarong-desktop.desktop").read_text(encoding="utf-8")
    assert "\nExec=ewarong-desktop --receive %f\n" in desktop
    assert "\nIcon=ewarong-desktop\n" in desktop and "application/x-ewarong;" in desktop
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(["desktop-file-validate", str(linux / "ewarong-desktop.desktop")],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
    meta = ET.parse(linux / "io.github.ewarong.EwarongDesktop.metainfo.xml").getroot()
    assert meta.findtext("project_license") == "MIT"
    assert meta.find("launchable").text == "ewarong-desktop.desktop"
    [release] = meta.find("releases")
    from ewarong_desktop import __version__

    assert release.get("version") == __version__
    mime = ET.parse(linux / "ewarong-desktop-mime.xml").getroot()
    assert mime[0].find("{http://www.freedesktop.org/standards/shared-mime-info}glob").get(
        "pattern") == "*.ewarong"


def test_installer_script_keeps_the_readme_promises():
    iss = (ROOT / "packaging" / "windows" / "ewarong-desktop.iss").read_text(encoding="utf-8")
    assert re.search(r"^PrivilegesRequired=lowest$", iss, re.M)  # no administrator rights
    assert re.search(r"^DefaultDirName=\{autopf\}", iss, re.M)  # per user: LocalAppData\Programs
    assert '--receive ""%1""' in iss and "Software\\Classes\\.ewarong" in iss
    assert "{group}\\e-Warong Desktop" in iss  # Start menu
    # The data folder is the program's own (platformdirs); nothing may delete it.
    assert "UninstallDelete]" not in iss.replace("; No [UninstallDelete]", "")
    assert "ewarong\\ewarong-desktop" not in iss.split("[Setup]", 1)[1].replace(
        "%LOCALAPPDATA%\\ewarong\\ewarong-desktop stay", "")
    workflow = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    assert "/VERYSILENT" in workflow and "/CURRENTUSER" in workflow
    assert "python packaging/build.py --no-sync --installer" in workflow
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "/VERYSILENT /SUPPRESSMSGBOXES /CURRENTUSER" in readme
    assert 'python -m pip install -e ".[package]" && python packaging/build.py' in readme


def test_readme_lists_every_library_the_xcb_plugin_links_to():
    """The README's apt line covers each library libqxcb and the Qt libraries link to
    (checked where Debian's tools are: readelf and dpkg)."""
    if not (shutil.which("readelf") and shutil.which("dpkg") and shutil.which("ldconfig")):
        pytest.skip("needs readelf and dpkg (Debian/Ubuntu)")
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [apt_line] = [line for line in readme.splitlines() if line.startswith("sudo apt-get install python3")]
    listed = set(apt_line.split()[3:])
    needed = set()
    xcb_plugin = [qt / "plugins" / "platforms" / "libqxcb.so", *sorted((qt / "lib").glob("libQt6XcbQpa.so*"))]
    for binary in xcb_plugin:
        dynamic = subprocess.run(["readelf", "-d", str(binary)], capture_output=True, text=True).stdout
        needed |= set(re.findall(r"\(NEEDED\)\s+Shared library: \[(lib[^\]]+)\]", dynamic))
    base = {"libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1", "libz.so.1", "libdl.so.2",
            "libpthread.so.0"}
    for library in sorted(needed - base):
        if library.startswith(("libQt6", "libicu")):
            continue  # in the wheel
        package = debian_package(library)
        assert package in listed, f"{library} (linked by Qt's xcb plugin, in {package}) is not in the README"


def debian_package(library: str) -> str:
    """The Debian package holding ``library``: asked of dpkg where it is installed, else by
    Debian's naming rule (soname without ".so", then its version: libxcb-icccm.so.4 ->
    libxcb-icccm4, libxkbcommon-x11.so.0 -> libxkbcommon-x11-0)."""
    cache = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    found = re.search(rf"^\s*{re.escape(library)} \(.*\) => (\S+)$", cache, re.M)
    if found:
        owner = subprocess.run(["dpkg", "-S", str(Path(found.group(1)).resolve())],
                               capture_output=True, text=True)
        if owner.returncode == 0:
            return owner.stdout.split(":", 1)[0]
    stem, _, version = library.partition(".so.")
    stem = stem.lower()
    return stem + ("-" if stem[-1].isdigit() else "") + version.split(".")[0]
