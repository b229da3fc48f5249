"""How codes read in words, for every front-end: the window, the command line, the PDF.

One place, so the panel, the CLI and the PDF never say the same thing three ways.
Kernel: imports nothing of LeadFit.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

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


def answer_words(value: object) -> str:
    """A stored answer as a person reads it: yes/no, dates as written, 'not answered'."""
    if value is None:
        return NOT_ANSWERED
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


def plural(count: int, one: str, many: str | None = None) -> str:
    """'1 stream', '3 streams'."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


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
