"""Which ideas of the catalogue rest on a question left unanswered.

A readiness mark the rules set from the answers given (P2 "met" on a full P&L) may still
have an asked question that informs it with no answer (whether the Product Director will
own the stream's results). Said as "met", the unanswered question read as settled; every
front-end asks here which marks to say are not answered (leadfit/words.py words them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadfit.forms.case import is_asked, relevant_from

if TYPE_CHECKING:
    from leadfit.forms.case import Case
    from leadfit.forms.questionnaire import Questionnaire


def unanswered_informing(case: Case, questionnaire: Questionnaire) -> dict[str, list[str]]:
    """{idea id: titles of the asked questions informing it with no answer}, in form order.
    "Not known" is an answer (the assessment says what it would change)."""
    # over the answers to questions asked: a stale answer asks no follow-up (relevant_from)
    answers, unknown = relevant_from(case.answers, questionnaire), case.unknown
    found: dict[str, list[str]] = {}
    for q in questionnaire.asked:
        if q.informs and q.id not in case.answers and q.id not in unknown \
                and is_asked(q, answers, unknown):
            for idea in q.informs:
                found.setdefault(idea, []).append(q.title)
    return found
