"""How codes read in words, for every front-end: the window, the command line, the PDF,
and for the rules' own messages (counts, risk labels, thresholds).

One place, so the panel, the CLI and the PDF never say the same thing three ways.
Kernel: imports nothing of LeadFit but its own concepts, split out and said here again
(words_text, change_words, not_known_words); questions are read by their attributes.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from collections.abc import Mapping
from typing import Any

# The concepts split out (each file under 400 lines, 2.9), said here as before: import from here.
from leadfit.change_words import (STEPS_STILL_FIRST, WORSE_PREFIXES, change_set_words, change_words,  # noqa: F401
                                  is_worse, no_change_words, steps_still_first, worse_words)
from leadfit.not_known_words import (DEPENDS_LEAD, DEPENDS_NOTE, HOLDS_FIND_OUT, SEE_NOT_KNOWN,  # noqa: F401
                                     decided_by_words, decided_early_words, depends_note_words,
                                     depends_words, not_known_reason, nothing_recommended_words)
from leadfit.words_text import joined, lower_first, quoted  # noqa: F401

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


LEAD_KIND = {"experienced": "experienced Product Director",
             "learner": "executive learning the role", "": "not classified"}
OUTCOME_LEAD = {"appoint": "appointed", "coach": "appointed, coached",
                "hire_external": "hired from outside"}
# An outcome in one word, where outcomes are compared in a column ('Coach -> Hire' in pack diff)
OUTCOME_SHORT = {"appoint": "Appoint", "coach": "Coach", "hire_external": "Hire"}
RISK = {"low": "low", "medium": "medium", "high": "high", "critical": "critical", "": "not assessed"}


def lead_kind_words(kind: str) -> str:
    """'learner' -> 'executive learning the role'."""
    return LEAD_KIND.get(kind, kind)


def decision_lead_words(outcome: str) -> str:
    """A decision as the portfolio reads it: 'coach' -> 'appointed, coached'."""
    return OUTCOME_LEAD.get(outcome, outcome.replace("_", " "))


def outcome_short_words(outcome: str | None) -> str:
    """'hire_external' -> 'Hire'; no outcome (answers missing) -> 'No recommendation'."""
    if not outcome:
        return "No recommendation"
    return OUTCOME_SHORT.get(outcome, outcome.replace("_", " ").capitalize())


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """'1 stream', '3 streams'."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


plural = counted  # the portfolio's name for it


def other_streams_words(experienced: int, learners: int, form_answer: str | None = None,
                        altered: list[str] | None = None) -> str:
    """What the register said about the other streams, as the assessment reports it;
    ``altered``: records left out because their text fails its check (F39)."""
    total = experienced + learners
    if not total:
        said = f"as answered on the form, \u201c{form_answer}\u201d"
    else:
        said = (f"read from the register: of {plural(total, 'other stream')},"
                f" {experienced or 'none'} {'are' if experienced > 1 else 'is'} led by an experienced"
                f" Product Director and {learners} by {'an executive' if learners == 1 else 'executives'}"
                " learning the role")
    if experienced:
        said += "; an experienced Product Director sets the standard"
    if form_answer and total:
        said += f" (the form's answer, \u201c{form_answer}\u201d, was set aside)"
    if altered:
        said += (f"; left out, not counted: {', '.join(altered)}, changed outside LeadFit since"
                 f" {'it was' if len(altered) == 1 else 'they were'} signed (ask whoever keeps the"
                 " register to check it)")
    return said


# Readiness marks P1-P6 as a board reads them over a column (the catalogue has the full titles).
READINESS_SHORT = {"P1": "Digital", "P2": "P&L", "P3": "Teams", "P4": "MVP slices",
                   "P5": "Holds line", "P6": "Full time"}

# The risk is always that of the appointment as proposed, whatever the recommendation:
# a "hire" recommendation does not lower it, it says why not to do it.
RISK_LABEL = "Risk of appointing this candidate as proposed"
PRECONDITIONS_LABEL = "Before the appointment"


# 2.9 (unknowns 4): where the outcome depends on answers not known, the risk shown is that of
# their turning out badly, never one measured: the note says so first, and the level is said so.
AT_WORST_NOTE = "The risk is said at its worst"


# A risk a deliberate, open choice accepts (rules/runtime/judgement.py _accepted_risk, words 2)
ACCEPTED_RISK = "it is accepted here because the stakes are low"


def risk_level_words(a: Any) -> str:
    """An assessment's risk level as said beside its recommendation: 'at worst critical' where it
    is the worst case of answers not known ("Find out first"); 'critical, accepted as a
    deliberate choice' where an open choice accepts it (reader 8: the headline read as alarming
    while a note further down accepted it); else the level ('high')."""
    level = str(a.risk.level)
    if a.unknowns is not None and any(n.startswith(AT_WORST_NOTE) for n in a.notes):
        return f"at worst {level}"
    if any(ACCEPTED_RISK in n for n in a.notes):
        return f"{level}, accepted as a deliberate choice"
    return level


def risk_at_least_words(at_least: Mapping[Any, str]) -> str:
    """A pack's risk_at_least as a reader says it: 'One critical finding makes the risk at least
    high, whatever the score.' ('' for a pack without it)."""
    said = [f"one {severity} finding makes the risk at least {level}" for severity, level in at_least.items()]
    return (joined(said).capitalize() + ", whatever the score.") if said else ""


def risk_words(level: str, score: int | None = None) -> str:
    """'Risk of appointing this candidate as proposed: high (score 26)'."""
    return f"{RISK_LABEL}: {level}" + (f" (score {score})" if score is not None else "")


def risk_raises_words(level: str, advised: str, milder: str, words_version: int) -> str:
    """Why the risk raised the outcome. Words 3 (reader 3.3): no "pack", no scale of outcomes,
    no "failure modes"; older packs keep the words their records hold."""
    if words_version >= 3:
        return (f"Together the findings make the risk of appointing the candidate as proposed"
                f" {level}: too high for '{milder}', so the advice is '{advised}'.")
    return (f"The failure modes add up: the risk of appointing the candidate as proposed is"
            f" {level}, and at {level} risk the pack advises at least '{advised}' (rather than"
            f" '{milder}').")


def left_out_words(level: str, full: int, named: str, counted: str, score: int, words_version: int
                   ) -> str:
    """Why findings the pack leaves out of compounding do not raise the outcome. Words 4 (2.6): a
    finding such as "Title without the job" is no step; the steps before the appointment answer it."""
    if words_version >= 4:
        return (f"The risk as proposed ({level}, score {full}) includes {named}, which the steps"
                f" before the appointment answer: they are not reasons to rule the candidate out."
                f" Without them the risk is {counted} (score {score}), and this recommendation stands"
                f" on taking those steps first. If they show weaknesses these answers do not, assess"
                f" again.")
    return (f"The risk as proposed ({level}, score {full}) includes {named}. These are steps to"
            f" take before the appointment, not reasons to rule the candidate out: without them"
            f" the risk is {counted} (score {score}), and this recommendation stands on taking"
            f" them first. If they show weaknesses these answers do not, assess again.")


def risk_calls_for_words(level: str, score: int, advised: str) -> str:
    """Words 3: why not a milder outcome, where the risk alone calls for ``advised`` (3.3)."""
    return (f"Together the findings make the risk of appointing the candidate as proposed {level}"
            f" (score {score}), and that risk calls for '{advised}'.")


# The fallback's constraint (rules/runtime/judgement.py) names the outcome taken in its place.
_INSTEAD = re.compile(r"The fallback is '([^']+)'|'([^']+)' is advised instead")


def decided_title(a: Any) -> str | None:
    """What a decision that follows the recommendation is called: the headline, except where the
    headline says hiring was advised but is not possible (2.6: ``titles_if_fallback``); the
    decision is then the outcome taken instead, named as the constraint names it."""
    for said in getattr(a, "constraints", None) or []:
        found = _INSTEAD.search(said)
        taken = found and (found.group(1) or found.group(2))
        if taken and taken in str(a.outcome_title):
            return str(taken)
    return str(a.outcome_title) if a.outcome_title else None


def fallback_taken(a: Any) -> bool:
    """Whether the outcome is the pack's fallback, taken because the outcome advised cannot
    happen here (its constraint says so): the advice that stands is the one not possible."""
    return any(_INSTEAD.search(said) for said in getattr(a, "constraints", None) or [])


# An incomplete case, words 3 (reader 3.10): what it shows stands only until the answers are in.
PROVISIONAL = "provisional until the missing answers are given"
PROVISIONAL_FINDINGS = f"Findings so far ({PROVISIONAL})"


def provisional_risk_words(level: str, score: int | None = None) -> str:
    """'Risk of appointing this candidate as proposed, so far: high (provisional until …)'."""
    scored = f", score {score}" if score is not None else ""
    return f"{RISK_LABEL}, so far: {level} ({PROVISIONAL}{scored})"


def to_complete_words(titles: list[str]) -> str:
    """The last line of an incomplete `leadfit evaluate`: the questions, in words only."""
    return "To complete the case, answer: " + joined([quoted(t) for t in titles]) + "."


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


NOT_ASKED = "not asked"  # words 3: a question the form never put ("not answered" reads as a gap)


def uncoded(text: str, ids: Any) -> str:
    """``text`` without the catalogue ids (``ids``) before the titles it names, nor risk
    scores: 'Unverified: P1 Digital product experience' -> 'Unverified: Digital product experience'.
    The runtime's notes keep them (records replay as decided); the executive reads this."""
    text = re.sub(r"\b([A-Z]+\d+) (?=\S)", lambda m: "" if m.group(1) in ids else m.group(0), text)
    if not ids:
        return text
    return re.sub(r" \(score \d+\)|, score \d+(?=\))", "", text)  # a score is a number, not a word


def not_a_choice_words(raw: Any) -> str:
    """A choice's answer that is none of its options (from a file: a box cannot give one),
    said at the box, which lists the options in words (the core's message lists codes)."""
    return f"“{raw}” is not one of the choices: pick one from the list"


def reference_words(code: str) -> str:
    """How a catalogue code is said where it is said at all (a tooltip, the glossary): as
    LeadFit's reference; 'article F3' read as a number the article gives, and it gives none."""
    return f"LeadFit ref. {code}"
