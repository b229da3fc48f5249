"""Codes read as words, the same in the window, the command line and the PDF."""

from __future__ import annotations

from datetime import date

from leadfit.words import answer_words, readiness_words, role_words, status_words


def test_answers_statuses_and_roles_read_as_words():
    assert [answer_words(v) for v in (None, True, False, date(2027, 2, 1), 12.5, "Alex")] == \
        ["not answered", "yes", "no", "2027-02-01", "12.5", "Alex"]
    assert [readiness_words(s) for s in ("met", "partial", "not_met", "unknown")] == \
        ["met", "partly met", "not met", "unknown"]
    assert status_words("awaiting_signoff") == "awaiting sign-off" and status_words("signed") == "signed"
    assert role_words("decision_maker") == "Decision maker" and role_words("hr") == "HR"
