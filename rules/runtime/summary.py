"""A case's outcome, risk and cited IDs without building its explained Assessment.

``pack diff`` compares exactly these three over thousands of cases, so it reads
them off the fired rules as evaluate() decides them (same engine, same
decision code in rules/runtime/assess.py and judgement.py), skipping the causes,
reasons, notes and models a person reads. A case with answers "Not known" takes
the full evaluation (its outcome is explored over those answers).
summary_of() is the same from the fired rules alone.
tests/test_diff_summary.py holds it equal to evaluate() over generated cases.
"""

from __future__ import annotations


from leadfit.frozen import frozen
from leadfit.forms.case import Case
from leadfit.rules.runtime.assess import _Builder, builder, evaluate, worst_severities
from leadfit.rules.runtime.merged import SEVERITY_ORDER, id_key
from leadfit.rules.runtime.judgement import Judgement
from leadfit.rules.runtime.matching import Matcher
from leadfit.rules.runtime.shared_parts import shared_parts
from leadfit.rules.model.pack import Pack


@frozen
class Summary:
    outcome: str | None
    risk: str
    score: int
    ids: tuple[str, ...]  # catalogue IDs cited, as Assessment.cited_ids(), in ID order


def summarise(case: Case, pack: Pack, matcher: Matcher | None = None) -> Summary:
    """What evaluate(case, pack, matcher) says of the outcome, the risk and the IDs."""
    if case.unknown:
        done = evaluate(case, pack, matcher)
        return Summary(done.outcome, done.risk.level, done.risk.score, _sorted(done.cited_ids()))
    return _summary(builder(case, pack, matcher=matcher), pack)


def summary_of(pack: Pack, fired_ids, missing: list[str]) -> Summary:
    """summarise() of a case without "Not known" answers, from the rules its known answers
    fire and the required answers it lacks: all that a summary reads of a case (pack diff
    matches both packs at once, and remembers a summary per set of fired rules)."""
    at = shared_parts(pack).rule_at  # in pack order, as builder() gives them
    fired = [r for _, r in sorted(map(at.__getitem__, set(fired_ids)))]
    return _summary(_Builder(pack, {}, fired, missing, None), pack)


def riskiest(pack: Pack, fired_sets: list) -> int:
    """The index of the set of fired rules whose case scores the highest risk (the first of
    equals): the answers not known at their worst (rules/runtime/unknowns.py, 2.6)."""
    seen: dict[frozenset, int] = {}  # combinations often fire the same rules: score each set once
    scores = [seen[key] if key in seen else seen.setdefault(key, summary_of(pack, key, []).score)
              for key in map(frozenset, fired_sets)]
    return scores.index(max(scores))


def _summary(b: _Builder, pack: Pack) -> Summary:
    worst = worst_severities((v["id"], v["severity"]) for _, v in b.actions("finding"))
    score, level = b.score_of(worst)
    if pack.settings.semantics >= 2:
        judgement = Judgement(b)
        outcome, forced = judgement.outcome(level)
        plan, before = judgement.plan_needs(outcome)
        steps = set(plan) | set(before)
    else:
        outcome, _, forced = b.outcome()
        steps = set(b.needed("mitigation", outcome))
    if forced and SEVERITY_ORDER.index(level) < SEVERITY_ORDER.index("high"):
        level = "high"
    gaps = {p for p, (status, _) in b.readiness_marks().items()
            if status in ("partial", "not_met") and p in b.shared.unmarked_readiness}
    ids = set(worst) | steps | {v for _, v in b.actions("signal")} | gaps
    return Summary(outcome, level, score, _sorted(ids))


def _sorted(ids) -> tuple[str, ...]:
    return tuple(sorted(ids, key=id_key))
