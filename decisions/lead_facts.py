"""What a decision record says about its stream's lead, as the portfolio counts it.
(Standard library only: checking a row reads these; issue 15.)

Pure functions of a record's stored JSON (a dict), so the schema step that fills
old rows, the store that writes new ones and the integrity check that compares a
row with its signed text all derive the same summary columns the same way.

Who is "experienced" follows the F10 rule's own line: readiness P1 (digital product
experience) met. A coached appointment is always an executive learning the role;
hiring externally brings in an experienced Product Director.

A hire stays 'experienced' here (F25 reads "still to be hired" from the outcome): this
column is sealed in each row's audit entry and in the stream_leads root, so another value
would make every register written before read as altered (docs/decisions-api.md).
"""

from __future__ import annotations

from typing import Any

EXPERIENCED, LEARNER = "experienced", "learner"
READINESS_IDS = ("P1", "P2", "P3", "P4", "P5", "P6")
# The summary columns schema 7 adds, each derived from the body by stream_facts().
FACT_COLUMNS = ("lead", "mentor", "risk", "readiness", "review_date")
CPO, COACH = "the CPO", "an outside coach"


def _get(body: Any, *path: str) -> Any:
    for part in path:
        body = body.get(part) if isinstance(body, dict) else None
    return body


def readiness_of(body: dict) -> dict[str, str]:
    """{'P1': 'met' | 'partial' | 'not_met' | 'unknown', ...} as the assessment stated it."""
    items = _get(body, "assessment", "readiness")
    found = {str(i.get("id")): str(i.get("status")) for i in items or () if isinstance(i, dict)}
    return {pid: found[pid] for pid in READINESS_IDS if pid in found}


def lead_kind(body: dict, readiness: dict[str, str] | None = None) -> str:
    """'experienced', 'learner', or '' when the decision names no lead we can classify."""
    outcome = _get(body, "decision", "outcome")
    if outcome == "hire_external":
        return EXPERIENCED
    if outcome == "coach":
        return LEARNER
    if outcome == "appoint":
        met = (readiness if readiness is not None else readiness_of(body)).get("P1") == "met"
        return EXPERIENCED if met else LEARNER
    return ""


def mentor_of(body: dict, kind: str | None = None) -> str:
    """Who mentors a learner: the owner agreed for coaching and mentoring (M7), else the
    CPO or an outside coach as the answers offer them; '' when there is none or no learner."""
    if (kind if kind is not None else lead_kind(body)) != LEARNER:
        return ""
    for step in _get(body, "decision", "plan") or ():
        if isinstance(step, dict) and step.get("id") == "M7" and str(step.get("owner") or "").strip():
            return " ".join(str(step["owner"]).split())
    answers = _get(body, "answers") or {}
    if answers.get("org.cpo_available") is True:
        return CPO
    if answers.get("org.coach_available") is True:
        return COACH
    return ""


def stream_facts(body: dict) -> dict[str, str | None]:
    """The summary columns for one record version (schema 7)."""
    readiness = readiness_of(body)
    kind = lead_kind(body, readiness)
    return {"lead": kind, "mentor": mentor_of(body, kind),
            "risk": str(_get(body, "assessment", "risk", "level") or ""),
            "readiness": ",".join(f"{k}={v}" for k, v in readiness.items()),
            "review_date": _get(body, "decision", "review_date") or ""}


def readiness_from_column(text: str | None) -> dict[str, str]:
    """The inverse of the readiness column: 'P1=met,P2=partial' -> {'P1': 'met', ...}."""
    pairs = (part.split("=", 1) for part in (text or "").split(",") if "=" in part)
    return {k: v for k, v in pairs}
