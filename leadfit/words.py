"""How codes read in words, for every front-end: the window, the command line, the PDF.

One place, so the panel, the CLI and the PDF never say the same thing three ways.
Kernel: imports nothing of LeadFit.
"""

from __future__ import annotations

from datetime import date

READINESS = {"met": "met", "partial": "partly met", "not_met": "not met", "unknown": "unknown"}
RECORD_STATUS = {"draft": "draft", "awaiting_signoff": "awaiting sign-off", "signed": "signed",
                 "superseded": "superseded"}
NOT_ANSWERED = "not answered"


def readiness_words(status: str) -> str:
    return READINESS.get(status, status)


def status_words(status: str) -> str:
    """A record's status: 'awaiting_signoff' -> 'awaiting sign-off'."""
    return RECORD_STATUS.get(status, status)


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
