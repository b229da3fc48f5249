"""One evaluation in process: LeadFit against GoRules Zen and two floors, in one loop.

Every measure runs on the same cases, interleaved case by case (the order
rotates), so the figures share the machine's load and only ratios count:
- LeadFit: ``evaluate(case, pack)``, the whole explained assessment, decided by
  durable-rules (the engine of record);
- GoRules Zen 2.1.3: the pack's rules as one "collect" decision table
  (benchmarks/floors.py), loaded from JSON as the issue measured it, and
  precompiled (``ZenDecisionContent``), its fastest;
- durable-rules alone on the same rules through its public API (no-op actions);
- plain Python predicates over the same rules;
- the archived default pack 1.0, for the within-1.2x-of-1.0 figure, on the same cases
  (``carried_over``: every answer to a question both packs ask, the rest drawn);
- with ``--before PYTHON``: the same cases under another LeadFit (a venv of an
  earlier commit), timed by benchmarks/eval_worker.py between our own calls.
Every LeadFit is first warmed up on as many *other* generated cases (what it works out
once per pack is made, as in a process that has assessed a few cases), so no timed case
has been seen before. After timing, it checks that Zen, durable-rules alone and the
predicates fired exactly LeadFit's rules on every case, and stops if any differs.

    .venv/bin/python benchmarks/evaluate.py [--cases 1000] [--before /tmp/old/.venv/bin/python]

Zen is the ``bench`` extra (``pip install -e '.[bench]'``; ``make bench`` installs it).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cases import carried_over, generate, outcomes
from floors import durable_alone, engine_fact, python_predicates, zen_decision

from leadfit.forms.case import build_case, relevant_answers
from leadfit.rules.runtime.assess import evaluate
from leadfit.rules.model.library import archived_packs_dir, default_pack
from leadfit.rules.model.pack import load_pack

ISSUE_TABLE = {"LeadFit": 2.08, "Zen (from JSON)": 0.42, "durable-rules alone": 0.80,
               "Python predicates": 0.013}  # ms, the issue's run (a busy machine)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


class Before:
    """Another LeadFit's evaluate, timed in its own process on request."""

    def __init__(self, python: str, answer_sets: list[dict]):
        worker = Path(__file__).resolve().with_name("eval_worker.py")
        self.proc = subprocess.Popen([python, str(worker)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=False)
        data = json.dumps(answer_sets, default=lambda d: {"__date__": d.isoformat()}).encode()
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(f"{len(data)}\n".encode() + data)
        self.proc.stdin.flush()
        if self.proc.stdout.readline().strip() != b"ready":
            raise SystemExit(f"the --before worker ({python}) did not start")

    def time(self, index: int) -> float:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(f"{index}\n".encode())
        self.proc.stdin.flush()
        return float(self.proc.stdout.readline())

    def close(self) -> None:
        assert self.proc.stdin
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def check_same_rules(pack, cases, facts, floors: dict) -> None:
    """Every floor fires LeadFit's rules on every case, or the comparison means nothing."""
    order = {r.id: i for i, r in enumerate(pack.rules)}
    for i, (case, fact) in enumerate(zip(cases, facts)):
        ours = evaluate(case, pack).rules_fired
        for name, fired in floors.items():
            theirs = sorted(fired(fact), key=order.__getitem__)
            if theirs != ours:
                raise SystemExit(f"{name} fires {theirs} on case {i}, LeadFit {ours}: not the same rules")


def measure(args) -> tuple[dict[str, list[float]], dict]:
    pack = default_pack()
    answer_sets = generate(pack.questionnaire, args.cases, args.seed, blank_rate=0.003, pack=pack)
    warm_sets = generate(pack.questionnaire, args.cases, args.seed + 1, blank_rate=0.003, pack=pack)
    cases = [build_case(a, pack.questionnaire) for a in answer_sets]
    facts = [engine_fact(relevant_answers(c, pack.questionnaire)) for c in cases]
    old = load_pack(archived_packs_dir() / "default-1.0")
    # 1.0 on the same cases as far as its questionnaire allows (it lacks 2.7's new questions and
    # asks one 2.7 dropped): drawn on their own, 1.0's cases were never near a scenario.
    old_cases = [build_case(a, old.questionnaire)
                 for a in carried_over(answer_sets, pack.questionnaire, old.questionnaire, args.seed)]
    floors = {"Zen (from JSON)": zen_decision(pack, precompiled=False),
              "Zen (precompiled)": zen_decision(pack),
              "durable-rules alone": durable_alone(pack), "Python predicates": python_predicates(pack)}
    # Warmed up on other cases, as a process that has assessed some: what LeadFit works out
    # once per pack is made, but none of the timed cases has been seen.
    for answers in warm_sets:
        evaluate(build_case(answers, pack.questionnaire), pack)
    for answers in carried_over(warm_sets, pack.questionnaire, old.questionnaire, args.seed + 1):
        evaluate(build_case(answers, old.questionnaire), old)
    for i, fact in enumerate(facts[:10]):
        for fired in floors.values():
            fired(fact)
    before = Before(args.before, warm_sets + answer_sets) if args.before else None
    if before:
        for i in range(len(warm_sets)):
            before.time(i)
    warm = len(warm_sets) if before else 0
    steps = [("LeadFit", lambda i: _timed(evaluate, cases[i], pack)),
             (f"LeadFit, {old.label}", lambda i: _timed(evaluate, old_cases[i], old))]
    steps += [(name, lambda i, f=fired: _timed(f, facts[i])) for name, fired in floors.items()]
    if before:
        steps.append(("LeadFit before", lambda i: before.time(warm + i)))
    times: dict[str, list[float]] = {name: [] for name, _ in steps}
    for i in range(len(cases)):
        k = i % len(steps)
        for name, step in steps[k:] + steps[:k]:  # rotate who goes first
            times[name].append(step(i))
    if before:
        before.close()
        times["LeadFit before"] = [t for t in times["LeadFit before"] if t == t]  # refused: nan
    check_same_rules(pack, cases, facts, floors)  # after timing, so no timed case was seen before
    info = {"outcomes": outcomes(evaluate(c, pack) for c in cases), "pack": pack, "old": old,
            "fired": statistics.mean(len(evaluate(c, pack).rules_fired) for c in cases),
            "old outcomes": outcomes(evaluate(c, old) for c in old_cases),
            "old fired": statistics.mean(len(evaluate(c, old).rules_fired) for c in old_cases)}
    return times, info


def _timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def report(times: dict[str, list[float]], info: dict, args) -> None:
    med = {k: statistics.median(v) * 1e3 for k, v in times.items()}
    ours = med["LeadFit"]
    pack, old = info["pack"], info["old"]
    print(f"cases: {args.cases} generated (outcomes {dict(info['outcomes'])}); {pack.label}:"
          f" {len(pack.rules)} rules, ~{info['fired']:.0f} fire per case; every measure in one"
          " loop, interleaved; same rules fired by all, checked on every case after timing;"
          f" warmed up on {args.cases} other cases, none of the timed ones")
    print(f"{old.label} on the same cases (answers to the questions both ask; outcomes"
          f" {dict(info['old outcomes'])}): {len(old.rules)} rules, ~{info['old fired']:.0f} fire per case")
    print(f"{'one evaluation, p50':<28}{'ms':>8}{'p95 ms':>9}   LeadFit ÷ it   (issue's run:"
          " ms, ratio)")
    for name in times:
        was = ISSUE_TABLE.get(name)
        then = f"({was:.3f} ms, {ISSUE_TABLE['LeadFit'] / was:.1f}x)" if was and name != "LeadFit" \
            else (f"({was:.2f} ms)" if was else "")
        ratio = "" if name == "LeadFit" else f"{ours / med[name]:>8.2f}x"
        print(f"  {name:<26}{med[name]:>8.3f}{percentile(times[name], 95) * 1e3:>9.3f}   {ratio:<13}  {then}")
    for zen in ("Zen (from JSON)", "Zen (precompiled)"):
        print(f"target: LeadFit p50 at or below {zen}'s: {'met' if ours <= med[zen] else 'MISSED'}"
              f" ({ours / med[zen]:.2f}x)")
    print(f"target: {pack.label} within 1.2x of {old.label}: {ours / med[f'LeadFit, {old.label}']:.2f}x"
          f" {'met' if ours <= 1.2 * med[f'LeadFit, {old.label}'] else 'MISSED'}")
    if "LeadFit before" in med:
        print(f"before -> after ({args.before}): {med['LeadFit before']:.3f} ms -> {ours:.3f} ms,"
              f" {med['LeadFit before'] / ours:.2f}x faster; against Zen (from JSON)"
              f" {med['LeadFit before'] / med['Zen (from JSON)']:.2f}x -> {ours / med['Zen (from JSON)']:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--before", help="the Python of another LeadFit venv, timed in the same loop")
    args = parser.parse_args()
    times, info = measure(args)
    report(times, info, args)


if __name__ == "__main__":
    main()
