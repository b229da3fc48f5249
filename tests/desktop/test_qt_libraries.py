"""Missing X11 libraries are named with their Debian packages before Qt's generic abort."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from leadfit.desktop import qt_libraries

needs_gcc = pytest.mark.skipif(shutil.which("gcc") is None, reason="gcc builds the fake plugin")


def _fake_plugin(tmp_path: Path, needed: str) -> Path:
    """A real ELF shared object named like Qt's xcb plugin, linked to a library that
    is then deleted: the dynamic loader reports it 'not found', as on a bare desktop."""
    stub_dir, plugins = tmp_path / "stub", tmp_path / "plugins" / "platforms"
    stub_dir.mkdir()
    plugins.mkdir(parents=True)
    (tmp_path / "empty.c").write_text("int leadfit_fake(void) { return 0; }\n")
    stub = stub_dir / needed
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", str(stub), f"-Wl,-soname,{needed}",
                    str(tmp_path / "empty.c")], check=True)
    plugin = plugins / "libqxcb.so"
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", str(plugin), str(tmp_path / "empty.c"),
                    "-Wl,--no-as-needed", str(stub)], check=True)
    shutil.rmtree(stub_dir)
    return plugin


@needs_gcc
def test_a_library_the_loader_cannot_find_is_reported(tmp_path):
    plugin = _fake_plugin(tmp_path, "libleadfit-absent.so.0")
    assert qt_libraries.missing_libraries(plugin) == ["libleadfit-absent.so.0"]


@needs_gcc
def test_the_window_command_names_the_library_instead_of_starting_qt(tmp_path):
    """The real leadfit-desktop, with the fake plugin first on Qt's plugin path."""
    _fake_plugin(tmp_path, "libleadfit-absent.so.0")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(QT_PLUGIN_PATH=str(tmp_path / "plugins"), LEADFIT_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-m", "leadfit.desktop"], env=env, capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 1
    assert "LeadFit cannot open its window" in result.stderr
    assert "libleadfit-absent.so.0" in result.stderr
    assert "could not load the Qt platform plugin" not in result.stderr.lower()
    assert not (tmp_path / "data").exists()  # nothing started, nothing written


def test_known_libraries_come_with_the_debian_packages_to_install():
    text = qt_libraries.explain(["libxcb-cursor.so.0", "libxkbcommon-x11.so.0", "libfoo.so.9"])
    assert "libxcb-cursor.so.0  (Debian/Ubuntu package libxcb-cursor0)" in text
    assert "sudo apt install libxcb-cursor0 libxkbcommon-x11-0" in text
    assert "libfoo.so.9  (find its package with: apt-file search libfoo.so.9)" in text


def test_the_check_agrees_with_qt_on_this_machine(tmp_path):
    """Whatever this machine has installed: Qt fails to load the xcb plugin for a missing
    library exactly when the check names one, and it names the one Qt trips on."""
    plugin = qt_libraries.xcb_plugin()
    assert plugin is not None and plugin.name == "libqxcb.so"
    missing = qt_libraries.missing_libraries(plugin)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="xcb", QT_DEBUG_PLUGINS="1")
    start_qt = "from PySide6.QtWidgets import QApplication; QApplication([])"
    qt = subprocess.run([sys.executable, "-c", start_qt],
                        env=env, capture_output=True, text=True, timeout=60, check=False)
    assert qt.returncode != 0  # no display either way
    failed = [line for line in qt.stderr.splitlines()
              if "libqxcb.so" in line and "cannot open shared object file" in line]
    if missing:
        assert failed and any(name in failed[0] for name in missing), qt.stderr[-2000:]
    else:
        assert not failed, qt.stderr[-2000:]


@pytest.mark.parametrize(("environ", "xcb"), [
    ({}, True), ({"QT_QPA_PLATFORM": "xcb"}, True), ({"QT_QPA_PLATFORM": "offscreen"}, False),
    ({"QT_QPA_PLATFORM": "wayland;xcb"}, False), ({"WAYLAND_DISPLAY": "wayland-0"}, False),
    ({"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}, True),
])
def test_only_an_x11_start_is_checked(environ, xcb):
    assert qt_libraries.uses_xcb(environ) is xcb


def test_without_a_display_the_window_says_so_instead_of_blaming_the_plugin(tmp_path):
    """Qt says 'xcb-cursor0 is needed ... could not load the Qt platform plugin' here."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="xcb", LEADFIT_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-m", "leadfit.desktop"], env=env, capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 1
    if "system libraries that are not installed" not in result.stderr:  # those come first
        assert result.stderr.strip() == qt_libraries.NO_DISPLAY
