"""Build the desktop bundle: `make bundle` here, `python packaging/build_bundle.py` on
Windows and macOS (run with Python 3.11 or 3.12 on the system the bundle is for).

1. a wheel from the tracked files (what is committed is what ships);
2. a build environment (build/bundle/venv) with that wheel, its desktop and
   PostgreSQL extras and the pinned PyInstaller;
3. PyInstaller on packaging/leadfit.spec: dist/leadfit-VERSION-PLATFORM/;
4. on Linux a .desktop entry, the icon and install-desktop-entry.sh inside it;
5. the archive beside it: .tar.gz (Linux, macOS) or .zip (Windows).
Prints the archive's path last.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tomllib
import venv
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUILD, DIST = REPO / "build" / "bundle", REPO / "dist"
PYINSTALLER = "pyinstaller==6.22.3"
PLATFORMS = {"linux": "linux", "win32": "windows", "darwin": "macos"}


def bundle_name() -> str:
    version = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
    machine = platform.machine().lower().replace("amd64", "x86_64")
    return f"leadfit-{version}-{PLATFORMS.get(sys.platform, sys.platform)}-{machine}"


def run(*cmd: str | Path, **kwargs) -> None:
    print("+", " ".join(map(str, cmd)), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kwargs)


def tracked_source(dest: Path) -> Path:
    shutil.rmtree(dest, ignore_errors=True)
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    for name in filter(None, listed.decode().split("\0")):
        if (REPO / name).is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, dest / name)
    return dest


def build_env() -> Path:
    env_dir = BUILD / "venv"
    python = env_dir / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    if not python.exists():
        venv.create(env_dir, with_pip=True)
    return python


def carry_x11_libraries(python: Path) -> None:
    """PyInstaller copies the X11 libraries Qt needs from this machine into the bundle,
    so its users need not install them: all of them must be here. As root (CI, these
    machines) the missing Debian packages are installed; otherwise they are named."""
    probe = ("import json; from leadfit.desktop import qt_libraries as q\n"
             "m = q.missing_libraries(q.xcb_plugin())\n"
             "print(json.dumps([m, [q.DEBIAN_PACKAGES.get(s) for s in m], q.explain(m)]))")
    found = subprocess.run([python, "-c", probe], cwd=BUILD, capture_output=True, text=True,
                           check=True).stdout
    missing, packages, explanation = json.loads(found)
    if not missing:
        return
    if os.geteuid() == 0 and shutil.which("apt-get") and all(packages):
        run("apt-get", "update", "-qq", stdin=subprocess.DEVNULL)
        run("apt-get", "install", "-y", "-qq", *sorted(set(packages)), stdin=subprocess.DEVNULL,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        return
    raise SystemExit(explanation + "\nThe bundle carries these from the build machine: install them first.")


def freeze(python: Path, name: str) -> Path:
    wheels = BUILD / "wheel"
    shutil.rmtree(wheels, ignore_errors=True)
    source = tracked_source(BUILD / "src")
    run(python, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", wheels, source)
    wheel = next(wheels.glob("leadfit-*.whl"))
    run(python, "-m", "pip", "install", "--quiet", f"{wheel}[desktop,postgres]", PYINSTALLER,
        "pillow; sys_platform != 'linux'")
    run(python, "-m", "pip", "install", "--quiet", "--force-reinstall", "--no-deps", wheel)
    if sys.platform.startswith("linux"):
        carry_x11_libraries(python)
    shutil.rmtree(DIST / name, ignore_errors=True)
    run(python, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", DIST,
        "--workpath", BUILD / "work", REPO / "packaging" / "leadfit.spec",
        cwd=BUILD, env={**_environ(), "LEADFIT_BUNDLE_NAME": name})  # `-m` puts the cwd on sys.path:
    return DIST / name                                               # never the source tree


def _environ() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}


def add_linux_desktop_entry(folder: Path) -> None:
    share = folder / "share"
    icons = share / "icons" / "hicolor"
    (icons / "256x256" / "apps").mkdir(parents=True, exist_ok=True)
    (icons / "scalable" / "apps").mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "assets" / "icons" / "leadfit.png", icons / "256x256" / "apps" / "leadfit.png")
    shutil.copy2(REPO / "assets" / "icons" / "leadfit.svg", icons / "scalable" / "apps" / "leadfit.svg")
    (share / "applications").mkdir(exist_ok=True)
    shutil.copy2(REPO / "packaging" / "leadfit.desktop", share / "applications" / "leadfit.desktop")
    script = folder / "install-desktop-entry.sh"
    shutil.copy2(REPO / "packaging" / "install-desktop-entry.sh", script)
    script.chmod(0o755)


def archive(folder: Path) -> Path:
    if sys.platform == "win32":
        out = folder.with_name(folder.name + ".zip")
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(folder.rglob("*")):
                zf.write(path, path.relative_to(folder.parent))
        return out
    out = folder.with_name(folder.name + ".tar.gz")
    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=folder.name)
    return out


def main() -> int:
    name = bundle_name()
    folder = freeze(build_env(), name)
    if sys.platform.startswith("linux"):
        add_linux_desktop_entry(folder)
    out = archive(folder)
    print(f"bundle: {folder}\narchive: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
