"""N independent faults injected into a sound pack give at least N problems, each at the
line of its fault: no fault hides another, whatever mix of kinds and files (hypothesis)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leadfit.errors import PackError
from leadfit.rules.model.library import load_pack

_DEEP = "{eq: {org.induction: true}}"
for _ in range(8):
    _DEEP = "{all: [{any: [" + _DEEP + ", {eq: {org.induction: false}}]}]}"

# Each fault: (the line of the rule it replaces, which line of the rule is at fault).
RULE_FAULTS = {
    "misspelt key": ("summary", "    sumary: A rule.\n"),
    "unknown question": ("when", "    when: {eq: {org.inducton: true}}\n"),
    "unknown option": ("when", "    when: {eq: {candidate.owns_pnl: partly}}\n"),
    "wrong type in a condition": ("when", "    when: {lt: {candidate.digital_years: three}}\n"),
    "unknown parameter": ("when", "    when: {ge: {candidate.digital_years: {param: p1_yrs}}}\n"),
    "past the engine's limits": ("when", f"    when: {_DEEP}\n"),
    "unknown outcome": ("action", "      - recommend: hire\n"),
    "unknown mitigation": ("action", "      - mitigation: M77\n"),
    "wrong type in an action": ("action", "      - signal: [R1]\n"),
}
SCENARIO_FAULTS = {
    "unknown like": ("like", "    like: no such scenario\n"),
    "unknown question": ("answer", "      org.inducton: true\n"),
    "impossible answer": ("answer", "      candidate.digital_years: lots\n"),
    "unknown outcome": ("outcome", "      outcome: hire\n"),
}
PACK_FAULTS = {
    "misspelt key": "wordng: {}\n",
    "wrong type": "disable: r3-rivals\n",
    "unknown mitigation": "outcome_requires: {coach: [M9, M99]}\n",
}


def _rule(i: int, fault: str | None) -> list[tuple[str, bool]]:
    lines = {"summary": f"    summary: Rule {i}.\n", "when": "    when: {eq: {org.induction: true}}\n",
             "action": "      - signal: R1\n"}
    if fault:
        part, text = RULE_FAULTS[fault]
        lines[part] = text
    part = RULE_FAULTS[fault][0] if fault else None
    return [(f"  - id: prop-{i}\n", False), (lines["summary"], part == "summary"),
            (lines["when"], part == "when"), ("    then:\n", False), (lines["action"], part == "action")]


def _scenario(j: int, fault: str | None) -> list[tuple[str, bool]]:
    lines = {"like": "    like: ready candidate is appointed\n",
             "answer": "      org.induction: true\n", "outcome": "      outcome: appoint\n"}
    part = SCENARIO_FAULTS[fault][0] if fault else None
    if fault:
        lines[part] = SCENARIO_FAULTS[fault][1]
    return [(f"  - name: scenario {j}\n", False), (lines["like"], part == "like"),
            ("    answers:\n", False), (lines["answer"], part == "answer"), ("    expect:\n", False),
            (lines["outcome"], part == "outcome")]


def _write(path: Path, head: str, parts: list[tuple[str, bool]]) -> list[int]:
    """Write the file; the lines (1-based) that hold a fault."""
    path.write_text(head + "".join(text for text, _ in parts), encoding="utf-8")
    first = head.count("\n") + 1
    return [first + n for n, (_, bad) in enumerate(parts) if bad]


@settings(max_examples=30, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(rules=st.lists(st.sampled_from([None, *RULE_FAULTS]), min_size=1, max_size=6),
       scenarios=st.lists(st.sampled_from([None, *SCENARIO_FAULTS]), min_size=0, max_size=3),
       pack=st.lists(st.sampled_from(list(PACK_FAULTS)), max_size=3, unique=True))
def test_n_independent_faults_give_at_least_n_problems_each_at_its_line(rules, scenarios, pack):
    with tempfile.TemporaryDirectory(prefix="leadfit-prop-") as tmp:
        folder = Path(tmp) / "prop"
        folder.mkdir()
        wanted = [(folder / "pack.yaml", n) for n in _write(
            folder / "pack.yaml", 'name: prop\nversion: "0.1"\nextends: default@2.2\n',
            [(PACK_FAULTS[k], True) for k in pack])]
        wanted += [(folder / "rules.yaml", n) for n in _write(
            folder / "rules.yaml", "rules:\n", [p for i, f in enumerate(rules) for p in _rule(i, f)])]
        if scenarios:
            wanted += [(folder / "scenarios.yaml", n) for n in _write(
                folder / "scenarios.yaml", "scenarios:\n",
                [p for j, f in enumerate(scenarios) for p in _scenario(j, f)])]
        try:
            load_pack(folder)
            problems = []
        except PackError as exc:
            problems = exc.problems
        said = {(p.file, p.line) for p in problems}
        assert len(problems) >= len(wanted), [str(p) for p in problems]
        missing = [f"{f.name}:{n}" for f, n in wanted if (str(f), n) not in said]
        assert missing == [], [str(p) for p in problems]
        if not wanted:
            assert problems == []
