"""A scenario's own answers and expectations, checked when its pack loads.

Before, a scenario's unknown question or impossible answer surfaced only when
``pack test`` ran it, one scenario at a time, and an expected ID that is no
catalogue ID simply never matched. Now each is a load problem at its line, with
the other problems of the pack.
"""

from __future__ import annotations

import re

from leadfit.errors import InputError, Problem
from leadfit.forms.case import build_case
from leadfit.suggest import did_you_mean
from leadfit.yamlsafe import LocatedData

_UNVERIFIED = re.compile(r"U[1-9][0-9]*")  # rules/runtime/unknowns.py numbers answers not known


def check_scenario(spec, path: tuple, located: LocatedData, questionnaire, catalogue) -> list[Problem]:
    """Problems of one scenario (``path``: where it is in its file)."""
    label = f"scenario '{spec.name}'"
    problems = _answer_problems(spec, path, located, questionnaire, label)
    expect = spec.expect
    ids = list(catalogue.entries)
    for key in ("includes", "excludes"):
        for j, item in enumerate(getattr(expect, key, None) or []):
            if not isinstance(item, str):
                continue  # the schema names it
            if item not in catalogue.entries and not _UNVERIFIED.fullmatch(str(item)):
                problems.append(Problem(
                    f"{label}: expect.{key}: '{item}' is not a catalogue ID{did_you_mean(item, ids)};"
                    " allowed: the P, R, F and M IDs, and U1, U2... (an answer not known)", located.file,
                    located.line_of(path + ("expect", key, j))))
    asked = [q.id for q in questionnaire.asked]
    for j, qid in enumerate(getattr(expect, "missing", None) or []):
        if isinstance(qid, str) and qid not in asked:
            problems.append(Problem(
                f"{label}: expect.missing: '{qid}' is not a question{did_you_mean(qid, asked)}",
                located.file, located.line_of(path + ("expect", "missing", j))))
    return problems


def _answer_problems(spec, path: tuple, located: LocatedData, questionnaire, label: str) -> list[Problem]:
    own = {k: v for k, v in (spec.answers or {}).items() if v is not None}  # null: removes one
    try:
        build_case(own, questionnaire, source=located.file,
                   line_of=lambda key: located.line_of(path + ("answers", key)))
    except InputError as exc:
        return [Problem(f"{label}: {p.message}", p.file, p.line) for p in exc.problems]
    return []
