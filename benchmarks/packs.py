"""`pack diff` over 10,000 generated cases; target under 20 s on 2 cores.

Prints, from one run:
- baseline: the same cases evaluated under one pack, one process, no cache;
- core: rules.authoring.diff.impact(default, bank) over the cases in memory;
- cli: `leadfit pack diff default bank --cases DIR` end to end (a new
  process reading 10,000 case files);
and each as a ratio to the baseline.

    .venv/bin/python benchmarks/packs.py [--cases 10000] [--seed 7] [--pack bank]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cases import generate

from leadfit.forms.case import build_case
from leadfit.forms.questionnaire import default_questionnaire
from leadfit.rules.runtime.assess import evaluate
from leadfit.rules.authoring.diff import CaseInput, impact
from leadfit.rules.model.library import default_pack, resolve_pack

TARGET_S = 20.0


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
    cases = generate(default_questionnaire(), args.cases, args.seed, blank_rate=0.003)
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
