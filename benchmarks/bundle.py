"""The desktop bundle against the virtual environment, in the same run.

Size: the unpacked folder and its archive. Window shown: wall time from process
start to `leadfit-desktop --self-test` printing "window shown" (offscreen), and
`leadfit evaluate` on the example case to its exit, median of 7 fresh processes
each, bundle and venv runs interleaved so both see the same machine load. Both
from a clean environment (env -i style: minimal PATH, no PYTHONPATH).
Run: make bundle && .venv/bin/python benchmarks/bundle.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VENV_BIN = REPO / ".venv" / "bin"
CASE = REPO / "forms" / "examples" / "example-case.yaml"
RUNS = 7


def bundle_folder() -> Path:
    archives = sorted((REPO / "dist").glob("leadfit-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not archives:
        raise SystemExit("no bundle in dist/: run `make bundle` first")
    return archives[-1].with_name(archives[-1].name.removesuffix(".tar.gz"))


def megabytes(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def timed(command: list[str], until: str | None) -> float:
    """Seconds until a stdout line starts with ``until`` (or the process exits)."""
    with tempfile.TemporaryDirectory() as home:
        env = {"PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8", "LEADFIT_DATA_DIR": home,
               "XDG_CONFIG_HOME": home, "QT_QPA_PLATFORM": "offscreen"}
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                env=env)
        if until:
            for line in proc.stdout:
                if line.startswith(until):
                    break
            else:
                raise SystemExit(f"{command[0]} never printed {until!r} (exit {proc.wait()})")
        elapsed = time.perf_counter() - start
        proc.stdout.read()
        if proc.wait(timeout=60) != 0:
            raise SystemExit(f"{' '.join(command)} exited {proc.returncode}")
        return elapsed if until else time.perf_counter() - start


def compare(label: str, bundle: list[str], venv: list[str], until: str | None) -> None:
    b, v = [], []
    for _ in range(RUNS):
        b.append(timed(bundle, until))
        v.append(timed(venv, until))
    mb, mv = statistics.median(b), statistics.median(v)
    print(f"{label}: bundle {mb:.2f} s, venv {mv:.2f} s  (bundle/venv {mb / mv:.2f}x;"
          f" bundle runs {', '.join(f'{t:.2f}' for t in b)}; venv runs {', '.join(f'{t:.2f}' for t in v)})")


def main() -> None:
    folder = bundle_folder()
    archive = folder.with_name(folder.name + ".tar.gz")
    venv_size = megabytes(REPO / ".venv" / "lib")
    print(f"bundle {folder.name}: {megabytes(folder):.0f} MB unpacked,"
          f" archive {archive.stat().st_size / 1e6:.0f} MB"
          f"  (the .venv's site-packages, with the test tools: {venv_size:.0f} MB)")
    compare("window shown (median of 7)", [str(folder / "leadfit-desktop"), "--self-test"],
            [str(VENV_BIN / "leadfit-desktop"), "--self-test"], "window shown")
    compare("leadfit evaluate example case (median of 7)", [str(folder / "leadfit"), "evaluate", str(CASE)],
            [str(VENV_BIN / "leadfit"), "evaluate", str(CASE)], None)


if __name__ == "__main__":
    sys.exit(main())
