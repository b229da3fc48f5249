"""Impact of changing packs: which rules differ, and what that does to cases.

Every case is evaluated under both packs by the real engine, building only
what the impact reports (outcome, risk, cited IDs: rules/authoring/diff_cases.py).
Cases stream through: only the cases that change are kept, so memory does not
grow with the number of cases.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from leadfit.errors import InputError, Problem
from leadfit.forms import conditions
from leadfit.rules.authoring.diff_boundaries import Generated, boundary_cases
from leadfit.rules.authoring.diff_cases import evaluate_all
from leadfit.rules.authoring.rule_words import Detail, rule_details
from leadfit.rules.model.pack import Pack
from leadfit.rules.model.parameters import names_in
from leadfit.rules.runtime.merged import id_key
from leadfit.rules.runtime.summary import Summary
from leadfit.words import outcome_short_words


@dataclass(frozen=True)
class RuleChange:
    id: str
    kind: str  # added | removed | changed
    keys: tuple[str, ...] = ()
    layers: tuple[str, str] = ("", "")
    details: tuple[Detail, ...] = ()  # before and after in plain words, per key
    moved_by: str = ""  # a rule of the same layer on both sides: the parameters that moved it

    def __str__(self) -> str:
        sign = {"added": "+", "removed": "-", "changed": "~"}[self.kind]
        detail = f" ({', '.join(self.keys)})" if self.keys else ""
        return f"{sign} {self.id}{detail}  [{self.where()}]"

    def where(self) -> str:
        """Where the rule comes from on each side; the same layer on both is said in words
        ('default@2.1 -> default@2.1' read as if nothing had changed hands)."""
        if self.kind != "changed":
            return self.layers[1] or self.layers[0]
        if self.layers[0] != self.layers[1]:
            return " -> ".join(x for x in self.layers if x)
        if self.moved_by:
            return f"{self.layers[0]} rule, moved by {self.moved_by}"
        return f"{self.layers[0]} rule on both sides, changed under the same name and version"


@dataclass(frozen=True)
class CaseInput:
    """A case to compare: its answers, or (read by the worker) the case file."""

    name: str
    source: str
    answers: dict | None = None
    path: str | None = None
    varied: tuple = ()  # a generated boundary case: (question, value) it sets

    @property
    def work(self):
        return self.answers if self.answers is not None else self.path


@dataclass(frozen=True)
class CaseDiff:
    case: CaseInput
    a: Summary
    b: Summary

    @property
    def outcome_changed(self) -> bool:
        return self.a.outcome != self.b.outcome

    @property
    def risk_changed(self) -> bool:
        return (self.a.risk, self.a.score) != (self.b.risk, self.b.score)

    @property
    def ids_added(self) -> list[str]:
        return sorted(set(self.b.ids) - set(self.a.ids), key=id_key)

    @property
    def ids_removed(self) -> list[str]:
        return sorted(set(self.a.ids) - set(self.b.ids), key=id_key)

    @property
    def ids_changed(self) -> bool:
        return self.a.ids != self.b.ids and set(self.a.ids) != set(self.b.ids)  # in ID order: equal, the same

    @property
    def changed(self) -> bool:
        return self.outcome_changed or self.risk_changed or self.ids_changed


@dataclass
class Impact:
    """Counts over every case compared; the cases themselves only where something changes."""

    a: str
    b: str
    rules: list[RuleChange]
    settings: list[str]
    changed: list[CaseDiff] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)
    compared: int = 0
    risk_changes: int = 0
    id_changes: int = 0
    generated: Generated | None = None  # the boundary cases among those compared
    def add(self, diff: CaseDiff) -> None:
        self.compared += 1
        if diff.a == diff.b:  # the same outcome, risk and IDs: most cases, counted at once
            return
        self.risk_changes += diff.risk_changed
        self.id_changes += diff.ids_changed
        if diff.changed:
            self.changed.append(diff)

    def outcome_moves(self) -> Counter:
        """(outcome in A, outcome in B) -> cases, by the packs' codes (None: no outcome)."""
        return _moves(self.changed)

    def totals(self, own_cases: bool = False) -> list[str]:
        """The counts of every case compared. ``own_cases`` (pack diff --cases DIR): the
        consultant's case files headline, and the generated boundary cases follow on a line of
        their own: summed together, hundreds of generated cases drowned the client's few."""
        n_made = len(self.generated.cases) if self.generated else 0
        if not own_cases or not n_made:
            return _counts(self.changed, self.compared)
        given = [c for c in self.changed if not c.case.varied]
        made = [c for c in self.changed if c.case.varied]
        moves = _moves(made)
        how = f" ({_moves_words(moves)})" if moves else ""
        return _counts(given, self.compared - n_made) + [
            f"Of the {n_made} generated cases: {sum(moves.values())} change outcome{how},"
            f" {sum(c.risk_changed for c in made)} change risk, {sum(c.ids_changed for c in made)} change IDs"]

    def generated_words(self) -> list[str]:
        """How many boundary cases were compared, from how many scenarios, and why."""
        g = self.generated
        if g is None or not g.moved:
            return []
        head = (f"Generated: {len(g.cases)} cases from {g.bases} scenarios, each with one answer set"
                " on both sides of a threshold the packs set differently:")
        return [head] + [f"  {m}" for m in g.moved] + ["By the answer they set (--json lists each case):"]

    def generated_rows(self) -> list[tuple[str, int, int, Counter]]:
        """Per moved answer tried: (question and value, cases, cases that change, outcome moves)."""
        g = self.generated
        if g is None:
            return []
        tried = Counter((c.question, c.value) for c in g.cases)
        changed = Counter(c.case.varied for c in self.changed if c.case.varied)
        moves: dict[tuple, Counter] = {}
        for c in self.changed:
            if c.case.varied and c.outcome_changed:
                moves.setdefault(c.case.varied, Counter())[(c.a.outcome, c.b.outcome)] += 1
        return [(f"{m.title}: {m.said(v)}", tried[(m.question, v)], changed[(m.question, v)],
                 moves.get((m.question, v), Counter()))
                for m in g.moved for v in m.tried if tried[(m.question, v)]]

    def generated_data(self) -> dict:
        g = self.generated
        if g is None:
            return {"cases": 0, "from_scenarios": 0, "moved": []}
        return {"cases": len(g.cases), "from_scenarios": g.bases,
                "moved": [{"question": m.question, "values": [str(v) for v in m.tried], "why": m.why}
                          for m in g.moved]}

    def to_data(self, own_cases: bool = False) -> dict:
        return {
            "a": self.a, "b": self.b,
            "rules": [{"id": r.id, "change": r.kind, "keys": list(r.keys), "layers": list(r.layers),
                       "moved_by": r.moved_by,
                       "changes": [d.to_data() for d in r.details]}
                      for r in self.rules],
            "settings": self.settings,
            "cases": self.compared,
            "generated": self.generated_data(),
            "invalid": self.invalid,
            "outcome_changes": [{"from": shown(a), "to": shown(b), "cases": k}
                                for (a, b), k in sorted(self.outcome_moves().items(), key=lambda kv: _order(kv[0]))],
            "risk_changes": self.risk_changes,
            "id_changes": self.id_changes,
            "changed": [{"case": c.case.name, "source": c.case.source,
                         "outcome": [c.a.outcome, c.b.outcome],
                         "risk": [f"{c.a.risk} ({c.a.score})", f"{c.b.risk} ({c.b.score})"],
                         "ids_added": c.ids_added, "ids_removed": c.ids_removed}
                        for c in self.changed],
            "totals": self.totals(own_cases),
        }


def _moves(changed: list[CaseDiff]) -> Counter:
    return Counter((c.a.outcome, c.b.outcome) for c in changed if c.outcome_changed)


def _moves_words(moves: Counter) -> str:
    """'2 Coach -> Hire, 1 Appoint -> Coach': the most frequent first."""
    return ", ".join(f"{k} {move_words(a, b)}" for (a, b), k in
                     sorted(moves.items(), key=lambda kv: (-kv[1], _order(kv[0]))))


def _counts(changed: list[CaseDiff], n: int) -> list[str]:
    """'3 of 40 cases change outcome: 2 Coach -> Hire, ...', then risk and IDs."""
    moves = _moves(changed)
    of = f"of {n} case changes" if n == 1 else f"of {n} cases change"
    line = f"{sum(moves.values())} {of} outcome" + (f": {_moves_words(moves)}" if moves else "")
    return [line, f"{sum(c.risk_changed for c in changed)} {of} risk",
            f"{sum(c.ids_changed for c in changed)} {of} IDs"]


def rule_changes(a: Pack, b: Pack) -> list[RuleChange]:
    old = {r.id: r for r in a.rules}
    new = {r.id: r for r in b.rules}
    out = [RuleChange(i, "removed", layers=(old[i].layer, "")) for i in old if i not in new]
    for i, rule in new.items():
        if i not in old:
            out.append(RuleChange(i, "added", layers=("", rule.layer)))
            continue
        details = rule_details(old[i], rule, a.questionnaire, b.questionnaire)
        if details:
            out.append(RuleChange(i, "changed", tuple(d.key for d in details),
                                  (old[i].layer, rule.layer), details, _moved_by(rule, a, b)))
    return out


def _moved_by(rule, a: Pack, b: Pack) -> str:
    """"acme@0.1's p1_met_years (3 -> 5)": the parameters the rule reads that differ."""
    x, y = a.settings.parameters, b.settings.parameters
    moved = [f"{n} ({x.get(n, 'not set')} -> {y.get(n, 'not set')})"
             for n in sorted(names_in(rule.raw_when)) if x.get(n) != y.get(n)]
    return f"{b.label}'s " + ", ".join(moved) if moved else ""


def side_names(a: Pack, b: Pack) -> tuple[str, str]:
    """Each pack as a reader tells them apart: its label and fingerprint, and where it
    was read from when both have the same label."""
    names = [f"{p.label} ({p.fingerprint[:12]})" for p in (a, b)]
    if a.label == b.label:
        names = [f"{n}, from {p.folder}" for n, p in zip(names, (a, b))]
    return names[0], names[1]


def settings_changes(a: Pack, b: Pack) -> list[str]:
    """Plain words for what differs outside the rules."""
    out = []
    keep = ("outcomes", "fallback", "severities", "risk_bands", "risk_outcomes", "outcome_requires",
            "outcome_allows", "unknowns_risk", "titles_if_unavailable", "compounding_leaves_out",
            "finding_titles", "title_if_depends", "words_version", "titles_if_preconditions",
            "step_words_if", "titles_if_fallback", "unknowns_version", "risk_at_least")
    for key in keep:
        x, y = getattr(a.settings, key, None), getattr(b.settings, key, None)
        if x != y:
            out.append(f"{key}: {x} -> {y}")
    out += parameter_changes(a.settings.parameters, b.settings.parameters)
    for qid, q in b.questionnaire.questions.items():
        old = a.questionnaire.questions.get(qid)
        if old is not None and old.ask_if != q.ask_if:
            out.append(f"question {qid} asked: {_asked(old, b.questionnaire)} -> {_asked(q, b.questionnaire)}")
    for item_id, entry in b.catalogue.entries.items():
        was = a.catalogue.entries.get(item_id)
        if was is not None and (was.title, was.meaning) != (entry.title, entry.meaning):
            out.append(f"wording of {item_id}: '{was.title}' -> '{entry.title}'")
    return out


def parameter_changes(old: dict, new: dict) -> list[str]:
    """One line per threshold set, changed or dropped: 'parameter p1_met_years: 3 -> 5'."""
    return [f"parameter {name}: {old.get(name, 'not set')} -> {new.get(name, 'not set')}"
            for name in dict.fromkeys([*old, *new]) if old.get(name) != new.get(name)]


def _asked(q, questionnaire) -> str:
    if q.ask_if is None:
        return "always"
    if isinstance(q.ask_if, conditions.Never):
        return "never"
    return "when " + questionnaire.describe(q.ask_if)


def scenario_cases(*packs: Pack) -> list[CaseInput]:
    """Both packs' scenarios, once each (same name and answers counted once).

    Answers carry forward to a later questionnaire (forms/migrate.py), never back:
    a pack's scenarios written for a later questionnaire than the first pack's are left out.
    """
    seen: set = set()
    out = []
    first = packs[0].questionnaire.version if packs else 0
    for pack in packs:
        if pack.questionnaire.version > first:
            continue
        for s in pack.scenarios:
            key = (s.name, repr(sorted(s.answers.items(), key=str)))
            if key not in seen:
                seen.add(key)
                out.append(CaseInput(s.name, f"{s.file}:{s.line}", s.answers))
    return out


def folder_cases(folder: Path) -> list[CaseInput]:
    """Every *.yaml case file in ``folder``, read later (by the workers, in parallel).

    A file that cannot be read is named in the result's ``invalid`` list.
    """
    if not folder.is_dir():
        raise InputError([Problem("not a folder of case files", str(folder))])
    with os.scandir(folder) as entries:  # names and kinds in one read: no Path, no stat, per file
        files = sorted(((os.path.normcase(e.name), e.name, e.path) for e in entries
                        if os.path.splitext(e.name)[1] in (".yaml", ".yml") and e.is_file()))
    if not files:
        raise InputError([Problem("no case files (*.yaml) in this folder", str(folder))])
    return [CaseInput(os.path.splitext(name)[0], path, path=path) for _, name, path in files]


def with_boundaries(a: Pack, b: Pack, cases: list[CaseInput]) -> tuple[list[CaseInput], Generated]:
    """``cases`` and the cases generated on both sides of every threshold the packs set
    differently, from both packs' scenarios (rules/authoring/diff_boundaries.py)."""
    bases = [(c.name, c.source, c.answers) for c in scenario_cases(a, b) if c.answers is not None]
    generated = boundary_cases(a, b, bases)
    return cases + [CaseInput(g.name, g.source, g.answers, varied=(g.question, g.value))
                    for g in generated.cases], generated


def impact(a: Pack, b: Pack, cases: list[CaseInput], progress: Callable[[int, int], None] | None = None,
           workers: int | None = None, generated: Generated | None = None) -> Impact:
    """Rule changes, then every case under both packs (streamed: see the module's note);
    ``generated``: which of the cases are boundary cases, said in the result."""
    result = Impact(a.label, b.label, rule_changes(a, b), settings_changes(a, b), generated=generated)
    for case, pair in zip(cases, evaluate_all(a, b, [c.work for c in cases], progress, workers)):
        if isinstance(pair, str):
            result.invalid.append(pair if case.path else f"{case.source}: {case.name}: {pair}")
        else:
            result.add(CaseDiff(case, *pair))
    return result


def shown(outcome: str | None) -> str:
    """An outcome's code as --json gives it ("none": no recommendation)."""
    return outcome or "none"


def move_words(a: str | None, b: str | None) -> str:
    """'Coach -> Hire': a move between outcomes in words, never the packs' codes."""
    return f"{outcome_short_words(a)} -> {outcome_short_words(b)}"


def _order(move: tuple) -> tuple:
    """Outcome pairs in a stable order, no outcome (None) first."""
    return tuple(shown(o) for o in move)
