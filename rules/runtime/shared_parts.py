"""What every assessment under one pack has in common, worked out once per pack.

rules/runtime/assess.py builds each assessment from these parts: they are frozen
models, so assessments share them, and none depends on more than the pack and
(for a cause) one answer.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from datetime import date
from typing import Any

from leadfit.forms.conditions import questions_in
from leadfit.rules.model.assessment import Cause, EngineRef, PackRef, ReadinessItem, Risk, built
from leadfit.rules.model.pack import Pack, Rule
from leadfit.rules.runtime.merged import id_key
from leadfit.rules.runtime.plan_steps import step_askers


class SharedParts:
    """What every assessment under one pack has in common, worked out once per pack:
    the pack's and engine's references, readiness no rule marked, each rule's
    'outranks' reason, and each answer's cause. All are frozen models, so
    assessments can share them."""

    CAUSES = 4096  # answers remembered; text answers are unbounded, so the memory is not
    MEMO = 4096  # entries per kind of memo: the sets of rules that fire together are many

    def __init__(self, pack: Pack):
        self.pack = pack
        self.pack_ref = built(PackRef, name=pack.name, version=pack.version,
                              fingerprint=pack.fingerprint, layers=list(pack.layers))
        cat = pack.catalogue
        self.unmarked_readiness = {p: built(ReadinessItem, id=p, title=cat.title(p), status="unknown",
                                            rules=[]) for p in cat.ids("readiness")}
        self._engines: dict[tuple[str, str], EngineRef] = {}
        self._risks: dict[tuple[str, int], Risk] = {}  # the scores are few: a sum of weights
        self._outranks: dict[str, str] = {}
        self._causes: dict[tuple[str, type, Any], Cause] = {}
        # The memo tables by kind, for a caller that looks up before it makes (no closure per
        # lookup): read one with ``get``, fill it with ``remember``.
        self.tables: dict[str, dict] = _Tables()
        # A bit per rule, in pack order: the fired rules of one action word as one int, the key
        # of the parts those rules alone fix (readiness, signals, a plan...).
        self.bits: dict[str, int] = {rule.id: 1 << i for i, rule in enumerate(pack.rules)}
        # Each action word's (bit, (rule, value)) in pack order, and its rules as bits
        # (``_Builder.masks``: the fired ones, one AND a word): a word's actions of the fired
        # rules are read off its own list, never a scan of every fired rule's actions.
        self.word_actions: dict[str, tuple[tuple[int, tuple[Rule, Any]], ...]] = _word_actions(
            pack.rules, self.bits)
        self.word_bits: tuple[tuple[str, int], ...] = tuple(
            (word, _any_of(bit for bit, _ in said)) for word, said in self.word_actions.items())
        # Each rule's steps due before the appointment (a note resting on them: judgement.py).
        self.preconditions_of: dict[str, list[str]] = {
            rule.id: [a.value for a in rule.actions if a.word == "precondition"] for rule in pack.rules}
        # Each finding ID, the bits of the rules raising it and their (bit, (rule, value)): a
        # case's findings are found by one AND per ID, each made once per pack for the rules
        # raising it (merged.py).
        self.finding_bits: tuple[tuple[str, int, tuple], ...] = _finding_bits(pack.rules, self.bits)
        # Each outcome, strongest first, with the bits of the rules recommending it.
        self.recommending: tuple[tuple[str, int], ...] = tuple(
            (o, sum(self.bits[r.id] for r in pack.rules if any(
                a.word == "recommend" and a.value == o for a in r.actions)))
            for o in reversed(pack.settings.outcomes))
        # Every step ID rules or outcomes ask for, in ID order, with its askers as bits.
        self.steps = step_askers(pack, self.bits, id_key)
        # The rules whose steps read as done when they fire (``step_words_if``), as bits.
        self.reworded = sum(self.bits[r] for r in pack.settings.step_words_if if r in self.bits)
        self.order: list[str] = list(pack.settings.outcomes)  # mildest first
        self.outcome_requires: dict[str, list[str]] = {
            k: v for k, v in pack.settings.outcome_requires.items()}
        # Question ids the pack's conditions read: the rest never reach the engine.
        self.read = frozenset(q for r in pack.rules for q in questions_in(r.condition))
        self.rules: tuple[Rule, ...] = tuple(pack.rules)
        self.position: dict[str, int] = {rule.id: i for i, rule in enumerate(pack.rules)}
        self.bit_at: tuple[int, ...] = tuple(1 << i for i in range(len(self.rules)))
        self._why_not_words(pack)
        bands = sorted(pack.settings.risk_bands.items(), key=lambda kv: kv[1])
        self.risk_bands: tuple[tuple[str, int], ...] = tuple(bands)  # lowest floor first
        self.weights: dict[str, int] = {k: v for k, v in pack.settings.severities.items()}
        # severity -> the band a finding of it lifts the level to at least (risk_at_least, 2.9)
        self.level_at_least: dict[str, str] = dict(getattr(pack.settings, "risk_at_least", None) or {})
        self.left_out = frozenset(pack.settings.compounding_leaves_out)  # of the compounding risk

    def _why_not_words(self, pack: Pack) -> None:
        """What 'why not' says of each outcome, as (bit, words) of every rule action saying it,
        in pack order (the fired ones are read off by one AND each): ``outranking`` a milder
        outcome (a rule recommending a stronger one), ``ruled_out`` (a rule saying it cannot
        happen here), and ``not_recommended`` when no fired rule says anything of it."""
        rank = {o: i for i, o in enumerate(self.order)}
        recommends = [(self.bits[r.id], r, a.value) for r in pack.rules for a in r.actions
                      if a.word == "recommend" and a.value in rank]
        self.outranking: dict[str, tuple[tuple[int, str], ...]] = {
            o: tuple((bit, self.outranks(r)) for bit, r, v in recommends if rank[v] > rank[o])
            for o in self.order}
        self.ruled_out: dict[str, tuple[tuple[int, str], ...]] = {
            o: tuple((self.bits[r.id], f"Not possible here: {r.summary} ({r.id})")
                     for r in pack.rules for a in r.actions if a.word == "unavailable" and a.value == o)
            for o in self.order}
        needs = pack.recommending
        self.not_recommended: dict[str, str] = {
            o: (f"No rule recommending it matched. It would need one of: {'; '.join(needs[o])}"
                if needs.get(o) else "No rule in the pack recommends it.") for o in self.order}

    def in_pack_order(self, fired_ids) -> tuple[list[Rule], int]:
        """The fired rules, each once, in pack order (a matcher may give them in any order),
        and their bits as one int (``_Builder.mask``)."""
        positions = sorted(set(map(self.position.__getitem__, fired_ids)))  # ints sort fast
        return list(map(self.rules.__getitem__, positions)), sum(map(self.bit_at.__getitem__, positions))

    def strongest(self, fired: int) -> str | None:
        """The strongest outcome the ``fired`` rules (as bits) recommend, or None."""
        for outcome, recommending in self.recommending:
            if fired & recommending:
                return outcome
        return None

    def memo(self, kind: str, key: Any, make: Callable[[], Any]) -> Any:
        """What ``make()`` gives for ``key``, made once per pack (``kind`` names the table).

        For the parts of an assessment fixed by which rules fired (a finding's words, a
        plan, the readiness list): ``make`` must depend on nothing else, and what it
        gives is shared, so it must be immutable (a tuple of frozen models) or copied
        by the caller."""
        table = self.tables[kind]
        found = table.get(key)
        if found is None:
            found = self.remember(table, key, make())
        return found

    def remember(self, table: dict, key: Any, made: Any) -> Any:
        if len(table) >= self.MEMO:
            table.clear()
        table[key] = made
        return made

    def risk(self, level: str, score: int) -> Risk:
        found = self._risks.get((level, score))
        if found is None:
            found = self._risks[(level, score)] = built(Risk, level=level, score=score)
        return found

    def engine_ref(self, name: str, version: str) -> EngineRef:
        ref = self._engines.get((name, version))
        if ref is None:
            ref = self._engines[(name, version)] = built(EngineRef, name=name, version=version)
        return ref

    def outranks(self, rule: Rule) -> str:
        said = self._outranks.get(rule.id)
        if said is None:
            cat = self.pack.catalogue
            cited = ", ".join(f"{i} {cat.title(i)}" for i in rule.cites() if i[0] in "FP")
            said = self._outranks[rule.id] = f"{rule.summary} ({rule.id}{'; ' + cited if cited else ''})"
        return said

    def cause(self, question_id: str, value: Any) -> Cause:
        key = (question_id, type(value), value)  # with its type, as True == 1 in a dict key
        found = self._causes.get(key)
        if found is None:
            q = self.pack.questionnaire.questions[question_id]
            found = built(Cause, question=question_id, title=q.title, answer=_shown(value, q))
            if len(self._causes) >= self.CAUSES:
                self._causes.clear()
            self._causes[key] = found
        return found


def _word_actions(rules, bits: dict[str, int]) -> dict[str, tuple]:
    words: dict[str, list] = {}
    for rule in rules:
        for action in rule.actions:
            words.setdefault(action.word, []).append((bits[rule.id], (rule, action.value)))
    return {word: tuple(said) for word, said in words.items()}


def _any_of(bits) -> int:
    """The bits OR-ed: a rule saying a word twice has one bit in it."""
    found = 0
    for bit in bits:
        found |= bit
    return found


def _finding_bits(rules, bits: dict[str, int]) -> tuple[tuple[str, int, tuple], ...]:
    found: dict[str, tuple[int, list]] = {}
    for rule in rules:
        bit = bits[rule.id]
        for action in rule.actions:
            if action.word == "finding":
                of_id, raised = found.get(action.value["id"], (0, []))
                raised.append((bit, (rule, action.value)))
                found[action.value["id"]] = (of_id | bit, raised)
    return tuple((fid, of_id, tuple(raised)) for fid, (of_id, raised) in found.items())


class _Tables(dict):
    def __missing__(self, kind: str) -> dict:
        table = self[kind] = {}
        return table


_SHARED: dict[int, tuple[Any, SharedParts]] = {}


def shared_parts(pack: Pack) -> SharedParts:
    """The pack's SharedParts, made on its first assessment (keyed on the pack object itself:
    two packs with one fingerprint may still differ in name, version or words)."""
    entry = _SHARED.get(id(pack))
    if entry is None or entry[0]() is not pack:
        if len(_SHARED) > 64:
            _SHARED.clear()
        entry = _SHARED[id(pack)] = (weakref.ref(pack), SharedParts(pack))
    return entry[1]


def _shown(value: Any, question) -> Any:
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    if question.type == "choice":
        return question.options.get(value, value)
    if question.type == "yes_no":
        return "yes" if value else "no"
    return value
