"""Carry answers written for an earlier questionnaire version over to a later one.

Each step turns version n answers into version n+1 answers and changes only
what that version changed; every other answer passes through as it is. No
step invents an answer the earlier questionnaire did not give: a question
that is new in the later version stays unanswered (and is named as missing
if it is required).

Step 1 -> 2: ``candidate.expected_months`` ("in how many months do they
expect the stream to deliver in full") becomes ``candidate.delivery_expectation``.
The old question presumed full delivery, so every old answer is an
expectation of all of it: under six months is ``everything_fast`` (the old
impatience threshold), six or more ``everything_later``.

Step 2 -> 3: nothing changes; version 3 adds one optional question
(``candidate.earlier_attempt``), which a version 2 file leaves unanswered.

Step 3 -> 4: nothing changes; version 4 refuses two dates (a first review on the assessment
day, a reduction of the former role dated before it), named by the validation that follows.

Answers are raw here (as in a case file), so a step never needs the
questionnaire; validation happens after, against the target version.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from leadfit.forms.questionnaire import CURRENT_VERSION


def _v1_to_v2(answers: dict[str, Any]) -> dict[str, Any]:
    out = dict(answers)
    months = out.pop("candidate.expected_months", None)
    if months is not None and "candidate.delivery_expectation" not in out:
        out["candidate.delivery_expectation"] = _months_to_expectation(months)
    return out


def _months_to_expectation(months: Any) -> Any:
    try:
        value = float(months)
    except (TypeError, ValueError):
        return months  # not a number: validation names it under the new question
    return "everything_fast" if value < 6 else "everything_later"


def _v2_to_v3(answers: dict[str, Any]) -> dict[str, Any]:
    return dict(answers)


def _v3_to_v4(answers: dict[str, Any]) -> dict[str, Any]:
    return dict(answers)


STEPS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}


def migrate_answers(answers: Mapping[str, Any], from_version: int,
                    to_version: int = CURRENT_VERSION) -> dict[str, Any]:
    """``answers`` (raw, by question id) as the ``to_version`` questionnaire asks them.

    Versions only move forward; the same version returns a copy.
    """
    if from_version > to_version:
        raise ValueError(f"answers of questionnaire version {from_version} cannot be read by"
                         f" version {to_version}; open them with a newer LeadFit")
    out = dict(answers)
    for version in range(from_version, to_version):
        out = STEPS[version](out)
    return out


def guess_version(answers: Mapping[str, Any]) -> int:
    """The version a file without a version mark was written for.

    Files written before versions were marked are version 1; a v1-only question
    id tells them apart from a current file whose mark was left out. Every
    step passes current answers through unchanged, so guessing 1 is safe.
    """
    return 1 if "candidate.expected_months" in answers else CURRENT_VERSION
