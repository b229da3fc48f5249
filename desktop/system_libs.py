"""The Linux system libraries Qt's window needs (xcb), checked before Qt starts so a
missing one is named with its package, instead of Qt's generic 'could not load the
Qt platform plugin "xcb"'. No Qt here: it must run when Qt cannot."""

from __future__ import annotations

import ctypes
import os
import sys

# soname -> Debian/Ubuntu package (the README lists them, with Fedora's names)
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing(loads=None) -> list[str]:
    """Packages to install for the xcb window, or [] (also off Linux, or not on xcb)."""
    loads = loads or _loads
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if not sys.platform.startswith("linux") or (platform and not platform.startswith("xcb")):
        return []
    if not platform and os.environ.get("WAYLAND_DISPLAY"):
        return []  # Qt takes its Wayland plugin there, which needs none of these
    return [package for soname, package in XCB_LIBRARIES.items() if not loads(soname)]


def advice(packages: list[str]) -> str:
    return ("LeadFit's window cannot start: the system is missing libraries Qt needs on"
            f" Linux. Install them with:\n  sudo apt-get install {' '.join(packages)}\n"
            "(see 'System libraries' in README.md for other distributions)")
