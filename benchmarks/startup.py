"""How fast does the window open, and how fast does it follow an answer? Offscreen.

Window: wall time from process start to the main window shown, median of 5
fresh processes, against a bare PySide6 window in the same run (ratio).
Update: time from an answer changed in its widget to the assessment panel
redrawn, median and 95th percentile over 100 changes, against the core's
evaluate() alone on the same answers (ratio).
Commands: wall time of fresh `leadfit --help`, `evaluate` (the example case),
`register show` and `report` against `python -c 'import durable.lang'`, each
interleaved with it, median of 5 (targets 3x, 3x, 6x, 6x). ``--before TREE``
also runs the same commands from an earlier clone's own venv, interleaved too.
Run: .venv/bin/python benchmarks/startup.py [--before TREE] [--commands-only]
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
WINDOW_TARGET_S, UPDATE_TARGET_MS = 1.5, 50.0

LEADFIT_WINDOW = """
import sys, tempfile
from pathlib import Path
from leadfit.desktop.app import make_app
from leadfit.desktop.main_window import MainWindow
app = make_app()
window = MainWindow(Path(tempfile.mkdtemp()))
window.show()
app.processEvents()
print("shown", flush=True)
"""
BARE_WINDOW = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
app.processEvents()
print("shown", flush=True)
"""


def wall_time(code: str, runs: int = 5) -> list[float]:
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            env = {**os.environ, "LEADFIT_DATA_DIR": tmp, "XDG_CONFIG_HOME": tmp}
            start = time.perf_counter()
            proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                                    stderr=subprocess.DEVNULL, text=True, env=env)
            line = proc.stdout.readline()
            times.append(time.perf_counter() - start)
            proc.wait(timeout=60)
            if line.strip() != "shown":
                raise SystemExit(f"the window did not open (exit {proc.returncode})")
    return times


COMMAND_TARGETS = {"--help": 3, "evaluate": 3, "register show": 6, "report": 6}
# What a command cannot start without, timed beside it: the libraries it must import. Only
# the rest (LeadFit's own modules and work) is ours to cut.
LIBRARIES = {"evaluate": "import durable.lang, pydantic.main",
             "register show": "import sqlalchemy, pydantic.main",
             "report": "import sqlalchemy, pydantic.main, reportlab.platypus"}


def _fresh(argv: list[str], env: dict) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                          cwd=tempfile.gettempdir(), check=False, text=True)
    took = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"{' '.join(argv)} failed: {done.stderr[-2000:]}")
    return took


def _commands(venv: Path, db: Path, ref: str, out: Path) -> dict[str, list[str]]:
    leadfit = str(venv / "bin/leadfit")
    return {"--help": [leadfit, "--help"],
            "evaluate": [leadfit, "evaluate", str(REPO / "forms/examples/example-case.yaml")],
            "register show": [leadfit, "register", "show", ref, "--db", str(db)],
            "report": [leadfit, "report", ref, "--db", str(db), "--out", str(out), "--force"]}


def _register_for(venv: Path, folder: Path, env: dict) -> tuple[Path, str]:
    """A register with one record, written by that venv's own code (so each reads its own)."""
    db = folder / "register.sqlite3"
    subprocess.run([str(venv / "bin/leadfit"), "decide", str(REPO / "forms/examples/example-case.yaml"),
                    "--decision", "coach", "--conditions", "Weekly coaching", "--plan-later",
                    "--db", str(db)], env=env, check=True, capture_output=True)
    return db, "LF-" + str(__import__("datetime").date.today().year) + "-0001"


def command_times(before: Path | None, runs: int = 5) -> None:
    floor_cmd = [sys.executable, "-c", "import durable.lang"]
    venvs = {"now": Path(sys.executable).parent.parent}
    if before:
        venvs["before"] = before / ".venv"
    with tempfile.TemporaryDirectory() as tmp:
        # as a user runs it: Python keeps compiled modules (a shell with
        # PYTHONDONTWRITEBYTECODE set would recompile LeadFit's sources at every start)
        env = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
               "LEADFIT_DATA_DIR": f"{tmp}/data", "XDG_CONFIG_HOME": tmp,
               "XDG_CACHE_HOME": f"{tmp}/cache"}
        plans = {}
        for name, venv in venvs.items():
            folder = Path(tmp) / name
            folder.mkdir()
            db, ref = _register_for(venv, folder, env)
            plans[name] = _commands(venv, db, ref, folder / "out.pdf")
        for command, target in COMMAND_TARGETS.items():
            times: dict[str, list[float]] = {"floor": [], "libraries": [], **{n: [] for n in plans}}
            libraries = [sys.executable, "-c", LIBRARIES[command]] if command in LIBRARIES else None
            for name in plans:
                _fresh(plans[name][command], env)  # warm: caches and the OS's file cache
            for _ in range(runs):
                times["floor"].append(_fresh(floor_cmd, env))
                if libraries:
                    times["libraries"].append(_fresh(libraries, env))
                for name in plans:
                    times[name].append(_fresh(plans[name][command], env))
            floor = statistics.median(times["floor"])
            now = statistics.median(times["now"])
            line = (f"leadfit {command:14} fresh: {now:.2f} s; import durable.lang {floor:.2f} s"
                    f" -> {now / floor:.1f}x (target {target}x)")
            if "before" in times:
                old = statistics.median(times["before"])
                line += f"; before {old:.2f} s = {old / floor:.1f}x ({old / now:.1f}x faster now)"
            if libraries:
                lib = statistics.median(times["libraries"])
                line += (f"\n  its libraries alone ({LIBRARIES[command][7:]}): {lib:.2f} s ="
                         f" {lib / floor:.1f}x; LeadFit's own part {max(now - lib, 0):.2f} s")
            print(line, flush=True)


def update_times(changes: int = 100) -> tuple[list[float], list[float]]:
    """Per change: widget edit -> panel redrawn, and evaluate() alone, in ms."""
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
    sys.path.insert(0, str(REPO / "docs"))
    from screenshot import fill
    answers = yaml.safe_load((REPO / "forms/examples/example-case.yaml").read_text())["answers"]
    fill(window, answers)
    app.processEvents()
    drawn: list[float] = []
    show = window.panel.show_assessment
    window.panel.show_assessment = lambda *a: (show(*a), drawn.append(time.perf_counter()))
    editor = window.form.rows["candidate.digital_years"].input.editor
    ui, core = [], []
    pack = window.controller.pack
    for i in range(changes):
        years = str(i % 6)
        start = time.perf_counter()
        editor.setText(years)
        while not drawn:
            app.processEvents()
        ui.append((drawn.pop() - start) * 1000)
        case = build_case({**answers, "candidate.digital_years": int(years)}, pack.questionnaire)
        start = time.perf_counter()
        evaluate(case, pack)
        core.append((time.perf_counter() - start) * 1000)
    window.close()
    return ui, core


def p95(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.95) - 1]


def main() -> None:
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="an earlier clone with its own .venv")
    parser.add_argument("--commands-only", action="store_true")
    args = parser.parse_args()
    command_times(args.before)
    if args.commands_only:
        return
    leadfit = wall_time(LEADFIT_WINDOW)
    bare = wall_time(BARE_WINDOW)
    shown = statistics.median(leadfit)
    print(f"window shown (fresh process, median of 5): {shown:.2f} s"
          f"  [runs {', '.join(f'{t:.2f}' for t in leadfit)}]"
          f"  target < {WINDOW_TARGET_S} s: {'met' if shown < WINDOW_TARGET_S else 'MISSED'}")
    print(f"  bare PySide6 window, same run: {statistics.median(bare):.2f} s"
          f"  (LeadFit costs {shown / statistics.median(bare):.1f}x)")
    ui, core = update_times()
    median = statistics.median(ui)
    print(f"answer change -> panel updated: median {median:.1f} ms, p95 {p95(ui):.1f} ms"
          f"  target < {UPDATE_TARGET_MS:.0f} ms: {'met' if p95(ui) < UPDATE_TARGET_MS else 'MISSED'}")
    print(f"  evaluate() alone, same answers: median {statistics.median(core):.2f} ms"
          f"  (the window adds {median / statistics.median(core):.1f}x: validation, relevance,"
          f" redraw, draft save)")


if __name__ == "__main__":
    main()
