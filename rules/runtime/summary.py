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

from typing import Any

from leadfit.frozen import frozen
from leadfit.forms.case import Case
from leadfit.rules.runtime.assess import _Builder, builder, evaluate, worst_severities
from leadfit.rules.runtime.merged import SEVERITY_ORDER, id_key
from leadfit.rules.runtime.judgement import _APPOINTING, Judgement
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
    shared = shared_parts(pack)
    if pack.settings.semantics >= 2:
        bits = shared.tables["summary bits"].get(0)
        if bits is None:
            bits = shared.remember(shared.tables["summary bits"], 0, _BitSummaries(pack, shared))
        return bits.of(fired_ids, missing)
    return _summary(_builder_of(pack, shared, fired_ids, missing), pack)


def _builder_of(pack: Pack, shared, fired_ids, missing: list[str]) -> _Builder:
    fired, mask = shared.in_pack_order(fired_ids)  # pack order, not engine order
    return _Builder(pack, {}, fired, missing, None, shared=shared, mask=mask)


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


class _BitSummaries:
    """_summary() of semantics 2 read off the fired rules as bits, for pack diff's thousands
    of cases: the fired rules as one int, then an AND per finding ID, step and outcome, and
    each part remembered per pack by what fixes it (cases rarely fire the same rules, but
    their outcomes, steps, signals and readiness gaps repeat). A part not yet remembered is
    made by the same code as evaluate()'s (Judgement), from a builder of the fired rules;
    its memo keys hold everything the part reads. tests/test_diff_summary.py holds the
    summaries equal to evaluate() over generated cases and packs."""

    KEPT = 1 << 14  # summaries remembered per set of fired rules: memory stays flat

    def __init__(self, pack: Pack, shared):
        self.pack, self.shared = pack, shared
        self.bits = shared.bits
        word = dict(shared.word_bits)
        self.choice, self.unavailable = word.get("choice", 0), word.get("unavailable", 0)
        self.precondition = word.get("precondition", 0)
        self.signal, self.readiness = word.get("signal", 0), word.get("readiness", 0)
        weights = shared.weights
        # per finding ID: its rules' bits, and (a severity's weight, the bits raising it so), worst first
        self.findings = tuple(
            (fid, of_id, tuple((weights.get(severity, 0),
                                _any_of(bit for bit, (_, v) in raised if v["severity"] == severity),
                                SEVERITY_ORDER.index(shared.level_at_least.get(severity, "low")))
                               for severity in reversed(SEVERITY_ORDER)))
            for fid, of_id, raised in shared.finding_bits)
        self.steps = tuple((s.id, s.plan_bits, s.before_bits) for s in shared.steps)
        self.cannot = tuple((shared.bits[r.id], a.value) for r in pack.rules for a in r.actions
                            if a.word == "unavailable" and a.value not in pack.settings.outcomes)
        self.left_out = shared.left_out
        # each catalogue ID's place in ID order (F2 before F10): a sort by a dict lookup
        self.rank = {i: n for n, i in enumerate(sorted(pack.catalogue.entries, key=id_key))}
        self.made: dict[tuple, Summary] = {}
        self.parts: dict[tuple, Any] = {}

    def of(self, fired_ids, missing: list[str]) -> Summary:
        bits, mask = self.bits, 0
        for rule_id in fired_ids:
            mask |= bits[rule_id]
        key = (mask, bool(missing))
        found = self.made.get(key)
        if found is None:
            if len(self.made) >= self.KEPT:
                self.made.clear()
            found = self.made[key] = self._make(mask, fired_ids, missing)
        return found

    def _make(self, mask: int, fired_ids, missing: list[str]) -> Summary:
        raised, score, kept = [], 0, 0
        lifted = lifted_kept = 0  # the least level a finding's severity gives (risk_at_least), as a rank
        left_out = self.left_out
        for fid, of_id, by_severity in self.findings:
            if mask & of_id:
                raised.append(fid)
                for weight, bits, at_least in by_severity:
                    if mask & bits:
                        break
                score += weight
                lifted = max(lifted, at_least)
                if fid not in left_out:
                    kept += weight
                    lifted_kept = max(lifted_kept, at_least)
        level, parts, builder = self._level(score, lifted), self.parts, None
        strongest = self.shared.strongest(mask) if not missing else None
        # what Judgement.outcome() decides by: the strongest outcome recommended, the risk, the
        # risk compounding counts (without the IDs the pack leaves out), choices, what cannot happen
        decided = (strongest, level, self._level(kept, lifted_kept) if left_out else None, mask & self.choice,
                   mask & self.unavailable)
        outcome = parts.get(decided)
        if outcome is None:
            builder = _builder_of(self.pack, self.shared, fired_ids, missing)
            outcome = self._remember(decided, Judgement(builder).outcome(level) if strongest else (None, False))
        outcome, forced = outcome
        if forced and SEVERITY_ORDER.index(level) < SEVERITY_ORDER.index("high"):
            level = "high"
        # the step IDs asked for are the key (the fired rules asking for them almost never
        # repeat over generated cases: a memo by those missed 97 times in 100 and filled the
        # memo until it was cleared, taking the outcomes and steps that do repeat with it)
        planned = (outcome, tuple(s for s, plan, _ in self.steps if mask & plan),
                   tuple(s for s, _, before in self.steps if mask & before),
                   tuple(m for bit, m in self.cannot if mask & bit))
        steps = parts.get(planned)
        if steps is None:
            steps = self._remember(planned, self._step_ids(*planned))
        signals = parts.get(("signals", mask & self.signal))
        if signals is None:
            builder = builder or _builder_of(self.pack, self.shared, fired_ids, missing)
            signals = self._remember(("signals", mask & self.signal),
                                     frozenset(v for _, v in builder.actions("signal")))
        gaps = parts.get(("gaps", mask & self.readiness))
        if gaps is None:  # each part made alone: the readiness marks repeat less than the signals
            builder = builder or _builder_of(self.pack, self.shared, fired_ids, missing)
            gaps = self._remember(("gaps", mask & self.readiness), frozenset(
                p for p, (status, _) in builder.readiness_marks().items()
                if status in ("partial", "not_met") and p in self.shared.unmarked_readiness))
        # made, not remembered: the IDs cited repeat as rarely as the fired rules do
        cited = steps.union(raised, signals, gaps)
        try:
            ids = tuple(sorted(cited, key=self.rank.__getitem__))
        except KeyError:  # an ID outside the catalogue's: sorted as every other sort does
            ids = _sorted(cited)
        return Summary(outcome, level, score, ids)

    def _step_ids(self, outcome: Any, asked: tuple, before: tuple, cannot: tuple) -> frozenset:
        """The IDs of Judgement.plan_needs(outcome): the steps asked for and the outcome's own,
        a hiring plan's preconditions among them, each only where the outcome allows it, none
        that cannot happen here."""
        settings: Any = self.pack.settings
        needed = set(asked) | set(settings.outcome_requires.get(outcome, ()) if outcome else ())
        first = set(before)
        if outcome not in _APPOINTING:
            needed |= first
            first = set()
        allowed = settings.outcome_allows.get(outcome) if outcome else None
        if allowed is not None:
            needed &= set(allowed)
        return frozenset((needed | first) - set(cannot))

    def _level(self, score: int, at_least: int = 0) -> str:
        """The band of ``score``, at least the level ranked ``at_least`` (risk_at_least)."""
        level = "low"
        for name, floor in self.shared.risk_bands:
            if score >= floor:
                level = name
        return level if SEVERITY_ORDER.index(level) >= at_least else SEVERITY_ORDER[at_least]

    def _remember(self, key: tuple, made):
        if len(self.parts) >= self.KEPT:
            self.parts.clear()
        self.parts[key] = made
        return made


def _any_of(bits) -> int:
    """The bits of any of ``bits`` (an OR: a rule's bit counted once, however often it comes)."""
    found = 0
    for bit in bits:
        found |= bit
    return found


def _sorted(ids) -> tuple[str, ...]:
    return tuple(sorted(ids, key=id_key))
