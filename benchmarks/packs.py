"""`pack diff` over 10,000 generated cases; target under 20 s on 2 cores.

Prints, from one run:
- baseline: the same cases evaluated under one pack, one process, no cache;
- core: rules.diff.impact(default, bank) over the cases in memory;
- cli: `leadfit pack diff default bank --cases DIR` end to end (a new
  process reading 10,000 case files);
and each as a ratio to the baseline.

    .venv/bin/python benchmarks/packs.py [--cases 10000] [--seed 7] [--pack bank]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import yaml

from leadfit.forms.case import build_case
from leadfit.forms.questionnaire import default_questionnaire
from leadfit.rules.assess import evaluate
from leadfit.rules.diff import CaseInput, impact
from leadfit.rules.library import default_pack, resolve_pack

TARGET_S = 20.0


def generate(n: int, seed: int) -> list[dict]:
    """Varied, valid answer sets; about one in twenty leaves a question out."""
    rng = random.Random(seed)
    questions = default_questionnaire().asked
    return [_answers(i, questions, rng) for i in range(n)]


def _answers(i: int, questions, rng: random.Random) -> dict:
    answers = {}
    assessed = date(2026, 1, 1) + timedelta(days=rng.randrange(365))
    for q in questions:
        if rng.random() < 0.003:
            continue  # unanswered: some cases come out incomplete
        answers[q.id] = _value(i, q, rng, assessed)
    return answers


def _value(i, q, rng, assessed):
    if q.type == "choice":
        return rng.choice(list(q.options))
    if q.type == "yes_no":
        return rng.random() < 0.6
    if q.type == "percent":
        return rng.choice([0, 5, 10, 20, 30, 40, 50, 60, 75, 90])
    if q.type == "integer":
        lo, hi = q.min or 0, min(q.max or 20, 20)
        return rng.randint(lo, hi)
    if q.type == "date":
        return assessed if q.id == "org.assessed_on" else assessed + timedelta(days=rng.randrange(20, 240))
    return f"Case {i}"


def baseline(cases: list[dict]) -> float:
    pack = default_pack()
    q = pack.questionnaire
    start = time.perf_counter()
    for answers in cases:
        evaluate(build_case(answers, q), pack)
    return time.perf_counter() - start


def core(cases: list[dict], other: str) -> tuple[float, object]:
    a, b = default_pack(), resolve_pack(other)
    inputs = [CaseInput(f"case {i}", "generated", c) for i, c in enumerate(cases)]
    start = time.perf_counter()
    result = impact(a, b, inputs)
    return time.perf_counter() - start, result


def cli(cases: list[dict], other: str) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        for i, answers in enumerate(cases):
            (Path(tmp) / f"case-{i:05d}.yaml").write_text(
                yaml.safe_dump({"answers": answers}, sort_keys=False), encoding="utf-8")
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "leadfit", "pack", "diff", "default", other,
                               "--cases", tmp], capture_output=True, text=True, check=False)
        took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"pack diff failed ({done.returncode}):\n{done.stderr}")
    print("  cli says: " + "\n  cli says: ".join(done.stdout.strip().splitlines()[-3:]))
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pack", default="bank", help="the pack compared with default")
    args = parser.parse_args()
    cases = generate(args.cases, args.seed)
    n = len(cases)
    evaluate(build_case(cases[0], default_pack().questionnaire), default_pack())  # engine warm
    base = baseline(cases)
    print(f"baseline: {n} cases under one pack, one process: {base:.2f} s"
          f" ({base / n * 1000:.2f} ms/case)")
    took, result = core(cases, args.pack)
    print(f"core    : pack diff default {args.pack}, {n} cases, both packs: {took:.2f} s"
          f" ({took / base:.2f} x baseline; target {TARGET_S:.0f} s:"
          f" {'met' if took < TARGET_S else 'MISSED'})")
    print("  " + "\n  ".join(result.totals()))
    took_cli = cli(cases, args.pack)
    print(f"cli     : leadfit pack diff --cases DIR ({n} files), whole process: {took_cli:.2f} s"
          f" ({took_cli / base:.2f} x baseline; target {TARGET_S:.0f} s:"
          f" {'met' if took_cli < TARGET_S else 'MISSED'})")


if __name__ == "__main__":
    main()
