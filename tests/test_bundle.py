"""Smoke test of the built desktop bundle (`make bundle`, then `make bundle-test`).

The archive is unpacked as a user would, somewhere else, and each executable runs
from a clean environment (`env -i`: no virtual environment, no PYTHONPATH, a minimal
PATH). Not part of `make test`: the build takes minutes; CI runs both.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import EXAMPLE_CASE, REPO

pytestmark = pytest.mark.bundle
PLATFORM = {"linux": "linux", "darwin": "macos"}.get(sys.platform, sys.platform)


def _archive() -> Path:
    version = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
    found = sorted((REPO / "dist").glob(f"leadfit-{version}-{PLATFORM}-*.tar.gz"))
    assert found, f"no dist/leadfit-{version}-{PLATFORM}-*.tar.gz: run `make bundle` first"
    return found[-1]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    archive = _archive()
    where = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(archive) as tar:
        tar.extractall(where, filter="tar")
    folder = where / archive.name.removesuffix(".tar.gz")
    assert folder.is_dir(), sorted(p.name for p in where.iterdir())
    return folder


def clean_run(command: list, home: Path, timeout: int = 120, **env: str) -> subprocess.CompletedProcess:
    """`env -i` with only what a desktop session would have."""
    settings = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
                "LEADFIT_DATA_DIR": str(home / "data"), **env}
    return subprocess.run(["/usr/bin/env", "-i", *(f"{k}={v}" for k, v in settings.items()),
                           *map(str, command)], cwd=home, capture_output=True, text=True,
                          timeout=timeout, check=False)


def test_the_bundle_holds_both_executables_and_its_data(bundle):
    for exe in ("leadfit", "leadfit-desktop"):
        assert (bundle / exe).is_file() and (bundle / exe).stat().st_mode & 0o111, exe
    data = bundle / "_internal" / "leadfit"
    for name in ("assets/fonts/DejaVuSans.ttf", "assets/fonts/DejaVuSans-Bold.ttf",
                 "assets/icons/leadfit.png",
                 "desktop/leadfit.qss", "pdf/styles.yaml", "rules/packs/default/pack.yaml",
                 "rules/packs/bank/pack.yaml", "rules/packs/public-sector/pack.yaml"):
        assert (data / name).is_file(), name
    assert not list(bundle.rglob("*.py")), "source files travel compiled only"


def test_bundled_evaluate_on_the_example_case(bundle, tmp_path):
    result = clean_run([bundle / "leadfit", "evaluate", EXAMPLE_CASE], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Recommendation: Appoint with coaching\n" in result.stdout
    packs = clean_run([bundle / "leadfit", "pack", "test", "bank"], tmp_path)
    assert packs.returncode == 0, packs.stdout + packs.stderr  # bundled packs by name


def test_bundled_report_is_a_pdf_with_its_fonts_embedded(bundle, tmp_path):
    made = clean_run([bundle / "leadfit", "decide", "--recorded-by", "Robin Hale", EXAMPLE_CASE, "--decision", "coach",
                      "--plan-later",
                      "--conditions", "Monthly mentoring by the CPO"], tmp_path)
    assert made.returncode == 0, made.stderr
    record = made.stdout.strip().splitlines()[-1]
    pdf = tmp_path / "rationale.pdf"
    report = clean_run([bundle / "leadfit", "report", record, "--out", pdf], tmp_path)
    assert report.returncode == 0, report.stderr
    reader = PdfReader(pdf)
    assert "Alex Morgan" in reader.pages[0].extract_text()
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font.get("/DescendantFonts")
            descriptor = (descendant[0].get_object() if descendant else font).get("/FontDescriptor")
            fonts[str(font["/BaseFont"])] = descriptor is not None and "/FontFile2" in descriptor.get_object()
    assert fonts and all(fonts.values()), fonts  # every font embedded (TrueType)
    assert all("DejaVuSans" in name for name in fonts), fonts


def test_bundled_window_is_shown_offscreen_and_closed(bundle, tmp_path):
    picture = tmp_path / "window.png"
    result = clean_run([bundle / "leadfit-desktop", f"--self-test={picture}"], tmp_path,
                       QT_QPA_PLATFORM="offscreen")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "window shown: New case – LeadFit"  # the title bar, as drawn
    assert "qt.svg" not in result.stderr and "Could not" not in result.stderr, result.stderr
    assert picture.stat().st_size > 20_000  # a drawn window with its form, not a blank grab


def test_bundled_window_without_a_display_says_so_in_plain_words(bundle, tmp_path):
    """Not Qt's "could not load the Qt platform plugin xcb ... xcb-cursor0 is needed",
    which it prints for a missing display too."""
    result = clean_run([bundle / "leadfit-desktop"], tmp_path, QT_QPA_PLATFORM="xcb")
    assert result.returncode == 1
    assert "could not load the qt platform plugin" not in result.stderr.lower(), result.stderr
    assert "there is no X11 display to show it on (DISPLAY is not set)" in result.stderr


# What every Linux desktop has and PyInstaller leaves to it on purpose: the C library,
# OpenGL (tied to the graphics driver) and libxcb itself.
SYSTEM_LIBRARIES = ("linux-vdso.so", "ld-linux", "libc.so", "libm.so", "libdl.so", "libpthread.so",
                    "librt.so",
                    "libGL.so", "libEGL.so", "libGLX.so", "libGLdispatch.so", "libxcb.so.1")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 libraries are a Linux matter")
def test_the_bundle_carries_the_x11_libraries_a_stock_desktop_lacks(bundle):
    """libxcb-cursor0 and friends resolve inside the folder: a user installs none of them."""
    internal = bundle / "_internal"
    plugin = internal / "PySide6" / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    ldd = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True,
                         env={"PATH": "/usr/bin:/bin", "LD_LIBRARY_PATH": str(internal)}).stdout
    outside = [Path(line.split()[0]).name for line in ldd.splitlines()
               if line.strip() and str(internal) not in line]
    assert "not found" not in ldd, ldd
    assert [name for name in outside if not name.startswith(SYSTEM_LIBRARIES)] == [], ldd
    assert "libxcb-cursor.so.0 => " + str(internal) in ldd


def test_the_desktop_entry_points_at_the_unpacked_folder(bundle, tmp_path):
    data = tmp_path / "share"
    result = clean_run(["/bin/sh", bundle / "install-desktop-entry.sh"], tmp_path, XDG_DATA_HOME=str(data))
    assert result.returncode == 0, result.stderr
    entry = (data / "applications" / "leadfit.desktop").read_text()
    assert f'Exec="{bundle / "leadfit-desktop"}"' in entry
    assert "Icon=leadfit" in entry and "Type=Application" in entry
    assert (data / "icons" / "hicolor" / "256x256" / "apps" / "leadfit.png").is_file()
    clean_run(["/bin/sh", bundle / "install-desktop-entry.sh", "--remove"], tmp_path, XDG_DATA_HOME=str(data))
    assert not (data / "applications" / "leadfit.desktop").exists()


def test_bundled_register_works_in_sqlite_and_postgresql(bundle, tmp_path, db_url):
    """The team's shared register (PostgreSQL) needs its driver inside the bundle too."""
    made = clean_run([bundle / "leadfit", "decide", "--recorded-by", "Robin Hale", EXAMPLE_CASE, "--decision", "appoint",
                      "--justify", "Board accepts the learning-curve risk", "--db", db_url], tmp_path)
    assert made.returncode == 0, made.stderr
    listed = clean_run([bundle / "leadfit", "register", "list", "--db", db_url], tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert made.stdout.strip().splitlines()[-1].split("@")[0] in listed.stdout
    assert "Home buying journey" in listed.stdout
