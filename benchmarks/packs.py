"""`pack diff` over 10,000 generated cases, against the engine floor of the same run.

Prints, from one run:
- floor (the issue's): cases x 2 packs x one evaluation, the whole explained
  assessment of each case under each pack, one process (what pack diff built
  before it read only outcome, risk and IDs);
- engine alone, a stricter floor: the engine of record matching every case's
  relevant answers under both packs, nothing built;
- core: rules.diff.impact(default, bank) over the cases in memory, one process;
- cli: `leadfit pack diff default bank --cases DIR` end to end (a new process
  reading 10,000 case files), one worker and two workers forced, and as it
  chooses; each with its peak memory;
- with --before PYTHON: the same command under another LeadFit (a venv of an
  earlier commit), on the same files;
each as a ratio to the floor. The target: pack diff within 1.5x the floor.

    .venv/bin/python benchmarks/packs.py [--cases 10000] [--seed 7] [--pack bank] [--before PY]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cases import generate, outcomes

from leadfit.forms.case import build_case, relevant_answers
from leadfit.forms.questionnaire import default_questionnaire
from leadfit.rules.runtime.assess import evaluate
from leadfit.rules.authoring.diff import CaseInput, impact
from leadfit.rules.model.library import default_pack, resolve_pack
from leadfit.rules.runtime.matching import engine_of_record

TARGET = 1.5
CHILD = """
import os, resource, sys
import importlib
try:  # by name: a LeadFit from before rules/ was split keeps it at leadfit.rules.diff
    diff = importlib.import_module('leadfit.rules.' + 'authoring.diff')
except ImportError:
    diff = importlib.import_module('leadfit.rules.' + 'diff')
workers = os.environ.get("LEADFIT_BENCH_WORKERS")
if workers:
    original = diff._evaluate_all
    diff._evaluate_all = lambda a, b, c, p, w: original(a, b, c, p, int(workers))
    diff.PARALLEL_FROM = 0 if workers == "2" else diff.PARALLEL_FROM
from leadfit.cli.main import main
code = main(sys.argv[1:])
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(f"peak-kib {peak}")
sys.exit(code)
"""


def floor(cases: list, packs: list) -> float:
    """The engine alone: every case's relevant answers matched under each pack."""
    engine = engine_of_record()
    work = []
    for pack in packs:
        rules = [(r.id, r.condition) for r in pack.rules]
        read = {q for r in pack.rules for q in _questions(r.condition)}
        work += [(pack.fingerprint, rules, {k: v for k, v in relevant_answers(c, pack.questionnaire).items()
                                            if k in read}) for c in cases]
    for key, rules, fact in work[:1]:
        engine.evaluate(key, rules, fact)
    start = time.perf_counter()
    for key, rules, fact in work:
        engine.evaluate(key, rules, fact)
    return time.perf_counter() - start


def _questions(cond):
    from leadfit.forms.conditions import questions_in
    return questions_in(cond)


def full_evaluations(cases: list, packs: list) -> float:
    start = time.perf_counter()
    for pack in packs:
        for case in cases:
            evaluate(case, pack)
    return time.perf_counter() - start


def core(answer_sets: list[dict], a, b) -> tuple[float, object]:
    inputs = [CaseInput(f"case {i}", "generated", c) for i, c in enumerate(answer_sets)]
    start = time.perf_counter()
    result = impact(a, b, inputs, workers=1)
    return time.perf_counter() - start, result


def cli(python: str, folder: str, other: str, workers: str | None) -> tuple[float, int, list[str]]:
    env = dict(os.environ)
    env.pop("LEADFIT_BENCH_WORKERS", None)
    if workers:
        env["LEADFIT_BENCH_WORKERS"] = workers
    start = time.perf_counter()
    done = subprocess.run([python, "-c", CHILD, "pack", "diff", "default", other, "--cases", folder],
                          capture_output=True, text=True, check=False, env=env, cwd=folder)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"pack diff failed ({done.returncode}):\n{done.stderr[-3000:]}")
    lines = done.stdout.strip().splitlines()
    peak = int(lines[-1].split()[1])
    return took, peak, lines[-4:-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pack", default="bank", help="the pack compared with default")
    parser.add_argument("--before", help="the Python of another LeadFit venv, run on the same files")
    args = parser.parse_args()
    a, b = default_pack(), resolve_pack(args.pack)
    answer_sets = generate(default_questionnaire(), args.cases, args.seed, blank_rate=0.003, pack=a)
    cases = [build_case(x, a.questionnaire) for x in answer_sets]
    n = len(cases)
    print(f"cases: {n} generated (outcomes under {a.label}:"
          f" {dict(outcomes(evaluate(c, a) for c in cases[:2000]))} in the first 2,000)")
    base = full_evaluations(cases, [a, b])
    print(f"floor   : {n} cases x 2 packs x one evaluation, one process: {base:.2f} s")
    engine = floor(cases, [a, b])
    print(f"engine  : the engine alone matching {n} cases x 2 packs: {engine:.2f} s"
          f" ({engine / base:.2f}x floor)")
    took, result = core(answer_sets, a, b)
    print(f"core    : pack diff default {args.pack} in memory, one process: {took:.2f} s"
          f" ({took / base:.2f}x floor, {took / engine:.2f}x the engine alone;"
          f" target {TARGET}x floor: {'met' if took <= TARGET * base else 'MISSED'})")
    print("  " + "\n  ".join(result.totals()))
    with tempfile.TemporaryDirectory() as tmp:
        for i, answers in enumerate(answer_sets):
            (Path(tmp) / f"case-{i:05d}.yaml").write_text(
                yaml.safe_dump({"answers": answers}, sort_keys=False), encoding="utf-8")
        runs = [("cli, as it chooses", sys.executable, None), ("cli, one worker", sys.executable, "1"),
                ("cli, two workers", sys.executable, "2")]
        if args.before:
            runs.append(("cli before (--before)", args.before, None))
        for name, python, workers in runs:
            took_cli, peak, said = cli(python, tmp, args.pack, workers)
            print(f"{name:<22}: {n} files, whole process: {took_cli:.2f} s ({took_cli / base:.2f}x floor,"
                  f" {took_cli / engine:.2f}x the engine alone; target {TARGET}x floor:"
                  f" {'met' if took_cli <= TARGET * base else 'MISSED'}), peak memory {peak / 1024:.0f} MB")
        print("  cli says: " + "\n  cli says: ".join(said))
    print(f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores;"
          f" this process peaked at {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
