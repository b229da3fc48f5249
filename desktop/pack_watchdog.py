"""A rule pack folder is tried in a separate process, with a time limit, before the window uses it.

The engine refuses what is known to hang it (rules/model/engine_limits.py), but a
consultant's pack may fail or hang it in a way not yet known, and an evaluation
stuck inside the engine cannot be stopped from the same process: it holds the
engine's lock (and may hold the interpreter). So a pack folder, chosen now or
used last time, is first loaded and evaluated by ``leadfit evaluate`` in a child
process; if that does not finish within the limit, the child is stopped and the
window keeps (or starts with) the default pack, saying why in words. Bundled
packs are tested with the product and skip this.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

LIMIT_S = 60.0  # a pack evaluates in milliseconds; a child process starts in a second or two, far
# longer on a loaded machine (20 s refused a sound pack while eight test suites shared 2 cores)


def evaluator_command() -> list[str]:
    """How to run the command line: the venv's interpreter, or the bundle's ``leadfit``."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).with_name("leadfit"))]
    return [sys.executable, "-m", "leadfit"]


def needs_trial(source: str | Path | None) -> bool:
    """Only a folder is tried: a bundled name (or the default) ships tested."""
    return bool(source) and Path(str(source)).expanduser().is_dir()


def trial(source: str | Path, limit_s: float | None = None) -> list[str]:
    """Problems in words that stop the window using the pack at ``source`` (none: use it)."""
    limit = LIMIT_S if limit_s is None else limit_s
    with tempfile.TemporaryDirectory(prefix="leadfit-pack-trial-") as folder:
        case = Path(folder) / "empty-case.yaml"
        case.write_text("answers: {}\n", encoding="utf-8")
        try:
            done = subprocess.run([*evaluator_command(), "evaluate", str(case), "--pack", str(source)],
                                  capture_output=True, text=True, timeout=limit, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            seconds = f"{limit:g} second" + ("" if limit == 1 else "s")
            return [f"Assessing a case with this rule pack did not finish within {seconds},"
                    " so it was stopped. The pack may make the rules engine loop; check it with"
                    " 'leadfit pack lint' and 'leadfit pack test' on the command line."]
        except OSError as exc:
            return [f"The rule pack could not be tried: {exc.strerror or exc}"]
    if done.returncode in (0, 3):  # assessed (3: the empty case is incomplete, as expected)
        return []
    said: list[str] = []
    for line in done.stderr.splitlines():  # one problem a line; an indented line continues one
        if line.startswith("    ") and said:
            said[-1] += " " + line.strip()
        elif line.strip():
            said.append(line.strip().removeprefix("- "))
    return said[1:] if len(said) > 1 and said[0].endswith("cannot continue:") else said or [
        f"Assessing a case with this rule pack failed (exit {done.returncode})."]
