"""Evaluate a case against a pack: the engine says which rules match, this
module turns those rules' actions into an explained Assessment.

Outcome: the strongest outcome any matching rule recommends (pack order is
mildest first). If that outcome is unavailable here (e.g. the organisation
cannot hire), the pack's fallback is taken, the constraint is stated and the
risk is raised to at least high. Missing required answers give no outcome.
"""

from __future__ import annotations

from itertools import repeat

from leadfit.forms import conditions
from leadfit.forms.case import Case, relevant_from
from leadfit.forms.case import missing as missing_ids
from leadfit.rules.model.assessment import (
    Assessment,
    Cause,
    EngineRef,
    Finding,
    MissingAnswer,
    Mitigation,
    PackRef,
    ReadinessItem,
    Risk,
    Signal,
    built,
)
from leadfit.rules.model.pack import Pack, Rule
from leadfit.rules.runtime.judgement import Judgement
from leadfit.rules.runtime.matching import Matcher, engine_of_record
from leadfit.rules.runtime.merged import SEVERITY_ORDER, id_key
from leadfit.rules.runtime.shared_parts import SharedParts, shared_parts

_STATUS_ORDER = {"not_met": 0, "partial": 1, "met": 2}
_NONE: list = []  # no action of a word (never changed: callers only read what actions() gives)
_SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITY_ORDER)}


def evaluate(case: Case, pack: Pack, matcher: Matcher | None = None) -> Assessment:
    """The assessment of ``case`` under ``pack`` (deterministic: same input, same bytes).

    ``matcher`` finds the rules the answers meet; by default the engine of
    record, which decides every assessment a person sees or records. The
    assessment names the matcher that decided it. Answers "Not known" are
    explored (rules/runtime/unknowns.py): the recommendation is the most cautious
    outcome they allow, decided by ``matcher``.
    """
    assessment = evaluate_known(case, pack, matcher=matcher)
    if case.unknown and not assessment.missing:
        from leadfit.rules.runtime.unknowns import with_unknowns  # only cases with unknowns pay for it
        return with_unknowns(case, pack, assessment, decider=matcher)
    return assessment


def evaluate_known(case: Case, pack: Pack, extra: dict | None = None,
                   decided: tuple | None = None, certain: list | None = None,
                   fired_ids: list[str] | None = None, matcher: Matcher | None = None) -> Assessment:
    """The assessment of the known answers (unknowns absent) by ``matcher`` (default the
    engine of record), plus ``extra`` answers when given (one explored assignment).

    Models are built without validation (``built``, model_construct's fast path):
    every value comes from the checked pack and case, and validating again would
    double the cost.
    """
    return builder(case, pack, extra, decided, certain, fired_ids, matcher).build()


def builder(case: Case, pack: Pack, extra: dict | None = None, decided: tuple | None = None,
            certain: list | None = None, fired_ids: list[str] | None = None,
            matcher: Matcher | None = None) -> _Builder:
    """What evaluate_known builds from: the rules ``matcher`` fires on the known answers
    (rules/summary.py reads a case's outcome, risk and IDs off it without an Assessment)."""
    answers = relevant_from({**case.answers, **extra} if extra else case.answers, pack.questionnaire)
    engine = matcher if matcher is not None else engine_of_record()
    shared = shared_parts(pack)
    if fired_ids is None:  # given: the matcher's own answer for these answers, from before
        read = shared.read
        fact = {k: v for k, v in answers.items() if k in read}  # the engine copies the fact per action
        fired_ids = engine.evaluate(pack.fingerprint, ((r.id, r.condition) for r in pack.rules), fact)
    fired, mask = shared.in_pack_order(fired_ids)  # pack order, not engine order
    missing = missing_ids(case, pack.questionnaire)
    return _Builder(pack, answers, fired, missing, engine, decided, certain, shared, mask)


def decision_of(assessment: Assessment) -> tuple:
    """(outcome, constraints, forced) as evaluate_known takes them in ``decided``."""
    forced = any("would be advised" in c for c in assessment.constraints)  # not a plan's constraint
    return assessment.outcome, list(assessment.constraints), forced


def outcome_of(pack: Pack, answers: dict, fired_ids) -> str | None:
    """The outcome the pack gives when exactly ``fired_ids`` match ``answers`` (a complete
    case): the same decision evaluate() makes, for searches that match rules themselves."""
    fired = [r for r in pack.rules if r.id in fired_ids]
    return _Builder(pack, answers, fired, [], None).outcome()[0]


class _Builder:
    def __init__(self, pack: Pack, answers: dict, fired: list[Rule], missing: list[str],
                 engine: Matcher | None, decided: tuple | None = None, certain: list | None = None,
                 shared: SharedParts | None = None, mask: int | None = None):
        self.pack, self.answers, self.fired, self.missing = pack, answers, fired, missing
        self.engine = engine  # None only where no assessment is built (outcome alone)
        self.decided = decided  # (outcome, constraints, forced) worked out elsewhere
        self.certain = certain or []  # findings raised whatever the unknown answers are
        self.cat = pack.catalogue
        self.q = pack.questionnaire.questions
        self.shared = shared if shared is not None else shared_parts(pack)
        self.order: list[str] = self.shared.order  # shared: read, never changed
        self._by_word: dict[str, list] = {}  # each word's actions, made when first asked
        self.findings_parts: tuple | None = None  # merged.findings_parts, once asked
        self.masks: dict[str, int]
        self.mask: int
        self._index(mask)

    def actions(self, word: str) -> list:
        """(rule, value) of each fired rule's ``word`` actions, in pack order: read off the
        word's own actions by their rules' bits, once per word asked."""
        if word not in self.masks:  # no fired rule says it: nothing to collect
            return _NONE
        found = self._by_word.get(word)
        if found is None:
            mask = self.mask
            found = self._by_word[word] = [pair for bit, pair in self.shared.word_actions[word]
                                           if mask & bit]
        return found

    def _index(self, mask: int | None) -> None:
        """The fired rules as one int, a bit per rule (``mask``, SharedParts.bits; given when the
        caller has it), and each word's fired rules (``masks``): what keys the parts of the
        assessment the rules of one word alone fix. One AND per word: a case whose parts are
        remembered reads no action."""
        if mask is None:
            bits = self.shared.bits
            mask = 0
            for rule in self.fired:
                mask |= bits[rule.id]
        self.mask = mask
        self.masks = {word: fired for word, of_word in self.shared.word_bits if (fired := mask & of_word)}

    def build(self) -> Assessment:
        if self.pack.settings.semantics >= 2:
            return Judgement(self).build()
        findings = self.findings()
        outcome, constraints, forced = self.decided or self.outcome()
        risk = self.risk(findings, forced)
        return built(
            Assessment,
            outcome=outcome,
            outcome_title=self.cat.title(outcome) if outcome else None,
            risk=risk,
            findings=findings,
            mitigations=self.mitigations(outcome),
            readiness=self.readiness(),
            signals=self.signals(),
            missing=self.missing_answers(),
            why_not=self.why_not(outcome),
            constraints=constraints,
            notes=self.notes(outcome),
            rules_fired=[r.id for r in self.fired],
            pack=self.pack_ref(),
            engine=self.engine_ref(),
        )

    def missing_answers(self) -> list[MissingAnswer]:
        return [built(MissingAnswer, question=m, title=self.q[m].title, section=self.q[m].section)
                for m in self.missing]

    def pack_ref(self) -> PackRef:
        return self.shared.pack_ref

    def engine_ref(self) -> EngineRef:
        decider = self.engine if self.engine is not None else engine_of_record()
        return self.shared.engine_ref(decider.name, decider.version)

    def causes(self, rule: Rule, named: list[str] | None = None) -> list[Cause]:
        return [self.cause(i) for i in self.cause_ids(rule, named)]

    def cause_ids(self, rule: Rule, named: list[str] | None = None) -> list[str]:
        return named or _rule_questions(self.pack.fingerprint, rule)

    def cause(self, question_id: str) -> Cause:
        return self.shared.cause(question_id, self.answers.get(question_id))

    def findings(self) -> list[Finding]:
        out = []
        for rule, value in self.actions("finding"):
            out.append(built(Finding, id=value["id"], title=self.cat.title(value["id"]),
                               severity=value["severity"], rule=rule.id, layer=rule.layer,
                               summary=rule.summary, because=self.causes(rule, value["because"])))
        out += [f for f in self.certain if f.id not in {o.id for o in out}]
        return sorted(out, key=lambda f: (-SEVERITY_ORDER.index(f.severity), id_key(f.id), f.rule))

    def outcome(self) -> tuple[str | None, list[str], bool]:
        if self.pack.settings.semantics >= 2:  # the risk, preconditions... (rules/runtime/judgement.py)
            return Judgement(self).decide()
        if self.missing:
            return None, [], False
        recommended = {v for _, v in self.actions("recommend")}
        if not recommended:
            return None, [], False
        unavailable = {v: r for r, v in self.actions("unavailable")}
        strongest = max(recommended, key=self.order.index)
        if strongest not in unavailable:
            return strongest, [], False
        fallback = self.pack.settings.fallback
        rule = unavailable[strongest]
        # words a person reads (window, PDF); the rule's id stays in rules_fired for audit
        constraint = (f"{self.cat.title(strongest)} would be advised, but it is not possible here:"
                      f" {rule.summary} {self.cat.title(fallback)} is advised instead,"
                      " at higher risk.")
        return fallback, [constraint], True

    def score(self, findings: list[Finding]) -> tuple[int, str]:
        """Score and risk band; one finding ID counts once, at its worst severity."""
        return self.score_of(worst_severities((f.id, f.severity) for f in findings))

    def score_of(self, worst: dict[str, str]) -> tuple[int, str]:
        """Score and risk band of each finding ID's worst severity."""
        weights = self.shared.weights
        score = sum(map(weights.get, worst.values(), repeat(0)))  # weights.get(s, 0) of each
        level = "low"
        for name, floor in self.shared.risk_bands:
            if score >= floor:
                level = name
        at_least = self.shared.level_at_least
        if at_least:  # one finding of that severity lifts the level, whatever the score (2.9)
            for severity in worst.values():
                lifted = at_least.get(severity)
                if lifted is not None and SEVERITY_ORDER.index(lifted) > SEVERITY_ORDER.index(level):
                    level = lifted
        return score, level

    def risk(self, findings: list[Finding], forced: bool) -> Risk:
        score, level = self.score(findings)
        if forced and SEVERITY_ORDER.index(level) < SEVERITY_ORDER.index("high"):
            level = "high"
        return built(Risk, level=level, score=score)

    def mitigations(self, outcome: str | None) -> list[Mitigation]:
        return self.as_mitigations(self.needed("mitigation", outcome))

    def needed(self, word: str, outcome: str | None) -> dict[str, dict[str, Rule | None]]:
        """Mitigation id -> who asks for it, in order: rule id -> the fired rule whose ``word``
        action names it, then ``outcome_requires.<outcome>`` -> None for the outcome's
        ``outcome_requires``. as_mitigations says it in words."""
        needs: dict[str, dict[str, Rule | None]] = {}
        for rule, m in self.actions(word):
            askers = needs.get(m)
            if askers is None:
                askers = needs[m] = {}
            askers[rule.id] = rule
        if outcome is not None:
            for m in self.shared.outcome_requires.get(outcome, ()):
                needs.setdefault(m, {})[f"outcome_requires.{outcome}"] = None
        return needs

    def as_mitigations(self, needs: dict, meanings: dict | None = None,
                       headline: str | None = None) -> list[Mitigation]:
        """The steps ``needs`` names, in ID order; each made once per pack for the same askers.
        ``headline``: the outcome as the headline calls it, for the steps it requires."""
        meanings = meanings or {}
        shared = self.shared
        steps, out = shared.tables["step"], []
        for m, askers in sorted(needs.items(), key=_step_order):
            meaning = meanings.get(m)
            key = (m, meaning, headline, *askers)
            step = steps.get(key)
            if step is None:
                step = shared.remember(steps, key, self._mitigation(m, askers, meaning, headline))
            out.append(step)
        return out

    def _mitigation(self, m: str, askers: dict[str, Rule | None], meaning: str | None,
                    headline: str | None = None) -> Mitigation:
        layers: list[str] = []
        because: list[str] = []
        for asker, rule in askers.items():
            if rule is not None:
                _add(layers, rule.layer)
                _add(because, rule.summary)
            else:  # the outcome's own requirement
                outcome = asker.removeprefix("outcome_requires.")
                _add(layers, self.pack.label)
                _add(because, f"Every '{headline or self.cat.title(outcome)}' decision requires it.")
        return built(Mitigation, id=m, title=self.cat.title(m),
                     meaning=meaning if meaning is not None else self.cat.entries[m].meaning,
                     rules=list(askers), layers=layers, because=because)

    def readiness_marks(self) -> dict[str, tuple[str, list[str]]]:
        """Readiness ID -> (its worst status, the rules marking it), for the IDs rules mark."""
        marks: dict[str, tuple[str, list[str]]] = {}
        for rule, value in self.actions("readiness"):
            for pid, status in value.items():
                old, rules = marks.get(pid, ("met", []))
                worst = min(old, status, key=_STATUS_ORDER.__getitem__) if rules else status
                marks[pid] = (worst, rules + [rule.id])
        return marks

    def readiness(self) -> list[ReadinessItem]:
        """Every readiness ID; the list is made once per pack for the rules marking readiness."""
        table, key = self.shared.tables["readiness list"], self.masks.get("readiness", 0)
        found = table.get(key)
        if found is None:
            found = self.shared.remember(table, key, tuple(self._readiness()))
        return list(found)

    def _readiness(self) -> list[ReadinessItem]:
        marks = self.readiness_marks()
        if not marks:
            return list(self.shared.unmarked_readiness.values())
        memo, title = self.shared.memo, self.cat.title
        return [memo("readiness", (p, *marks[p][1]), lambda: built(
                    ReadinessItem, id=p, title=title(p), status=marks[p][0], rules=marks[p][1]))
                if p in marks else item for p, item in self.shared.unmarked_readiness.items()]

    def signals(self) -> list[Signal]:
        return sorted((built(Signal, id=v, title=self.cat.title(v), rule=r.id, layer=r.layer,
                              because=self.causes(r)) for r, v in self.actions("signal")),
                      key=lambda s: (id_key(s.id), s.rule))

    def why_not(self, outcome: str | None) -> dict[str, list[str]]:
        if outcome is None:
            reason = ("Missing answers: " + ", ".join(self.q[m].title for m in self.missing)
                      if self.missing else "No rule in the pack recommends an outcome for these answers.")
            return {o: [reason] for o in self.order}
        rank = self.order.index(outcome)
        return {o: (self._outranked(o) if self.order.index(o) < rank else self._not_needed(o))
                for o in self.order if o != outcome}

    def _outranked(self, milder: str) -> list[str]:
        """Why ``milder`` was not advised: each fired rule recommending a stronger outcome."""
        mask = self.mask
        return [said for bit, said in self.shared.outranking[milder] if mask & bit] or [
            "A stronger outcome is required by the pack's constraints."]

    def _not_needed(self, stronger: str) -> list[str]:
        """Why ``stronger`` was not advised: the fired rules ruling it out, else what it needs."""
        mask = self.mask
        return [said for bit, said in self.shared.ruled_out[stronger] if mask & bit] or [
            self.shared.not_recommended[stronger]]

    def notes(self, outcome: str | None) -> list[str]:
        if outcome is None and not self.missing:
            return ["The rule pack recommends nothing for these answers; check the pack's coverage."]
        return []


_RULE_QUESTIONS: dict[tuple[str, str], list[str]] = {}


def _rule_questions(fingerprint: str, rule: Rule) -> list[str]:
    """A rule's questions, worked out once per pack (a fingerprint fixes every condition)."""
    key = (fingerprint, rule.id)
    if key not in _RULE_QUESTIONS:
        _RULE_QUESTIONS[key] = conditions.questions_in(rule.condition)
    return _RULE_QUESTIONS[key]


def worst_severities(found) -> dict[str, str]:
    """Finding ID -> its worst severity, over (id, severity) pairs."""
    worst: dict[str, str] = {}
    for fid, severity in found:
        was = worst.get(fid)
        if was is None or _SEVERITY_RANK[severity] > _SEVERITY_RANK[was]:
            worst[fid] = severity
    return worst


def _add(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)


def _step_order(item: tuple) -> tuple:
    return id_key(item[0])
