"""How codes read in words, for every front-end: the window, the command line, the PDF,
and for the rules' own messages (counts, risk labels, thresholds).

One place, so the panel, the CLI and the PDF never say the same thing three ways.
Kernel: imports nothing of LeadFit (questions are read by their attributes).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

READINESS = {"met": "met", "partial": "partly met", "not_met": "not met", "unknown": "unknown"}
RECORD_STATUS = {"draft": "draft", "awaiting_signoff": "awaiting sign-off", "signed": "signed",
                 "superseded": "superseded", "withdrawn": "withdrawn"}
NOT_ANSWERED = "not answered"


def readiness_words(status: str) -> str:
    return READINESS.get(status, status)


def status_words(status: str) -> str:
    """A record's status: 'awaiting_signoff' -> 'awaiting sign-off'."""
    return RECORD_STATUS.get(status, status.replace("_", " "))


def role_words(role: str) -> str:
    """A sign-off role as people read it: 'decision_maker' -> 'Decision maker', 'hr' -> 'HR'."""
    words = role.replace("_", " ").strip()
    return words.upper() if len(words) <= 3 else words.capitalize()


def answer_words(value: object, question: Any = None) -> str:
    """A stored answer as a person reads it: yes/no, dates as written, 'not answered'.
    With its question (forms.questionnaire.Question): an option's label, a date in
    words, a percent."""
    if value is None or value == "":
        return NOT_ANSWERED
    if question is not None and not isinstance(value, bool):
        if question.options and str(value) in question.options:
            return str(question.options[str(value)])
        if question.type == "date":
            return date_words(str(value))
        if question.type == "percent":
            return f"{value}%"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def date_words(iso: str | None) -> str:
    """'2027-01-15' -> '15 January 2027' (a date read aloud, never misread as US or EU order)."""
    if not iso:
        return ""
    try:
        day = datetime.fromisoformat(str(iso)[:10])
    except ValueError:
        return str(iso)
    return f"{day.day} {day:%B %Y}"


def time_words(utc_iso: str | None) -> str:
    """A stored UTC time in this computer's local time, in words, with its offset:
    '2 November 2026 at 14:05 (UTC+01:00)'."""
    if not utc_iso:
        return ""
    try:
        moment = datetime.fromisoformat(str(utc_iso).replace("Z", "+00:00"))
    except ValueError:
        return str(utc_iso)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = moment.astimezone()
    offset = local.strftime("%z")
    zone = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
    return f"{date_words(local.date().isoformat())} at {local:%H:%M} ({zone})"


LEAD_KIND = {"experienced": "experienced Product Director",
             "learner": "executive learning the role", "": "not classified"}
OUTCOME_LEAD = {"appoint": "appointed", "coach": "appointed, coached",
                "hire_external": "hired from outside"}
RISK = {"low": "low", "medium": "medium", "high": "high", "critical": "critical", "": "not assessed"}


def lead_kind_words(kind: str) -> str:
    """'learner' -> 'executive learning the role'."""
    return LEAD_KIND.get(kind, kind)


def decision_lead_words(outcome: str) -> str:
    """A decision as the portfolio reads it: 'coach' -> 'appointed, coached'."""
    return OUTCOME_LEAD.get(outcome, outcome.replace("_", " "))


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """'1 stream', '3 streams'."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


plural = counted  # the portfolio's name for it


def other_streams_words(experienced: int, learners: int, form_answer: str | None = None) -> str:
    """What the register said about the other streams, as the assessment reports it."""
    total = experienced + learners
    said = (f"read from the register: of {plural(total, 'other stream')},"
            f" {experienced or 'none'} {'are' if experienced > 1 else 'is'} led by an experienced"
            f" Product Director and {learners} by {'an executive' if learners == 1 else 'executives'}"
            " learning the role")
    if experienced:
        said += "; an experienced Product Director sets the standard"
    if form_answer:
        said += f" (the form's answer, \u201c{form_answer}\u201d, was set aside)"
    return said


# Readiness marks P1-P6 as a board reads them over a column (the catalogue has the full titles).
READINESS_SHORT = {"P1": "Digital", "P2": "P&L", "P3": "Teams", "P4": "MVP slices",
                   "P5": "Holds line", "P6": "Full time"}

# The risk is always that of the appointment as proposed, whatever the recommendation:
# a "hire" recommendation does not lower it, it says why not to do it.
RISK_LABEL = "Risk of appointing this candidate as proposed"
PRECONDITIONS_LABEL = "Before the appointment"


def risk_words(level: str, score: int | None = None) -> str:
    """'Risk of appointing this candidate as proposed: high (score 26)'."""
    return f"{RISK_LABEL}: {level}" + (f" (score {score})" if score is not None else "")


def joined(items: list[str], last: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (or 'or')."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def quoted(text: str) -> str:
    """A question as people read it inside a sentence."""
    return f"“{text}”"


# The default pack's named thresholds (rules/packs/default/pack.yaml), as a reader says them;
# the parameter's own name follows in brackets for the consultant who sets it.
PARAMETER_WORDS = {
    "p1_met_years": "Years running digital products for digital product experience (P1) to be met",
    "p1_partial_years": "Years from which digital product experience (P1) is partly met",
    "digital_business_share": "Share of revenue that is digital from which digital products are the"
                              " business",
    "digital_business_years": "Years of digital experience below which a learner on such a stream"
                              " is a revenue risk",
    "dedicated_share": "Most of their time a full-time Product Director may keep in the former role"
                       " (P6), in %",
    "part_time_share": "Share of time kept in the former role from which a learner does the job"
                       " part-time, in %",
    "reduction_horizon_days": "Days within which the former role must be down to that share",
    "review_horizon_days": "Days within which the first fail-fast review must come",
}


# An assessment's parts as an executive reads them (the command line, the window):
# the models (rules.model.assessment) are read by their attributes, never imported.

def because_words(cause: Any, question: Any = None) -> str:
    """A finding's cause: 'because Years managing digital products: 2'."""
    return f"because {cause.title.rstrip('?:')}: {answer_words(cause.answer, question)}"


def change_words(change: Any) -> str:
    """One answer that would have to change, and whether the organisation can change it."""
    whose = ("the organisation can change this" if change.lever
             else "not in the organisation's hands")
    return f"{quoted(change.title)} is {change.to} (now {change.now}; {whose})"


def is_worse(change_set: Any) -> bool:
    """Whether a change set is a worse situation said as one ('Only if … were …'; 2.4),
    not a route: neither a lever nor a fact to aim for."""
    return str(change_set.words).startswith("Only if ")


def change_set_words(title: str, change_set: Any) -> str:
    """'Becomes Appoint if “…” is 3 or more (now 2; …) and …'. The stored ChangeSet.words
    says 'a lever'/'a fact'; records keep it as decided, so the words are made here."""
    if is_worse(change_set):  # said as what it is (rules/runtime/explain.py)
        return f"{change_set.words}."
    return f"Becomes {title} if " + joined([change_words(c) for c in change_set.changes])


def no_change_words(title: str, note: str) -> str:
    """An outcome no small change reaches; ``note`` is the stored note (explain.py)."""
    if "search limit" in note:
        return (f"No change to a few answers that leads to {title} was found"
                " (not every combination could be tried).")
    return f"Changing a few answers would not lead to {title}."


def uncoded(text: str, ids: Any) -> str:
    """``text`` without the catalogue ids (``ids``) before the titles it names, nor risk
    scores: 'Unverified: P1 Digital product experience' -> 'Unverified: Digital product experience'.
    The runtime's notes keep them (records replay as decided); the executive reads this."""
    text = re.sub(r"\b([A-Z]+\d+) (?=\S)", lambda m: "" if m.group(1) in ids else m.group(0), text)
    if not ids:
        return text
    return re.sub(r" \(score \d+\)|, score \d+(?=\))", "", text)  # a score is a number, not a word
