"""A pack in plain words: its rules grouped by catalogue ID.

``rules_by_id(pack)`` is the one view both the window (the active pack's
rules, read-only) and ``pack docs`` (the client PDF) show. Each rule sits
under every P, R, F or M ID it cites; a rule citing none (e.g. the one that
recommends appointing) sits under the outcome it recommends.
"""

from __future__ import annotations

from dataclasses import dataclass

from leadfit.errors import InputError
from leadfit.forms import conditions
from leadfit.forms.case import build_case
from leadfit.rules.model.pack import Pack, Rule
from leadfit.rules.model.parameters import compared_with
from leadfit.words import PARAMETER_WORDS, quoted

_ORDERED = ("integer", "percent", "date")


@dataclass(frozen=True)
class RuleView:
    id: str
    summary: str
    when: str                      # the condition in plain words
    thresholds: tuple[str, ...]    # its numeric limits, e.g. "Years managing ... is at least 3"
    then: tuple[str, ...]          # its actions in plain words
    layer: str                     # default@1.0, acme-bank@0.3 ...
    where: str                     # file:line
    scenarios: tuple[str, ...]     # scenarios of the pack in which it fires


@dataclass(frozen=True)
class IdGroup:
    id: str
    kind: str                      # readiness | signals | failures | mitigations | outcomes
    title: str
    meaning: str
    rules: tuple[RuleView, ...]


def rules_by_id(pack: Pack, with_scenarios: bool = True) -> list[IdGroup]:
    """Catalogue IDs in catalogue order, each with the rules that cite it."""
    fired = scenario_hits(pack) if with_scenarios else {}
    views = {r.id: rule_view(pack, r, fired.get(r.id, ())) for r in pack.rules}
    groups: dict[str, list[RuleView]] = {}
    for rule in pack.rules:
        for item in _group_ids(rule):
            groups.setdefault(item, [])
            if views[rule.id] not in groups[item]:
                groups[item].append(views[rule.id])
    cited = [IdGroup(e.id, e.kind, e.title, e.meaning, tuple(groups[e.id]))
             for e in pack.catalogue.entries.values() if e.id in groups]
    # a rule that only adds a note cites no idea: without this group the docs would omit it
    shown = {r.id for g in cited for r in g.rules}
    other = tuple(v for rule_id, v in views.items() if rule_id not in shown)
    if other:
        cited.append(IdGroup("other", "other", "Other rules",
                             "Rules that cite no idea of the article: each adds a note to the record.", other))
    return cited


def _group_ids(rule: Rule) -> list[str]:
    cited = list(dict.fromkeys(rule.cites()))
    if cited:
        return cited
    return [a.value for a in rule.actions if a.word in ("recommend", "unavailable")]


def rule_view(pack: Pack, rule: Rule, scenarios: tuple[str, ...] = ()) -> RuleView:
    return RuleView(rule.id, rule.summary, plain_condition(rule.condition, pack),
                    tuple(thresholds(rule.condition, pack)), tuple(action_words(pack, rule)),
                    rule.layer, f"{rule.file}:{rule.line}", scenarios)


def plain_condition(cond, pack: Pack) -> str:
    """The condition in words, with choice answers as the form shows them."""
    return _unwrap(pack.questionnaire.describe(cond))


def _unwrap(text: str) -> str:
    return text[1:-1] if text.startswith("(") and text.endswith(")") else text


def thresholds(cond, pack: Pack) -> list[str]:
    """Plain words for each numeric or date limit in a condition."""
    titles = pack.questionnaire.titles()
    out: list[str] = []
    if isinstance(cond, conditions.Group):
        for part in cond.parts:
            out += [t for t in thresholds(part, pack) if t not in out]
        return out
    question = pack.questionnaire.questions.get(getattr(cond, "question", ""))
    if isinstance(cond, conditions.Compare) and question is not None and question.type in _ORDERED:
        out.append(conditions.describe(cond, titles))
    return out


def parameter_words(name: str, pack: Pack) -> str:
    """A named threshold as a reader says it: the default pack's words, else the question
    the pack's rules compare with it ("A limit on “Years managing digital products”")."""
    if name in PARAMETER_WORDS:
        return PARAMETER_WORDS[name]
    titles = pack.questionnaire.titles()
    for rule in pack.rules:
        qid = next((q for n, q in compared_with(rule.raw_when) if n == name), None)
        if qid:
            return f"A limit on {quoted(titles.get(qid, qid))}"
    return "A limit no rule uses"


def action_words(pack: Pack, rule: Rule) -> list[str]:
    cat = pack.catalogue
    words = []
    for a in rule.actions:
        if a.word == "finding":
            words.append(f"Finding {a.value['id']} {cat.title(a.value['id'])} ({a.value['severity']})")
        elif a.word == "mitigation":
            words.append(f"Requires {a.value} {cat.title(a.value)}")
        elif a.word == "signal":
            words.append(f"Notes the context {a.value} {cat.title(a.value)}")
        elif a.word == "readiness":
            words += [f"Readiness {p} {cat.title(p)}: {s.replace('_', ' ')}" for p, s in a.value.items()]
        elif a.word == "recommend":
            words.append(f"Recommends: {cat.title(a.value)}")
        elif a.word == "unavailable":
            words.append(f"Rules out: {cat.title(a.value)}")
        elif a.word == "precondition":
            words.append(f"Requires before the appointment {a.value} {cat.title(a.value)}")
        elif a.word == "unverified":
            words.append("Marks as not yet verified: "
                         + ", ".join(f"{p} {cat.title(p)}" for p in a.value))
        elif a.word == "choice":
            words.append(f"An open choice of {cat.title(a.value)}: the risk does not raise the"
                         " outcome above it")
        elif a.word == "note":
            words.append(f"Adds the note: “{a.value}”")
    return words


def scenario_hits(pack: Pack) -> dict[str, tuple[str, ...]]:
    """Rule id -> names of the pack's scenarios in which the rule fires."""
    from leadfit.rules.runtime.assess import (
        evaluate,  # the engine starts only when asked for this
    )
    hits: dict[str, list[str]] = {}
    for s in pack.scenarios:
        try:
            case = build_case(s.answers, pack.questionnaire)
        except InputError:
            continue  # an invalid scenario illustrates nothing; pack test reports it
        for rule_id in evaluate(case, pack).rules_fired:
            hits.setdefault(rule_id, []).append(s.name)
    return {k: tuple(v) for k, v in hits.items()}


@dataclass(frozen=True)
class PackChanges:
    """What a client pack changes in the pack it extends, for the reader."""

    base: str
    disabled: tuple[str, ...]
    overridden: tuple[str, ...]
    added: tuple[str, ...]
    not_asked: tuple[str, ...]
    reworded: tuple[str, ...]
    thresholds: tuple[str, ...] = ()   # 'p1 met years 3 -> 5': parameters the client sets
    moved: tuple[str, ...] = ()        # base rules those thresholds move (not overridden)


def pack_changes(pack: Pack) -> PackChanges | None:
    s = pack.settings
    if not s.extends:
        return None
    added = tuple(r.id for r in pack.rules if r.layer == pack.label and r.id not in s.override)
    titles = pack.questionnaire.titles()
    not_asked = tuple(titles.get(q, q) for q, v in s.relevance.items() if v == "never")
    base = pack.base.settings.parameters if pack.base is not None else {}
    thresholds = tuple(f"{parameter_words(k, pack)}: {base.get(k, 'not set')} -> {v} ({k})"
                       for k, v in s.parameters.items() if base.get(k) != v)
    moved = tuple(r.id for r in pack.rules if pack.base is not None and r.layer != pack.label
                  and r.id not in s.override and _moved(pack.base, r))
    return PackChanges(s.extends, tuple(s.disable), tuple(s.override), added, not_asked,
                       tuple(f"{i} {pack.catalogue.title(i)}" for i in s.wording), thresholds, moved)


def _moved(base: Pack, rule) -> bool:
    was = next((r for r in base.rules if r.id == rule.id), None)
    return was is not None and was.condition != rule.condition
