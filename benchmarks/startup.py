"""How fast do fresh commands start? And the window (benchmarks/window.py).

Commands: wall time of fresh `leadfit --help`, `evaluate` (the example case),
`register show` and `report` against `python -c 'import durable.lang'`, each
interleaved with it, median of 5 (targets 3x, 3x, 6x, 6x), and evaluate's first run with nothing
cached (no parsed file, no compiled pack); beside each wall-time ratio
the same ratio in CPU time (user + system of the child), which a busy machine moves far
less than wall time (where the OS can say: not on Windows). ``--before TREE``
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

COMMAND_TARGETS = {"--help": 3, "evaluate": 3, "register show": 6, "report": 6}
# What a command cannot start without, timed beside it: the libraries it must import. Only
# the rest (LeadFit's own modules and work) is ours to cut.
# evaluate: the engine, and yaml to read the case file (it imports no pydantic since its
# models are plain, leadfit/plain.py; before, pydantic.main and pydantic.fields were here).
LIBRARIES = {"evaluate": "import durable.lang, yaml",
             "register show": "import sqlalchemy, pydantic.main",
             "report": "import sqlalchemy, pydantic.main, reportlab.platypus"}


try:
    import resource
except ImportError:  # Windows: wall time only
    resource = None  # type: ignore[assignment]

CPU: dict[str, list[float]] = {}  # name -> CPU seconds of each timed run (beside the wall times)


def _children_cpu() -> float:
    if resource is None:
        return 0.0
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _fresh(argv: list[str], env: dict, name: str = "") -> float:
    start, cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                          cwd=tempfile.gettempdir(), check=False, text=True)
    took = time.perf_counter() - start
    if name:
        CPU.setdefault(name, []).append(_children_cpu() - cpu)
    if done.returncode:
        raise SystemExit(f"{' '.join(argv)} failed: {done.stderr[-2000:]}")
    return took


def _cold(argv: list[str], env: dict, floor: float, runs: int = 3) -> str:
    """The same command with nothing in the per-user cache (no parsed file, no compiled pack)."""
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as empty:
            times.append(_fresh(argv, {**env, "LEADFIT_CACHE_DIR": empty}))
    cold = statistics.median(times)
    return f"\n  first run, nothing cached: {cold:.2f} s = {cold / floor:.1f}x"


def _cpu_words(names: list[str]) -> str:
    """'; CPU time 5.1x (before 6.0x)': each named run's median CPU over the floor's."""
    if resource is None or not CPU.get("floor"):
        return ""
    floor = statistics.median(CPU["floor"]) or 1e-9
    ratios = [f"{statistics.median(CPU[n]) / floor:.1f}x" for n in names if CPU.get(n)]
    return "; CPU time " + ratios[0] + (f" (before {ratios[1]})" if len(ratios) > 1 else "")


def _example(venv: Path) -> Path:
    """The example case of that venv's own tree: an earlier LeadFit refuses a later
    questionnaire version (the example gained a question in version 3)."""
    own = venv.parent / "forms/examples/example-case.yaml"
    return own if own.exists() else REPO / "forms/examples/example-case.yaml"


def _commands(venv: Path, db: Path, ref: str, out: Path) -> dict[str, list[str]]:
    leadfit = str(venv / "bin/leadfit")
    return {"--help": [leadfit, "--help"],
            "evaluate": [leadfit, "evaluate", str(_example(venv))],
            "register show": [leadfit, "register", "show", ref, "--db", str(db)],
            "report": [leadfit, "report", ref, "--db", str(db), "--out", str(out), "--force"]}


def _register_for(venv: Path, folder: Path, env: dict) -> tuple[Path, str]:
    """A register with one record, written by that venv's own code (so each reads its own)."""
    db = folder / "register.sqlite3"
    subprocess.run([str(venv / "bin/leadfit"), "decide", str(_example(venv)),
                    "--decision", "coach", "--conditions", "Weekly coaching", "--plan-later",
                    "--recorded-by", "Bench Mark", "--db", str(db)], env=env, check=True, capture_output=True)
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
            CPU.clear()
            for _ in range(runs):
                times["floor"].append(_fresh(floor_cmd, env, "floor"))
                if libraries:
                    times["libraries"].append(_fresh(libraries, env, "libraries"))
                for name in plans:
                    times[name].append(_fresh(plans[name][command], env, name))
            floor = statistics.median(times["floor"])
            now = statistics.median(times["now"])
            line = (f"leadfit {command:14} fresh: {now:.2f} s; import durable.lang {floor:.2f} s"
                    f" -> {now / floor:.1f}x (target {target}x)")
            if "before" in times:
                old = statistics.median(times["before"])
                line += f"; before {old:.2f} s = {old / floor:.1f}x ({old / now:.1f}x faster now)"
            line += _cpu_words(list(plans))
            if libraries:
                lib = statistics.median(times["libraries"])
                line += (f"\n  its libraries alone ({LIBRARIES[command][7:]}): {lib:.2f} s ="
                         f" {lib / floor:.1f}x; LeadFit's own part {max(now - lib, 0):.2f} s"
                         + _cpu_words(["libraries"]))
            if command == "evaluate":  # the first run after an install or a pack edit
                line += _cold(plans["now"][command], env, floor)
            print(line, flush=True)


def main() -> None:
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="an earlier clone with its own .venv")
    parser.add_argument("--commands-only", action="store_true")
    args = parser.parse_args()
    command_times(args.before)
    if not args.commands_only:  # the window's figures (shown, assessed, answer -> panel)
        import window
        window.main(["--before", str(args.before)] if args.before else [])


if __name__ == "__main__":
    main()
