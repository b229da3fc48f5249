"""Before Qt starts: are the system libraries its X11 display plugin needs installed?

Without them Qt only says "could not load the Qt platform plugin xcb" and aborts;
this names each missing library and the Debian/Ubuntu package that provides it.
Imports no Qt module that needs a display (QtCore only, for the plugin folder).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# Shared libraries Qt's xcb plugin loads (read off `ldd libqxcb.so`), and their package.
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0", "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0", "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0", "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1", "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1", "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0", "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1", "libX11.so.6": "libx11-6", "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6", "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0", "libGLdispatch.so.0": "libglvnd0", "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1", "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3", "libpng16.so.16": "libpng16-16", "libexpat.so.1": "libexpat1",
}
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def uses_xcb(environ: dict[str, str] | None = None) -> bool:
    """Will Qt pick its X11 plugin? Not when another platform is asked for, nor in a
    Wayland session where Qt tries Wayland first."""
    environ = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return False
    platform = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if platform:
        return platform == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def xcb_plugin() -> Path | None:
    """The libqxcb.so Qt would load: $QT_PLUGIN_PATH first, then Qt's own plugin folder."""
    from PySide6.QtCore import QLibraryInfo

    folders = [p for p in os.environ.get("QT_PLUGIN_PATH", "").split(os.pathsep) if p]
    folders.append(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    return next((Path(f) / "platforms" / "libqxcb.so" for f in folders
                 if (Path(f) / "platforms" / "libqxcb.so").is_file()), None)


def missing_libraries(plugin: Path) -> list[str]:
    """Sonames the dynamic loader cannot find for ``plugin`` (and what it needs in turn).
    Empty when all are present, or when ldd is not there to ask (Qt then speaks)."""
    ldd = shutil.which("ldd") or next((p for p in ("/usr/bin/ldd", "/bin/ldd") if Path(p).exists()), None)
    if ldd is None:
        return []
    try:
        out = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, timeout=20,
                             check=False).stdout  # ldd exits 1 for a non-ELF file: nothing found
    except (OSError, subprocess.SubprocessError):
        return []
    return list(dict.fromkeys(_NOT_FOUND.findall(out)))


def explain(missing: list[str]) -> str:
    """What a person reads instead of Qt's generic error."""
    lines = [("LeadFit cannot open its window: Qt's X11 display plugin needs system libraries "
              "that are not installed on this computer:")]
    for soname in missing:
        package = DEBIAN_PACKAGES.get(soname)
        lines.append(f"  {soname}" + (f"  (Debian/Ubuntu package {package})" if package
                                      else "  (find its package with: apt-file search " + soname + ")"))
    packages = sorted({DEBIAN_PACKAGES[s] for s in missing if s in DEBIAN_PACKAGES})
    if packages:
        lines += ["Install them with:", "  sudo apt install " + " ".join(packages)]
    lines += ["On other Linux systems the package names differ; the library names above are the same.",
              "The command line works without them, e.g. `leadfit evaluate CASE.yaml`."]
    return "\n".join(lines)


NO_DISPLAY = ("LeadFit cannot open its window: there is no X11 display to show it on (DISPLAY is "
              "not set).\nStart it from a desktop session. The command line works without one, "
              "e.g. `leadfit evaluate CASE.yaml`.")


def problem() -> str | None:
    """Why the window cannot start on X11 (missing system libraries, then no display:
    Qt reports both as the same missing plugin), or None."""
    if not uses_xcb():
        return None
    plugin = xcb_plugin()
    missing = missing_libraries(plugin) if plugin else []
    if missing:
        return explain(missing)
    return None if os.environ.get("DISPLAY") else NO_DISPLAY
