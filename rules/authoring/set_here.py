"""Base rules that a setting of this pack leaves unable to fire, said once at that setting.

The base's rules are as their authors wrote them: when a parameter (a threshold moved) or a
relevance entry (a question made "never" asked, or asked less) set in this pack is why they
can never fire, the fault is that setting's line in this pack.yaml, said in one line, not a
line per base rule at the base's files (fresh eyes G6: 27 errors at default/rules.yaml for
one ``relevance: {candidate.digital_years: never}``).
"""

from __future__ import annotations

from typing import Any

from leadfit.errors import Problem
from leadfit.rules.model.pack import Pack, Rule
from leadfit.rules.model.parameters import names_in


def set_here(pack: Pack, rule: Rule, qid: str | None) -> tuple[str | None, tuple]:
    """('parameters.NAME' or 'relevance.QID', its line in this pack.yaml) when a setting of
    this pack moved a base rule; else (None, the rule's own line)."""
    located = pack.sources.get("pack.yaml")
    own: Any = (located.data or {}) if located is not None else {}
    if located is None or rule.layer == pack.label or not isinstance(own, dict):
        return None, (rule.file, rule.line)
    params = own.get("parameters")
    if isinstance(params, dict):
        for name in sorted(names_in(rule.raw_when)):
            if name in params:
                return f"parameters.{name}", (located.file, located.line_of(("parameters", name)))
    relevance = own.get("relevance")
    if qid is not None and isinstance(relevance, dict) and qid in relevance:
        return f"relevance.{qid}", (located.file, located.line_of(("relevance", qid)))
    return None, (rule.file, rule.line)


def silenced(pack: Pack, key: str, found: list, why: str) -> Problem:
    """One line for the base rules a setting here (``key``) leaves unable to fire; ``found``:
    (rule, conflicting question, where) each, ``why``: what the first one's question allows."""
    rule, qid, where = found[0]
    setting = _setting_words(pack, key)
    needs = f"'{pack.questionnaire.describe(rule.condition)}'{why}"
    if len(found) == 1:
        return Problem(f"rule '{rule.id}' ({rule.layer}) can never fire with {setting} set"
                       f" here: no answers meet {needs}", *where)
    ids = [f"'{r.id}'" for r, _, _ in found]
    named = ", ".join(ids[:2]) + (f" and {len(ids) - 2} more" if len(ids) > 2 else "")
    reads = "compare with it" if key.startswith("parameters.") else "read it"
    return Problem(f"{setting} set here: {len(found)} {rule.layer} rules that {reads} can never"
                   f" fire ({named}); the first, '{rule.id}', needs {needs}", *where)


def _setting_words(pack: Pack, key: str) -> str:
    kind, name = key.split(".", 1)
    if kind == "parameters":
        return f"parameters.{name} = {pack.settings.parameters[name]}"
    q = pack.questionnaire.questions.get(name)
    title = f"\u201c{q.title}\u201d" if q is not None else f"'{name}'"
    return f"relevance of {title} ({name})"
