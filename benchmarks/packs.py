"""`pack diff` over 10,000 generated cases, against the engine floor of the same run.

Prints, from one run (each figure wall time, and CPU time beside it, since the
machine may be busy):
- floor (the issue's): cases x 2 packs x one evaluation by the engine of record,
  every case's relevant answers matched under each pack, one process, nothing built;
- full: the whole explained assessment of each case under each pack, one process
  (what pack diff built before it read only outcome, risk and IDs), for reference;
- core: rules.authoring.diff.impact(default, bank) over the cases in memory, one process;
- cli: `leadfit pack diff default bank --cases DIR` end to end (a new process
  reading 10,000 case files), one worker and two workers forced, and as it
  chooses; each with its peak memory;
- with --before TREE (or its venv's Python): the same command under another LeadFit
  (an earlier commit), on the same files: drawn from the questionnaire both trees
  read (cases.written_by), so an earlier tree reads every file as this one does;
each as a ratio to the floor. The target: pack diff within 1.5x the floor.

    .venv/bin/python benchmarks/packs.py [--cases 10000] [--seed 7] [--pack bank] [--before PY]
        [--runs auto,1,2,before] [--repeat N]   (--runs auto --cases 100000: the memory at 100,000)

Peak memory is the command's own high-water mark (VmHWM, where /proc has it: ru_maxrss
of a process started by this one also counts this one's memory before the exec), and
its helper processes' beside it.
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


sys.path.insert(0, str(Path(__file__).resolve().parent))
from cases import case_file, generate, outcomes, python_of, written_by

from leadfit.forms.case import build_case, relevant_answers
from leadfit.forms.migrate import migrate_answers
from leadfit.forms.questionnaire import default_questionnaire
from leadfit.rules.runtime.assess import evaluate
from leadfit.rules.authoring.diff import CaseInput, impact, with_boundaries
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
try:  # the cases' half of the diff, apart since hd's change; before it, in diff itself
    cases = importlib.import_module('leadfit.rules.' + 'authoring.diff_cases')
    name = 'evaluate_all'
except ImportError:
    cases, name = diff, '_evaluate_all'
workers = os.environ.get("LEADFIT_BENCH_WORKERS")
if workers:
    original = getattr(diff, name)
    setattr(diff, name, lambda a, b, c, p, w: original(a, b, c, p, int(workers)))
    cases.PARALLEL_FROM = 0 if workers == "2" else cases.PARALLEL_FROM
from leadfit.cli.main import main
code = main(sys.argv[1:])
def own_peak():  # VmHWM: this process's own; ru_maxrss keeps the benchmark's from before exec
    try:
        with open("/proc/self/status") as status:
            return next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"peak-kib {own_peak()} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}")
sys.exit(code)
"""


class Clock:
    """Wall and CPU seconds of a block (CPU: this process, or its finished children)."""

    def __init__(self, children: bool = False):
        self.children = children

    def _cpu(self) -> float:
        if not self.children:
            return time.process_time()
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        return used.ru_utime + used.ru_stime

    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), self._cpu()
        return self

    def __exit__(self, *exc):
        self.wall, self.cpu = time.perf_counter() - self.wall, self._cpu() - self.cpu

    def against(self, base: Clock) -> str:
        return f"{self.wall / base.wall:.2f}x wall, {self.cpu / base.cpu:.2f}x CPU"


def floor(cases: list, packs: list) -> Clock:
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
    with Clock() as clock:
        for key, rules, fact in work:
            engine.evaluate(key, rules, fact)
    return clock


def _questions(cond):
    from leadfit.forms.conditions import questions_in
    return questions_in(cond)


def full_evaluations(cases: list, packs: list) -> Clock:
    with Clock() as clock:
        for pack in packs:
            for case in cases:
                evaluate(case, pack)
    return clock


def core(answer_sets: list[dict], a, b) -> tuple[Clock, object]:
    inputs = [CaseInput(f"case {i}", "generated", c) for i, c in enumerate(answer_sets)]
    with Clock() as clock:  # with the boundary cases the command adds, as it does
        inputs, generated = with_boundaries(a, b, inputs)
        result = impact(a, b, inputs, workers=1, generated=generated)
    return clock, result


def cli(python: str, folder: str, other: str, workers: str | None) -> tuple[Clock, tuple[int, int], list[str]]:
    env = dict(os.environ)
    env.pop("LEADFIT_BENCH_WORKERS", None)
    if workers:
        env["LEADFIT_BENCH_WORKERS"] = workers
    with Clock(children=True) as clock:
        done = subprocess.run([python, "-c", CHILD, "pack", "diff", "default", other, "--cases", folder],
                              capture_output=True, text=True, check=False, env=env, cwd=folder)
    if done.returncode != 0:
        raise SystemExit(f"pack diff failed ({done.returncode}):\n{done.stderr[-3000:]}")
    lines = done.stdout.strip().splitlines()
    peaks = lines[-1].split()
    return clock, (int(peaks[1]), int(peaks[2])), lines[-4:-1]


def _counts(said: dict[str, list[str]], core_totals: list[str]) -> None:
    """Each end-to-end run's counts against the in-memory run's (this tree's): the same
    counts are said once; a run that counts otherwise (an earlier tree, --before) is named."""
    for name, lines in said.items():
        if lines == core_totals:
            continue
        print(f"  {name} counts otherwise:\n    " + "\n    ".join(lines))
    agree = [name for name, lines in said.items() if lines == core_totals]
    if agree:
        print(f"  the same counts as core: {', '.join(agree)}")


def verdict(clock: Clock, base: Clock) -> str:
    return f"target {TARGET}x floor: {'met' if clock.wall <= TARGET * base.wall else 'MISSED'}"


RUNS = {"auto": ("cli, as it chooses", None), "1": ("cli, one worker", "1"),
        "2": ("cli, two workers", "2"), "before": ("cli before (--before)", None)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pack", default="bank", help="the pack compared with default")
    parser.add_argument("--before", help="another LeadFit's tree (with its .venv) or that venv's"
                        " Python, run on the same files")
    parser.add_argument("--repeat", type=int, default=1,
                        help="rounds of the floor and the end-to-end runs, interleaved; each its best")
    parser.add_argument("--runs", default="auto,1,2,before",
                        help="which end-to-end runs, of: " + ", ".join(RUNS))
    args = parser.parse_args()
    a, b = default_pack(), resolve_pack(args.pack)
    before = python_of(args.before) if args.before else None
    asked = written_by(before) if before else default_questionnaire()
    written = generate(asked, args.cases, args.seed, blank_rate=0.003, pack=a)  # the files' answers
    answer_sets = [migrate_answers(x, asked.version) for x in written]   # as this tree reads them
    cases = [build_case(x, a.questionnaire) for x in answer_sets]
    n = len(cases)
    print(f"cases: {n} generated from questionnaire {asked.version} (outcomes under {a.label}:"
          f" {dict(outcomes(evaluate(c, a) for c in cases[:2000]))} in the first 2,000)")
    base = floor(cases, [a, b])
    full = full_evaluations(cases, [a, b])
    took, result = core(answer_sets, a, b)
    best: dict[str, tuple[Clock, tuple[int, int]]] = {}
    said: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for i, answers in enumerate(written):
            (Path(tmp) / f"case-{i:05d}.yaml").write_text(case_file(answers, asked.version),
                                                          encoding="utf-8")
        for round_ in range(args.repeat):  # interleaved: the load moves, so each is its best
            if round_:
                base = min(base, floor(cases, [a, b]), key=lambda c: c.wall)
            for run in args.runs.split(","):
                name, workers = RUNS[run]
                python = before if run == "before" else sys.executable
                if python is None:
                    continue
                took_cli, peaks, said[name] = cli(python, tmp, args.pack, workers)
                if name not in best or took_cli.wall < best[name][0].wall:
                    best[name] = (took_cli, peaks)
    rounds = f", best of {args.repeat} rounds" if args.repeat > 1 else ""
    print(f"floor   : {n} cases x 2 packs x one evaluation by the engine, one process{rounds}:"
          f" {base.wall:.2f} s wall, {base.cpu:.2f} s CPU")
    print(f"full    : {n} cases x 2 packs x one explained assessment (no pack diff builds them):"
          f" {full.wall:.2f} s ({full.against(base)})")
    print(f"core    : pack diff default {args.pack} in memory, one process: {took.wall:.2f} s"
          f" ({took.against(base)}; {verdict(took, base)})")
    print("  " + "\n  ".join(result.totals()))
    for name, (took_cli, (own, helpers)) in best.items():
        print(f"{name:<22}: {n} files, whole process{rounds}: {took_cli.wall:.2f} s"
              f" ({took_cli.against(base)}; {verdict(took_cli, base)}), peak memory {own / 1024:.0f} MB"
              + (f" (+ {helpers / 1024:.0f} MB in its helper processes)" if helpers else ""))
    _counts(said, result.totals())
    print(f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores;"
          f" this process peaked at {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
