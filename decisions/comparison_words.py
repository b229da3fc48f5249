"""A comparison of candidates in words: the one source of the rows the window and the
PDF show side by side, so both say the same thing the same way. No codes."""

from __future__ import annotations

from leadfit.decisions.comparison import Candidate, Comparison
from leadfit.rules.model.assessment import Assessment
from leadfit.words import change_set_words, counted, joined, no_change_words, readiness_words, risk_level_words

NO_RECOMMENDATION = "No recommendation yet"
SEVERITY_ORDER = ("critical", "high", "medium", "low")


def heading(c: Candidate) -> str:
    return "Reference: experienced external PD" if c.reference else c.name


def outcome_words(a: Assessment) -> str:
    if not a.decided:
        return f"{NO_RECOMMENDATION}: {counted(len(a.missing), 'answer')} missing"
    return a.outcome_title or str(a.outcome)


def risk_words(a: Assessment) -> str:
    """The level in words: a board member compares 'high' with 'low', not points ('at worst
    critical' where answers not known decide it)."""
    return risk_level_words(a)


def findings_count_words(a: Assessment) -> str:
    if not a.findings:
        return "none"
    by = {s: sum(1 for f in a.findings if f.severity == s) for s in SEVERITY_ORDER}
    parts = [f"{n} {s}" for s, n in by.items() if n]
    return f"{len(a.findings)}: " + ", ".join(parts)


def readiness_labels(comparison: Comparison) -> list[tuple[str, str]]:
    """(readiness id, title) in the pack's order, as any column assesses them."""
    seen: dict[str, str] = {}
    for c in comparison.columns:
        for item in c.assessment.readiness:
            seen.setdefault(item.id, item.title)
    return list(seen.items())


def glance_rows(comparison: Comparison) -> list[tuple[str, list[str]]]:
    """(row label, one cell per column): the side-by-side table."""
    cols = comparison.columns
    rows = [("Recommendation", [outcome_words(c.assessment) for c in cols]),
            ("Risk of appointing as proposed", [risk_words(c.assessment) for c in cols])]
    for rid, title in readiness_labels(comparison):
        cells = []
        for c in cols:
            status = next((r.status for r in c.assessment.readiness if r.id == rid), "unknown")
            cells.append(readiness_words(status, rid in c.unanswered))
        rows.append((title, cells))
    rows.append(("Findings", [findings_count_words(c.assessment) for c in cols]))
    rows.append(("Steps required", [str(len(c.assessment.plan_steps())) for c in cols]))
    return rows


def finding_lines(a: Assessment) -> list[str]:
    """Each finding, most severe first: 'Title (high): what it means'."""
    ranked = sorted(a.findings, key=lambda f: SEVERITY_ORDER.index(f.severity)
                    if f.severity in SEVERITY_ORDER else len(SEVERITY_ORDER))
    return [f"{f.title} ({f.severity})" for f in ranked]


BENCHMARK_CHANGES = ("Nothing to change: the benchmark is the profile each candidate is read"
                     " against, not a person to appoint.")


def column_change_lines(c: Candidate) -> list[str]:
    """What would change a column's outcome; none for the benchmark (advice to change the
    answers of a person who does not exist read as a step to take)."""
    return [BENCHMARK_CHANGES] if c.reference else change_lines(c.assessment)


def change_lines(a: Assessment) -> list[str]:
    """The nearest changes towards each other outcome (rules/changes.py's search)."""
    if not a.decided:
        return ["Answer the missing questions first: " + joined([m.title for m in a.missing])]
    lines = []
    for alt in a.alternatives:
        if alt.nearest:
            lines.append(change_set_words(alt.title, alt.nearest[0]))
        elif alt.note:
            lines.append(no_change_words(alt.title, alt.note))
    return lines or ["No other outcome is within reach of a few changed answers."]


def summary_sentence(comparison: Comparison) -> str:
    """The comparison in one sentence a board member reads first."""
    names = joined([c.name for c in comparison.candidates])
    ref = comparison.reference.assessment
    return (f"{counted(len(comparison.candidates), 'candidate')} for {comparison.stream}:"
            f" {names}. Each is read against the benchmark of an experienced external Product"
            f" Director in the same stream, whom the same rules assess as"
            f" “{outcome_words(ref)}” (risk {ref.risk.level}).")
