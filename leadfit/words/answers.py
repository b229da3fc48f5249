"""An answer, a date, a status or a readiness mark as a person reads it."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

READINESS = {"met": "met", "partial": "partly met", "not_met": "not met", "unknown": "unknown"}
RECORD_STATUS = {"draft": "draft", "awaiting_signoff": "awaiting sign-off", "signed": "signed",
                 "superseded": "superseded", "withdrawn": "withdrawn"}
NOT_ANSWERED = "not answered"


def readiness_words(status: str, unanswered: bool = False) -> str:
    """'partly met'; with ``unanswered`` (an asked question informing it has no answer,
    forms/unanswered.py) a mark that reads as settled ("met", "unknown") is "not answered":
    an unanswered question is never met. A shortfall already found stays said."""
    if unanswered and status in ("met", "unknown"):
        return NOT_ANSWERED
    return READINESS.get(status, status)


def status_words(status: str) -> str:
    """A record's status: 'awaiting_signoff' -> 'awaiting sign-off'."""
    return RECORD_STATUS.get(status, status.replace("_", " "))


def role_words(role: str) -> str:
    """A sign-off role as people read it: 'decision_maker' -> 'Decision maker', 'hr' -> 'HR'."""
    words = role.replace("_", " ").strip()
    return words.upper() if len(words) <= 3 else words.capitalize()


def pack_words(name: str, version: str) -> str:
    """A rule pack as people read it, as the window's pack bar says it: 'default 2.7'
    (``name@version`` is its label for machines and audits)."""
    return f"{name} {version}"


# A step the answers show is done reads so in its pack's words (step_words_if: "Done: the
# trade-offs have been stated", "In place: there is an induction programme", "Set: the first
# review is on the date on this record"): nobody is to agree an owner or a date for it.
# ("Agreed: the plan on this record brings the former role down ..." is a plan still to carry
# out, by its own date: not done.)
_DONE_LEADS = {"Done": "already done", "In place": "already in place", "Set": "already set"}
NOT_NEEDED = "not needed"


def step_done_words(meaning: str) -> str:
    """'already in place' where a step's words say it is done; '' where it is still to do."""
    lead = re.match(r"\s*([A-Z][a-z]*(?: [a-z]+)?)[:,]", meaning or "")
    return _DONE_LEADS.get(lead.group(1), "") if lead else ""


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
        if question.type == "percent" and isinstance(value, (int, float)):
            return f"{value}%"  # never "not known%": a unit belongs to a number only
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


def not_a_choice_words(raw: Any) -> str:
    """A choice's answer that is none of its options (from a file: a box cannot give one),
    said at the box, which lists the options in words (the core's message lists codes)."""
    return f"“{raw}” is not one of the choices: pick one from the list"


def reference_words(code: str) -> str:
    """How a catalogue code is said where it is said at all (a tooltip, the glossary): as
    LeadFit's reference; 'article F3' read as a number the article gives, and it gives none."""
    return f"LeadFit ref. {code}"
