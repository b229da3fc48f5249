"""How fast is one evaluation? Prints figures against the issue's targets.

In-process: median and 95th percentile over 1,000 varied cases, against a
bare durable-rules post of one message measured in the same run (ratio).
Fresh process: wall time of `leadfit evaluate` on the example (median of 5).
Run: .venv/bin/python benchmarks/evaluate.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cases import generate

from leadfit.forms.case import build_case
from leadfit.rules.runtime.assess import evaluate
from leadfit.rules.model.library import archived_packs_dir, default_pack
from leadfit.rules.model.pack import load_pack

REPO = Path(__file__).resolve().parent.parent


def timed(fn, items) -> list[float]:
    out = []
    for item in items:
        start = time.perf_counter()
        fn(item)
        out.append(time.perf_counter() - start)
    return out


def bare_post_times(n: int) -> list[float]:
    """Baseline: the engine alone, one rule, one posted message each time."""
    import durable.engine as raw  # the benchmark's baseline only; product code uses the adapter

    class Quiet(raw.Host):
        def _run(self):
            return None
    host = Quiet()
    host.register_rulesets({"bare": {"r": {"all": [{"m": {"$gte": {"x": 0}}}], "run": _noop}}})
    return timed(lambda i: host.post("bare", {"sid": "1", "x": i}), range(n))


def same_ruleset_times(pack, answer_sets) -> list[float]:
    """Second baseline: the engine alone running this pack's compiled rules (no-op actions)."""
    import durable.engine as raw

    from leadfit.rules.runtime.engine import compile_condition, field_name

    class Quiet(raw.Host):
        def _run(self):
            return None
    host = Quiet()
    rules = {r.id: {"all": [{"m": compile_condition(r.condition)}], "run": _noop} for r in pack.rules}
    rules["seen"] = {"all": [{"m": {"$ex": {"n": 1}}}], "run": _noop}
    host.register_rulesets({"same": rules})
    facts = []
    for i, answers in enumerate(answer_sets):
        fact = {field_name(k): (v.toordinal() if hasattr(v, "toordinal") else v) for k, v in answers.items()}
        facts.append(dict(fact, sid=f"s{i}", n=i))

    def run(fact):
        host.assert_fact("same", fact)
        host.delete_state("same", fact["sid"])
    return timed(run, facts)


def _noop(c) -> None:
    return None


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def fresh_process_times(runs: int = 5) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(Path(sys.executable).with_name("leadfit")), "evaluate",
                        str(REPO / "forms/examples/example-case.yaml")], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    pack = default_pack()
    cases = [build_case(a, pack.questionnaire) for a in generate(pack.questionnaire, 1000)]
    evaluate(cases[0], pack)  # compile and register once, as a running app would have
    ours = timed(lambda c: evaluate(c, pack), cases)
    bare = bare_post_times(1000)
    med, p95, bare_med = statistics.median(ours), percentile(ours, 95), statistics.median(bare)
    outcomes = {o: sum(1 for c in cases if evaluate(c, pack).outcome == o)
                for o in ("appoint", "coach", "hire_external", None)}
    from leadfit.forms.case import relevant_answers
    same = statistics.median(same_ruleset_times(pack, [relevant_answers(c, pack.questionnaire) for c in cases]))
    fired = statistics.mean(len(evaluate(c, pack).rules_fired) for c in cases)
    fresh = statistics.median(fresh_process_times())
    old = load_pack(archived_packs_dir() / "default-1.0")  # 1.0, its questionnaire and semantics
    old_cases = [build_case(a, old.questionnaire) for a in generate(old.questionnaire, 1000)]
    evaluate(old_cases[0], old)
    old_med = statistics.median(timed(lambda c: evaluate(c, old), old_cases))
    print(f"cases: 1000 varied (outcomes {outcomes})")
    print(f"evaluate in-process: median {med * 1e3:.3f} ms, p95 {percentile(ours, 95) * 1e3:.3f} ms"
          f"   target median < 1 ms: {'met' if med < 1e-3 else 'MISSED'}")
    print(f"bare durable post:   median {bare_med * 1e3:.3f} ms, p95 {percentile(bare, 95) * 1e3:.3f} ms")
    print(f"ratio evaluate/bare: median {med / bare_med:.1f}x, p95 {p95 / percentile(bare, 95):.1f}x"
          f"   target < 10x: {'met' if med / bare_med < 10 else 'MISSED'}")
    print(f"engine alone, this pack's {len(pack.rules)} rules (~{fired:.0f} fire per case): median"
          f" {same * 1e3:.3f} ms = {same / bare_med:.1f}x the bare post;"
          f" LeadFit's evaluate is {med / same:.2f}x the engine alone")
    print(f"{old.label} (archived, semantics 1) in this run: median {old_med * 1e3:.3f} ms;"
          f" {pack.label} is {med / old_med:.2f}x   target <= 1.2x:"
          f" {'met' if med / old_med <= 1.2 else 'MISSED'}")
    print(f"fresh process `leadfit evaluate`: median of 5 {fresh * 1e3:.0f} ms"
          f"   target < 1 s: {'met' if fresh < 1 else 'MISSED'}")


if __name__ == "__main__":
    main()
