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
