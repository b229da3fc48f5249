"""Checks on a pack beyond what loading refuses.

Each finding of lint is a Problem with file and line, and a level:
'error' fails the lint, 'warning' is reported only.

- load problems (unknown keys and ids, with did-you-mean): errors;
- a rule that can never fire (contradictory conditions, values outside what
  the question allows, a question the pack never asks): error;
- conflicting recommendations. Two rules recommending different outcomes
  may match the same answers by design: the strongest outcome wins (pack
  order, mildest first). What lint reports is where that makes a rule's
  recommendation dead: whenever it matches, a stronger one matches too
  (warning), or two rules match exactly the same answers yet recommend
  different outcomes (error: one of them is always overruled);
- catalogue IDs no rule cites, outcomes no scenario expects: warnings;
- readiness left unknown: answers for which no rule marks a P ID that other
  answers do mark (rules/authoring/coverage.py): error, at the pack's own marking rule or
  relevance entry. A candidate with those answers is never assessed on what the article
  says a ready Product Director has, and nothing says so (a P1 "met" moved to 40 years
  while "partly met" still ends at 5 left 5 to 39 years unassessed, and such a candidate
  was appointed); the fix is always in the pack (move both sides, with a parameter);
- thresholds out of their order (near_dedicated_share below dedicated_share, the latest
  review before the first) or a deadline of 0 days (rules/model/parameters.py): error, at
  the line that sets it;
- a summary kept from the base over a changed 'when' that no longer reads a
  number the summary mentions (Three or more years, now ge 5): warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from leadfit.errors import PackError, Problem
from leadfit.forms import conditions
from leadfit.forms.conditions import Group
from leadfit.rules.authoring import coverage
from leadfit.rules.model.library import in_file_order, resolve_pack
from leadfit.rules.model.pack import Pack, Rule
from leadfit.rules.authoring.set_here import set_here, silenced
from leadfit.rules.runtime.satisfy import Analysis, TooComplex
from leadfit.words import outcome_short_words


@dataclass(frozen=True)
class LintItem:
    level: str  # error | warning
    problem: Problem

    def __str__(self) -> str:
        return f"{self.level}: {self.problem}"


def lint(pack: Pack) -> list[LintItem]:
    items: list[LintItem] = []
    for check in CHECKS:
        items += check(pack)
    return items


def lint_target(name_or_dir: str | Path) -> tuple[Pack | None, list[LintItem]]:
    """Load and lint; a pack that does not load gives its problems as lint errors."""
    try:
        pack = resolve_pack(name_or_dir)
    except PackError as exc:
        return None, [LintItem("error", p) for p in refusal_problems(exc)]
    return pack, lint(pack)


def load_or_name_every_problem(name_or_dir: str | Path | None) -> Pack:
    """The pack (None: the default), or a PackError naming what lint names of a pack that does
    not load (its refusal and the rules that can never fire): every command that loads a pack
    for a consultant (`pack test`, `pack docs`, `pack diff`, `evaluate --pack`) says what
    `pack lint` says, so mending one list is never followed by a second."""
    try:
        return resolve_pack(name_or_dir)
    except PackError as exc:
        every = PackError(refusal_problems(exc))
        every.salvaged = exc.salvaged
        raise every from None


def refusal_problems(exc: PackError) -> list[Problem]:
    """The refusal's problems, and the rules that can never fire among the parts of the pack
    that load (every mistake in one run: a contradiction is not kept back until a typo
    elsewhere is mended), none at a line already named, in the order of files and lines."""
    salvaged = exc.salvaged
    if not isinstance(salvaged, Pack):
        return exc.problems
    named = {(p.file, p.line) for p in exc.problems}
    found = [i.problem for i in never_fires(salvaged) if (i.problem.file, i.problem.line) not in named]
    return in_file_order(exc.problems + found, salvaged.folder) if found else exc.problems


def never_fires(pack: Pack) -> list[LintItem]:
    """A rule no answers can meet. Base rules that one parameter or relevance entry set here
    silences are named in one line at that setting (rules/authoring/set_here.py)."""
    analysis = Analysis(pack.questionnaire)
    items = []
    moved: dict[str, list] = {}  # setting made here -> (rule, conflicting question, where)
    for rule in pack.rules:
        try:
            if analysis.witness(rule.condition) is not None:
                continue
        except TooComplex:
            continue
        qid = analysis.conflict(rule.condition)
        name, where = set_here(pack, rule, qid)
        if name:
            moved.setdefault(name, []).append((rule, qid, where))
            continue
        why = _why(pack, qid)
        items.append(LintItem("error", Problem(
            f"rule '{rule.id}' can never fire: no answers meet"
            f" '{pack.questionnaire.describe(rule.condition)}'{why}", *where)))
    return items + [LintItem("error", silenced(pack, name, found, _why(pack, found[0][1])))
                    for name, found in moved.items()]


def _why(pack: Pack, qid: str | None) -> str:
    return f"; the conditions on {_allowed(pack, qid)} cannot all hold" if qid else ""


def _allowed(pack: Pack, qid: str) -> str:
    q = pack.questionnaire.questions.get(qid)
    if q is None:
        return f"'{qid}'"
    if q.type == "choice":
        what = "one of " + ", ".join(pack.questionnaire.value_words(q.id, o) for o in q.options)
    elif q.type in ("integer", "percent"):
        what = q.domain_words()
    else:
        what = q.type.replace("_", "/")
    asked = ""
    if q.ask_if is not None:
        asked = ", asked only when " + (_describe_ask(q, pack))
    return f"\u201c{q.title}\u201d ({what}{asked})"


def _describe_ask(q, pack: Pack) -> str:
    if isinstance(q.ask_if, conditions.Never):
        return "never (the pack makes it irrelevant)"
    return pack.questionnaire.describe(q.ask_if)


def recommendation(rule: Rule, order: list[str]) -> str | None:
    recs = [a.value for a in rule.actions if a.word == "recommend"]
    return max(recs, key=order.index) if recs else None


def conflicting_recommendations(pack: Pack) -> list[LintItem]:
    order: list[str] = list(pack.settings.outcomes)
    analysis = Analysis(pack.questionnaire)
    recs = {r.id: rec for r in pack.rules if (rec := recommendation(r, order))}
    rated = [r for r in pack.rules if r.id in recs]
    items = []
    for a in rated:
        stronger = [b for b in rated if order.index(recs[b.id]) > order.index(recs[a.id])]
        try:
            item = _shadow(pack, a, stronger, recs, analysis)
        except TooComplex:
            continue
        if item:
            items.append(item)
    return items


def _shadow(pack: Pack, a: Rule, stronger: list[Rule], recs: dict, analysis: Analysis) -> LintItem | None:
    both = [b for b in stronger
            if analysis.witness(Group("all", (a.condition, b.condition))) is not None]
    if not both:
        return None
    alone = Group("all", (a.condition,) + tuple(analysis.negation(b.condition) for b in both))
    if analysis.witness(alone) is not None:
        return None  # there are answers where a's recommendation decides
    covers = [b for b in both  # each of these alone matches whenever a does
              if analysis.witness(Group("all", (a.condition, analysis.negation(b.condition)))) is None]
    for b in covers:
        if analysis.witness(Group("all", (b.condition, analysis.negation(a.condition)))) is None:
            return _same_answers(pack, a, b, recs)
    return _never_decides(pack, a, covers or both, recs)


def _said(rule: Rule, recs: dict) -> str:
    return f"'{rule.id}' (recommends {outcome_short_words(recs[rule.id])})"


def _own(pack: Pack, rule: Rule) -> bool:
    """A rule of this pack's own files (added, or a base rule it overrides), which the
    consultant can edit; a base rule's file belongs to the base."""
    return pack.base is None or rule.layer == pack.label


def _base_advice(pack: Pack, rule: Rule) -> str:
    """What a client pack can do about a base rule it must not edit."""
    return (f"to change base rule '{rule.id}', name it in pack.yaml: 'override: {{{rule.id}: ...}}'"
            f" (its own when, then or severity) or 'disable: [{rule.id}]'")


def _same_answers(pack: Pack, a: Rule, b: Rule, recs: dict) -> LintItem:
    """Two rules matching the same answers, ``b`` the stronger: said at the consultant's own
    rule, with what they can do there (a base rule's line is not theirs to edit)."""
    stronger = outcome_short_words(recs[b.id])
    head = (f"match exactly the same answers but recommend different outcomes; the stronger,"
            f" {stronger}, always wins, so '{a.id}' is never followed")
    if _own(pack, a) and _own(pack, b):
        return LintItem("error", Problem(
            f"rules {_said(a, recs)} and '{b.id}' (recommends {stronger}, {b.file}:{b.line}) {head}."
            " Merge the two rules or make their conditions differ", a.file, a.line))
    mine, theirs = (b, a) if _own(pack, b) else (a, b)
    if not _own(pack, mine):  # both in the base, moved by this pack's parameters: the base's to say
        mine = theirs = a
    return LintItem("error", Problem(
        f"rule {_said(mine, recs)} and {theirs.layer}'s rule {_said(theirs, recs)} {head}."
        f" Make this rule's conditions differ, or, {_base_advice(pack, theirs)}", mine.file, mine.line))


def _never_decides(pack: Pack, a: Rule, covers: list[Rule], recs: dict) -> LintItem:
    names = ", ".join(_said(b, recs) for b in covers)
    what = (f"recommends {outcome_short_words(recs[a.id])}, but whenever it matches a stronger"
            f" recommendation matches too: {names}. The strongest outcome wins, so '{a.id}' never"
            " decides the outcome")
    mine = next((b for b in covers if _own(pack, b)), None)
    if _own(pack, a) or mine is None:
        return LintItem("warning", Problem(f"rule '{a.id}' {what}; narrow its 'when' or drop its"
                                           " 'recommend'", a.file, a.line))
    return LintItem("warning", Problem(
        f"{a.layer}'s rule '{a.id}' {what}, because of this pack's rule '{mine.id}'. Narrow this"
        f" rule's 'when', or, {_base_advice(pack, a)}", mine.file, mine.line))


def uncited_ids(pack: Pack) -> list[LintItem]:
    cited = {i for r in pack.rules for i in r.cites()}
    cited |= {m for ms in pack.settings.outcome_requires.values() for m in ms}
    file, line = _file_line(pack, "pack.yaml", ("name",))
    disabled = _disabled_citations(pack)
    items = []
    for i in pack.catalogue.citable:
        if i in cited:
            continue
        what = f"catalogue ID {i} ({pack.catalogue.title(i)}) is cited by no rule"
        if i in disabled:  # the client's disable list did it: point there
            rids, where = disabled[i]
            names = ", ".join(f"'{r}'" for r in rids)
            items.append(LintItem("warning", Problem(
                f"{what}: 'disable' removes {names}, which cited it. If the pack means not to"
                " assess it, its 'wording' can say so", *where)))
        else:
            items.append(LintItem("warning", Problem(what, file, line)))
    return items


def _disabled_citations(pack: Pack) -> dict[str, tuple[list[str], tuple[str, int | None]]]:
    """ID -> (disabled base rules citing it, file and line of the first such disable entry)."""
    if pack.base is None:
        return {}
    located = pack.sources["pack.yaml"]
    found: dict = {}
    for n, rid in enumerate(pack.settings.disable):
        rule = next((r for r in pack.base.rules if r.id == rid), None)
        for i in dict.fromkeys(rule.cites() if rule else []):
            found.setdefault(i, ([], (located.file, located.line_of(("disable", n)) or 1)))[0].append(rid)
    return found


def unreached_outcomes(pack: Pack) -> list[LintItem]:
    reached = {s.expect.outcome for s in pack.scenarios}
    if "scenarios.yaml" in pack.sources:
        file, line = _file_line(pack, "scenarios.yaml", ("scenarios",))
    else:
        file, line = _file_line(pack, "pack.yaml", ("name",))
    return [LintItem("warning", Problem(f"no scenario reaches the outcome '{o}'", file, line))
            for o in pack.settings.outcomes if o not in reached]


def _file_line(pack: Pack, name: str, key: tuple) -> tuple[str, int | None]:
    """Where ``key`` is in one of the pack's own files, as loaded (never read again)."""
    located = pack.sources.get(name)
    if located is None:
        return str(pack.folder / name), None
    return located.file, located.line_of(key) or 1


def readiness_left_unknown(pack: Pack) -> list[LintItem]:
    items = []
    for gap in coverage.gaps(pack):
        names = ", ".join(r.id for r in gap.rules)
        gone = coverage.disabled_marking(pack, gap.readiness)
        names += f" ('{gone[1]}', disabled here, marked it too)" if gone else ""
        items.append(LintItem("error", Problem(
            f"{gap.readiness} {pack.catalogue.title(gap.readiness)} is marked by no rule when"
            f" {coverage.describe_gap(gap, pack.questionnaire)}: it stays unknown and raises no"
            f" finding there. Rules that mark it: {names}; make their conditions meet (a"
            " threshold set once under 'parameters:' moves every rule that reads it)",
            *_gap_place(pack, gap))))
    return items


def _gap_place(pack: Pack, gap: coverage.Gap) -> tuple[str, int | None]:
    """The pack's own change is the likely cause: its relevance entry or its rule."""
    relevance = getattr(pack.settings, "relevance", None) or {}
    for qid in gap.questions:
        if qid in relevance:
            return _file_line(pack, "pack.yaml", ("relevance", qid))
    if (gone := coverage.disabled_marking(pack, gap.readiness)) is not None:
        return _file_line(pack, "pack.yaml", ("disable", gone[0]))
    own = [r for r in gap.rules if r.layer == pack.label]
    where = (own or list(gap.rules))[0]
    return where.file, where.line


def stale_summaries(pack: Pack) -> list[LintItem]:
    """A 'when' changed here under the base's summary, whose numbers the old condition read."""
    if pack.base is None:
        return []
    old_rules = {r.id: r for r in pack.base.rules}
    items = []
    for rule in pack.rules:
        old = old_rules.get(rule.id)
        if old is None or old.summary != rule.summary or old.condition == rule.condition:
            continue
        gone = [(word, n) for word, n in numbers_in(rule.summary)
                if n in condition_numbers(old.condition) and n not in condition_numbers(rule.condition)]
        if gone:
            said = ", ".join(f"'{w}'" for w, _ in gone)
            items.append(LintItem("warning", Problem(
                f"rule '{rule.id}': summary may be out of date: it says {said}, but its condition,"
                f" changed here, is now '{pack.questionnaire.describe(rule.condition)}'; override"
                " its summary too", rule.file, rule.line)))
    return items


_NUMBER_WORDS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"])}


def numbers_in(text: str) -> list[tuple[str, int]]:
    """Numbers a summary mentions, as digits or as the words one to ten."""
    import re
    out = []
    for word in re.findall(r"\b(\d+|[A-Za-z]+)\b", text):
        if word.isdigit():
            out.append((word, int(word)))
        elif word.lower() in _NUMBER_WORDS and word.lower() != "zero":
            out.append((word, _NUMBER_WORDS[word.lower()]))
    return out


def condition_numbers(cond) -> set:
    if isinstance(cond, Group):
        return set().union(*(condition_numbers(p) for p in cond.parts))
    if isinstance(cond, conditions.Member):
        return {v for v in cond.values if isinstance(v, (int, float)) and not isinstance(v, bool)}
    value = getattr(cond, "value", None)
    return {value} if isinstance(value, (int, float)) and not isinstance(value, bool) else set()


def engine_refuses(pack: Pack) -> list[LintItem]:
    """Every rule the engine would refuse (past its limits, or a shape it rejects)."""
    from leadfit.rules.runtime.engine import get_engine
    engine = get_engine()
    items = []
    for rule in pack.rules:
        why = engine.refusal(rule.condition)
        if why:
            items.append(LintItem("error", Problem(f"rule '{rule.id}': {why}", rule.file,
                                                   rule.line)))
    return items


def unused_parameters(pack: Pack) -> list[LintItem]:
    """A named threshold no rule refers to moves nothing: likely a typo or a leftover."""
    from leadfit.rules.model.parameters import unused
    names = unused(pack)
    if not names:
        return []
    return [LintItem("warning", Problem(f"parameter '{n}' is referred to by no rule; setting it"
                                        " changes nothing", *_file_line(pack, "pack.yaml", ("parameters", n))))
            for n in names]


def thresholds_out_of_order(pack: Pack) -> list[LintItem]:
    """A threshold below the one it must not fall below (near_dedicated_share under
    dedicated_share, the latest review before the first) or a deadline of 0 days: said at the
    line that sets it here, with what is allowed."""
    from leadfit.rules.model.parameters import relations_broken
    located = pack.sources.get("pack.yaml")
    own = (located.data or {}).get("parameters") if located is not None else None
    set_here = set(own) if isinstance(own, dict) else set()
    if pack.base is not None and not set_here:
        return []  # the base's values: its own lint's
    return [LintItem("error", Problem(f"parameters.{name}: {words}",
                                      *_file_line(pack, "pack.yaml", ("parameters", name))))
            for name, words in relations_broken(pack.settings.parameters, set_here if pack.base else set())]


CHECKS = [engine_refuses, never_fires, thresholds_out_of_order, conflicting_recommendations, uncited_ids, unreached_outcomes,
          readiness_left_unknown, stale_summaries, unused_parameters]
