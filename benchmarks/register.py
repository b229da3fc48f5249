"""Register and PDF figures, each with its baseline from the same run.

    .venv/bin/python benchmarks/register.py [SIZE] [--streams N] [--keep DIR] [--before TREE]
                                            [--no-window] [--fresh]

SIZE records (default 100,000) over N streams are bulk-written in batches in the
register's own row format (canonical JSON text, its SHA-256, three chained audit
entries per record: decide, sign, sign; see register_fill.py) at schema 8, the schema
of the session's 'before' code. The file is built once and kept under CACHE (keyed by
size, streams and that schema) for later runs; its first run upgrades it in place
to the current schema (timed once, remembered beside it) and seals it with one write.
Later runs measure the same file (each run's decides add a few records to it).
``--fresh`` builds a new file in a temporary folder (or ``--keep``).
Then, each measured in a fresh process against the same file:

- ``--before TREE``: the code in TREE (a clone with its own .venv) reads the register
  as it was (schema 8 fresh; a cached file at the schema TREE upgraded it to, which its
  code reads, as long as the current code has not upgraded it further);
- the upgrade to the current schema, timed once (again whenever the file's schema is
  older than the current code's, as after ``--before``);
- the current code: every list and filter (target < 50 ms), ``decide`` (target
  < 50 ms; baseline: a decide into an empty register), verify (target: within 2x
  a scan plus SHA-256 of the same bytes, with flat memory), the CSV export
  (streamed: flat memory), and the window's Register tab (opens < 1 s, a filter
  answered by the register).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parent))  # the benchmark helpers; never the product (see --before)

from register_fill import fill, signed_template, to_schema  # noqa: E402
from register_measure import AFTER_ONLY, FIGURES, TASKS  # noqa: E402


def run_task(python: str, path: Path, task: str, optional: bool = False) -> dict:
    """One task in a fresh process (so its peak memory is its own), in /tmp so that
    ``python`` imports the product installed in its own venv and nothing else.
    ``optional``: a task the code measured may not have (it says so and goes on)."""
    out = subprocess.run([python, str(HERE.parent / "register_measure.py"), str(path), task],
                         cwd=tempfile.gettempdir(), capture_output=True, text=True, check=False)
    if out.returncode and optional:
        print(f"{task}: not measured under {python} ({out.stderr.strip().splitlines()[-1]})")
        return {}
    if out.returncode:
        raise SystemExit(f"{task} failed under {python}:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(python: str, path: Path, tasks, optional=()) -> dict:
    figures: dict = {}
    for task in tasks:
        figures.update(run_task(python, path, task, task in optional))
    return figures


def show(after: dict, before: dict | None) -> None:
    print(f"\n{'figure':58} {'before':>10} {'now':>10} {'baseline':>10} {'now/base':>9}"
          f" {'before/now':>10}")
    for key, (words, unit, base_key) in FIGURES.items():
        if key not in after:
            continue
        now = after[key]
        base = after.get(base_key) if base_key else None
        old = (before or {}).get(key)
        print(f"{words:58} {_v(old, unit):>10} {_v(now, unit):>10} {_v(base, unit):>10}"
              f" {_r(now, base):>9} {_r(old, now):>10}")


def _v(value, unit: str) -> str:
    return "-" if value is None else f"{value:.1f} {unit}" if value < 1000 else f"{value:.0f} {unit}"


def _r(a, b) -> str:
    return "-" if a is None or not b else f"{a / b:.2f}x"


CACHE = Path(tempfile.gettempdir()) / "leadfit-bench-register"
BASE_SCHEMA = 8   # what the fill writes: the before code (a3996ba) reads it
FILL_FORMAT = 3   # bump when register_fill.py writes different rows


def build(path: Path, size: int, streams: int) -> float:
    """Write the register; return the seconds it took."""
    start = time.perf_counter()
    path.unlink(missing_ok=True)
    template = signed_template(path)
    fill(path, template, size - 1, streams)
    to_schema(path, BASE_SCHEMA)
    return time.perf_counter() - start


def cached(size: int, streams: int) -> tuple[Path, dict]:
    """The cached register (built now if absent) and what its first run measured."""
    folder = CACHE / f"{size}-records-{streams}-streams-schema{BASE_SCHEMA}-fill{FILL_FORMAT}"
    path, notes = folder / "bench-register.sqlite3", folder / "built.json"
    os.environ["LEADFIT_DATA_DIR"] = str(folder / "data")   # its witness lives beside it
    if notes.exists() and path.exists():
        return path, json.loads(notes.read_text())
    folder.mkdir(parents=True, exist_ok=True)
    built = {"fill_s": build(path, size, streams)}
    notes.write_text(json.dumps(built))
    return path, built


def _schema(path: Path) -> int:
    import sqlite3
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT max(version) FROM leadfit_schema").fetchone()[0])
    finally:
        conn.close()


def _latest() -> int:
    from leadfit.decisions.migrations import LATEST
    return LATEST


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", nargs="?", type=int, default=100_000, help="records to write")
    parser.add_argument("--keep", type=Path, help="folder to keep a fresh register in")
    parser.add_argument("--before", type=Path, help="a clone of earlier code with its own .venv")
    parser.add_argument("--no-window", action="store_true", help="skip the Register tab")
    parser.add_argument("--fresh", action="store_true", help="build a new register, not the cache")
    parser.add_argument("--tasks", help="only these tasks, comma-separated (of: "
                        + ", ".join(t for t in TASKS if t != "seal") + ")")
    parser.add_argument("--streams", type=int, default=50,
                        help="streams the records are spread over (the portfolio's rows)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.pop("LEADFIT_AUDIT_KEY", None)
        if args.fresh or args.keep:
            os.environ["LEADFIT_DATA_DIR"] = str(Path(tmp) / "data")  # the witness
            folder = args.keep or Path(tmp)
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / "bench-register.sqlite3"
            built = {"fill_s": build(path, args.size, args.streams)}
        else:
            path, built = cached(args.size, args.streams)
        print(f"register: {args.size} records over {args.streams} streams, written in"
              f" {built['fill_s']:.0f} s, now {path.stat().st_size / 1e6:.0f} MB ({path})")
        tasks = [t for t in TASKS if not (args.no_window and t == "window")
                 and (not args.tasks or t == "seal" or t in args.tasks.split(","))]
        before = None
        if args.before:
            python = str(args.before / ".venv/bin/python")
            before = measure(python, path, [t for t in tasks if t not in ("window", *AFTER_ONLY)],
                             optional=("lifecycle",))
            print(f"before: {args.before} measured")
        if "upgrade_s" not in built or _schema(path) < _latest():
            built.update(run_task(sys.executable, path, "upgrade"))
            built.update(run_task(sys.executable, path, "seal"))
            if not (args.fresh or args.keep):
                (path.parent / "built.json").write_text(json.dumps(built))
        print(f"upgrade to the current schema (once): {built['upgrade_s']:.1f} s; first write"
              f" after it (seals the stream summary): {built['seal_s']:.1f} s")
        after = measure(sys.executable, path, [t for t in tasks if t != "seal"])
        show(after, before)


if __name__ == "__main__":
    main()
