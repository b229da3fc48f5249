"""Register and PDF figures, each with its baseline from the same run.

    .venv/bin/python benchmarks/register.py [SIZE] [--keep DIR] [--before TREE] [--no-window]

SIZE records (default 100,000) are bulk-written in batches in the register's own
row format (canonical JSON text, its SHA-256, three chained audit entries per
record: decide, sign, sign), as a schema-4 register, the last one before the
search keys. Then, each measured in a fresh process against the same file:

- ``--before TREE``: the code in TREE (a clone with its own .venv, e.g. of
  8c14f50) reads the schema-4 register as it was;
- the upgrade to the current schema, timed once;
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

from register_fill import fill, signed_template, to_schema_4  # noqa: E402
from register_measure import AFTER_ONLY, FIGURES, TASKS  # noqa: E402


def run_task(python: str, path: Path, task: str) -> dict:
    """One task in a fresh process (so its peak memory is its own), in /tmp so that
    ``python`` imports the product installed in its own venv and nothing else."""
    out = subprocess.run([python, str(HERE.parent / "register_measure.py"), str(path), task],
                         cwd=tempfile.gettempdir(), capture_output=True, text=True, check=False)
    if out.returncode:
        raise SystemExit(f"{task} failed under {python}:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(python: str, path: Path, tasks) -> dict:
    figures: dict = {}
    for task in tasks:
        figures.update(run_task(python, path, task))
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", nargs="?", type=int, default=100_000, help="records to write")
    parser.add_argument("--keep", type=Path, help="folder to keep the register in")
    parser.add_argument("--before", type=Path, help="a clone of earlier code with its own .venv")
    parser.add_argument("--no-window", action="store_true", help="skip the Register tab")
    parser.add_argument("--streams", type=int, default=50,
                        help="streams the records are spread over (the portfolio's rows)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["LEADFIT_DATA_DIR"] = str(Path(tmp) / "data")  # the witness, for every task
        os.environ.pop("LEADFIT_AUDIT_KEY", None)
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "bench-register.sqlite3"
        path.unlink(missing_ok=True)
        start = time.perf_counter()
        template = signed_template(path)
        fill(path, template, args.size - 1, args.streams)
        to_schema_4(path)
        print(f"register: {args.size} records, {3 * args.size} audit entries written in"
              f" {time.perf_counter() - start:.0f} s ({path.stat().st_size / 1e6:.0f} MB)")
        tasks = [t for t in TASKS if not (args.no_window and t == "window")]
        before = None
        if args.before:
            python = str(args.before / ".venv/bin/python")
            before = measure(python, path, [t for t in tasks if t not in ("window", *AFTER_ONLY)])
            print(f"before: {args.before} measured")
        upgrade = run_task(sys.executable, path, "upgrade")
        print(f"upgrade to the current schema (once): {upgrade['upgrade_s']:.1f} s")
        after = measure(sys.executable, path, tasks)
        show(after, before)


if __name__ == "__main__":
    main()
