"""How codes read in words, for every front-end: the window, the command line, the PDF,
and for the rules' own messages (counts, risk labels, thresholds).

One place, so the panel, the CLI and the PDF never say the same thing three ways; split by
concept (basics, answers, outcomes and risk, answers not known, explanations), read from here.
Kernel: imports nothing of LeadFit (questions are read by their attributes).
"""

from __future__ import annotations

from leadfit.words.basics import (
    counted, plural, joined, quoted, lower_first,
)
from leadfit.words.answers import (
    READINESS, RECORD_STATUS, NOT_ANSWERED, readiness_words, status_words, role_words, pack_words, raised_by_words,
    NOT_NEEDED, step_done_words, answer_words, date_words, time_words, not_a_choice_words,
    step_agreed, agreed_step_words,
    reference_words,
)
from leadfit.words.outcomes import (
    LEAD_KIND, OUTCOME_LEAD, OUTCOME_SHORT, RISK, lead_kind_words, decision_lead_words,
    outcome_short_words, other_streams_words, still_to_hire, READINESS_SHORT, RISK_LABEL, PRECONDITIONS_LABEL,
    risk_words, risk_raises_words, left_out_words, risk_calls_for_words, decided_title,
    fallback_taken, PARAMETER_WORDS, AT_WORST_NOTE, ACCEPTED_RISK, risk_level_words,
    risk_at_least_words,
)
from leadfit.words.unknowns import (
    DEPENDS_LEAD, depends_words, decided_by_words, DEPENDS_NOTE, SEE_NOT_KNOWN, HOLDS_FIND_OUT,
    not_known_reason, depends_note_words, decided_early_words, nothing_recommended_words,
    PROVISIONAL, PROVISIONAL_FINDINGS, provisional_risk_words, to_complete_words,
    DEPENDS_NOTE_7, ASSUMED_BADLY, ASSUMED_BADLY_7,
    NOT_KNOWN_TITLE_7, assumed_badly_words, not_known_finding_words, follow_ups_count_words,
    risk_if_badly_words, risk_known_only_words, due_if_badly_words, could_lead_words,
)
from leadfit.words.changes import (
    because_words, change_words, WORSE_PREFIXES, STEPS_STILL_FIRST, NOT_ASKED, is_worse,
    worse_words, steps_still_first, change_set_words, no_change_words, uncoded,
)

__all__ = [
    "counted", "plural", "joined", "quoted", "lower_first", "READINESS", "RECORD_STATUS",
    "NOT_ANSWERED", "readiness_words", "status_words", "role_words", "pack_words", "raised_by_words", "NOT_NEEDED",
    "step_done_words", "answer_words", "date_words", "time_words", "not_a_choice_words",
    "step_agreed", "agreed_step_words",
    "reference_words", "LEAD_KIND", "OUTCOME_LEAD", "OUTCOME_SHORT", "RISK", "lead_kind_words",
    "decision_lead_words", "outcome_short_words", "other_streams_words", "still_to_hire",
    "READINESS_SHORT",
    "RISK_LABEL", "PRECONDITIONS_LABEL", "risk_words", "risk_raises_words", "left_out_words",
    "risk_calls_for_words", "decided_title", "fallback_taken", "PARAMETER_WORDS", "AT_WORST_NOTE",
    "ACCEPTED_RISK", "risk_level_words", "risk_at_least_words", "DEPENDS_LEAD",
    "depends_words", "decided_by_words", "DEPENDS_NOTE", "SEE_NOT_KNOWN", "HOLDS_FIND_OUT",
    "not_known_reason", "depends_note_words", "decided_early_words", "nothing_recommended_words",
    "PROVISIONAL", "PROVISIONAL_FINDINGS", "provisional_risk_words", "to_complete_words",
    "DEPENDS_NOTE_7", "ASSUMED_BADLY",
    "ASSUMED_BADLY_7", "NOT_KNOWN_TITLE_7", "assumed_badly_words", "not_known_finding_words",
    "follow_ups_count_words", "risk_if_badly_words", "risk_known_only_words", "due_if_badly_words",
    "could_lead_words",
    "because_words", "change_words", "WORSE_PREFIXES", "STEPS_STILL_FIRST", "NOT_ASKED", "is_worse",
    "worse_words", "steps_still_first", "change_set_words", "no_change_words", "uncoded",
]
