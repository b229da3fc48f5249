"""How fast does the window open, and how fast does it follow an answer? Offscreen.

Window: fresh processes, LeadFit and a bare PySide6 window interleaved run by
run, median of 7 each, ratio in the same run (target 3x). Each child reports
from its own clock, started by the parent just before it spawns it:
  shown      the window's first frame drawn (a paint event reached it);
  assessed   the panel showing the first assessment (LeadFit only);
  settled    the start-up work done after the first frame (the reviews count, F10's
             register reading): the window is then idle (LeadFit only).
Update: an answer changed in its widget -> the assessment panel redrawn, median and
95th percentile over 3 fresh windows x 40 changes, against the core's evaluate() alone on
the same answers in the same run (ratio), and the longest the GUI thread was busy per
change (with --before, the earlier tree's windows take turns with these).
``--before PY`` also opens an earlier clone's window with that clone's Python (its
.venv/bin/python; the clone's folder does too), interleaved too.
Run: .venv/bin/python benchmarks/window.py [--runs N] [--window-only] [--before PY]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
RATIO_TARGET, UPDATE_TARGET_MS, FRAME_MS = 3.0, 50.0, 16.0
# children run from here: `python -c` puts its folder first on sys.path, and from a tree an
# earlier tree's Python imported this tree's leadfit/ (its panel failed, its loop never ended)
OUTSIDE = tempfile.gettempdir()

# Both children: the parent's start time comes in argv[1]; the window's first paint event
# is its first frame (the filter sits on the window alone: one on the application slowed
# every event). time.perf_counter is one clock across processes
# on Linux (CLOCK_MONOTONIC).
FIRST_PAINT = """
import sys, time
START = float(sys.argv[1])
from PySide6.QtCore import QEvent, QObject
def say(what):
    print(f"{what} {time.perf_counter() - START:.4f}", flush=True)
class FirstPaint(QObject):
    seen = False
    def eventFilter(self, obj, event):
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            say("shown")
        return False
"""
LEADFIT_WINDOW = FIRST_PAINT + """
import tempfile
from pathlib import Path
from PySide6.QtCore import QTimer
from leadfit.desktop.app import make_app
from leadfit.desktop.main_window import MainWindow
app = make_app()
painted = FirstPaint()
window = MainWindow(Path(tempfile.mkdtemp()))
window.installEventFilter(painted)
window.show()
def wait_for(test, what):
    while not test():
        app.processEvents()
    say(what)
while not painted.seen:
    app.processEvents()
wait_for(lambda: window.controller.assessment is not None, "assessed")
wait_for(getattr(window, "settled", lambda: True), "settled")
"""
BARE_WINDOW = FIRST_PAINT + """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
painted = FirstPaint()
window = QMainWindow()
window.installEventFilter(painted)
window.show()
while not painted.seen:
    app.processEvents()
"""


def _child(code: str, env: dict, python: str = sys.executable) -> dict[str, float]:
    start = time.perf_counter()
    done = subprocess.run([python, "-c", code, repr(start)], capture_output=True, cwd=OUTSIDE,
                          text=True, env=env, timeout=120, check=False)
    times = {}
    for line in done.stdout.splitlines():
        what, _, seconds = line.rpartition(" ")
        if what:
            times[what] = float(seconds)
    if done.returncode or "shown" not in times:
        raise SystemExit(f"the window did not open (exit {done.returncode}): {done.stderr[-2000:]}")
    return times


def python_of(before: Path) -> str:
    """An earlier tree's Python: given itself, or the tree whose .venv holds it (the path
    kept as given: a venv's python is a link that must not be resolved)."""
    return str(before if before.is_file() else before / ".venv/bin/python")


def window_times(runs: int = 7, before: Path | None = None) -> None:
    old_python = python_of(before) if before else None
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "LEADFIT_DATA_DIR": f"{tmp}/data", "XDG_CONFIG_HOME": tmp,
               "XDG_CACHE_HOME": f"{tmp}/cache"}
        _child(LEADFIT_WINDOW, env)  # warm: the pack cache and the OS's file cache
        _child(BARE_WINDOW, env)
        if old_python:
            _child(LEADFIT_WINDOW, env, old_python)
        ours: list[dict[str, float]] = []
        old: list[float] = []
        bare: list[float] = []
        for _ in range(runs):
            ours.append(_child(LEADFIT_WINDOW, env))
            bare.append(_child(BARE_WINDOW, env)["shown"])
            if old_python:
                old.append(_child(LEADFIT_WINDOW, env, old_python)["shown"])
    floor = statistics.median(bare)
    shown = statistics.median(t["shown"] for t in ours)
    print(f"window shown, fresh process: {shown:.2f} s; bare PySide6 window {floor:.2f} s"
          f" -> {shown / floor:.1f}x (target {RATIO_TARGET:.0f}x:"
          f" {'met' if shown / floor <= RATIO_TARGET else 'MISSED'})"
          f"  [runs {', '.join(f'{t:.2f}' for t in (r['shown'] for r in ours))}]", flush=True)
    if old:
        print(f"  before ({before}): shown {statistics.median(old):.2f} s ="
              f" {statistics.median(old) / floor:.1f}x the bare window", flush=True)
    for what in ("assessed", "settled"):
        at = statistics.median(t[what] for t in ours)
        print(f"  then {what}: {at:.2f} s ({at / floor:.1f}x the bare window)", flush=True)


def update_times(changes: int = 100) -> tuple[list[float], list[float], list[float]]:
    """Per change: widget edit -> panel redrawn, evaluate() alone, and the longest
    stretch the GUI thread was busy in between (ms)."""
    import yaml
    from PySide6.QtCore import QSettings

    from leadfit.desktop.app import make_app
    from leadfit.desktop.main_window import MainWindow
    from leadfit.forms.case import build_case
    from leadfit.rules.runtime.assess import evaluate

    tmp = tempfile.mkdtemp()
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, tmp)
    app = make_app()
    window = MainWindow(Path(tmp))
    window.show()
    while not getattr(window, "settled", lambda: True)():
        app.processEvents()
    sys.path.insert(0, str(REPO / "docs"))
    from screenshot import fill
    answers = yaml.safe_load((REPO / "forms/examples/example-case.yaml").read_text())["answers"]
    fill(window, answers)
    app.processEvents()
    drawn: list[float] = []
    show = window.panel.show_assessment
    window.panel.show_assessment = lambda *a: (show(*a), drawn.append(time.perf_counter()))
    editor = window.form.rows["candidate.digital_years"].input.editor
    ui, core, busy = [], [], []
    pack = window.controller.pack
    for i in range(changes):
        years = str(i % 6)
        start = time.perf_counter()
        editor.setText(years)
        longest, turn = 0.0, time.perf_counter()
        while not drawn:
            app.processEvents()
            if time.perf_counter() - start > 60:  # the panel failed (its error is above)
                raise SystemExit("the panel was not updated within 60 s")
            now = time.perf_counter()
            longest, turn = max(longest, now - turn), now
        ui.append((drawn.pop() - start) * 1000)
        busy.append(max(longest, 0.0) * 1000)
        window.background.wait()
        case = build_case({**answers, "candidate.digital_years": int(years)}, pack.questionnaire)
        start = time.perf_counter()
        evaluate(case, pack)
        core.append((time.perf_counter() - start) * 1000)
    window.close()
    return ui, core, busy


UPDATE_CHILD = """
import json, sys
sys.path.insert(0, sys.argv[1])
import window
print(json.dumps(window.update_times(int(sys.argv[2]))))
"""


def interleaved_updates(before: Path | None, rounds: int = 3, changes: int = 40) -> dict:
    """update_times in fresh processes, this tree's and (with --before) the earlier one's
    taking turns, so both see the same machine; results pooled per tree."""
    import json
    pythons = {"now": sys.executable, **({"before": python_of(before)} if before else {})}
    pooled: dict[str, tuple[list, list, list]] = {name: ([], [], []) for name in pythons}
    for _ in range(rounds):
        for name, python in pythons.items():
            done = subprocess.run([python, "-c", UPDATE_CHILD, str(Path(__file__).parent),
                                   str(changes)], capture_output=True, text=True, timeout=600,
                                  cwd=OUTSIDE,
                                  env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=False)
            if done.returncode:
                raise SystemExit(f"the {name} window failed: {done.stderr[-2000:]}")
            for pool, values in zip(pooled[name], json.loads(done.stdout.strip().splitlines()[-1])):
                pool.extend(values)
    return pooled


def p95(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.95) - 1]


def main(argv: list[str] | None = None) -> None:
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--window-only", action="store_true")
    parser.add_argument("--before", type=Path, metavar="PY",
                        help="an earlier clone's Python (or the clone, with its own .venv)")
    args = parser.parse_args(argv)
    window_times(args.runs, args.before)
    if args.window_only:
        return
    pooled = interleaved_updates(args.before)
    ui, core, busy = pooled["now"]
    print(f"answer change -> panel updated: median {statistics.median(ui):.1f} ms,"
          f" p95 {p95(ui):.1f} ms (target < {UPDATE_TARGET_MS:.0f} ms:"
          f" {'met' if p95(ui) < UPDATE_TARGET_MS else 'MISSED'}); evaluate() alone, same"
          f" answers: median {statistics.median(core):.2f} ms, p95 {p95(core):.2f} ms"
          f" -> {p95(ui) / p95(core):.1f}x at p95", flush=True)
    print(f"  GUI thread busy at a stretch per change: p95 {p95(busy):.1f} ms"
          f" (a frame is {FRAME_MS:.0f} ms)", flush=True)
    if "before" in pooled:
        old_ui, old_core, _ = pooled["before"]
        print(f"  before ({args.before}), same run: median {statistics.median(old_ui):.1f} ms,"
              f" p95 {p95(old_ui):.1f} ms -> {p95(old_ui) / p95(old_core):.1f}x its evaluate()"
              f" at p95", flush=True)

if __name__ == "__main__":
    main()
