"""The signed PDF's answers appendix says "not asked" for a question the form never put (an
outside coach where there is a CPO; the appetite to develop on a stream that is not low
revenue), never "not answered", which an audit reads as a gap (hF's fresh6 #5)."""

from __future__ import annotations

from leadfit.decisions.register import open_register
from leadfit.reports import printing
from tests.decisions_support import case_with, decide_coach, pdf_pages, squash


def test_a_question_never_asked_reads_not_asked_in_the_appendix(db):
    with open_register(db) as reg:
        record = decide_coach(reg)
        text = squash(" ".join(pdf_pages(printing.render_pdf(reg, record.ref).pdf)))
    assert record.answers["org.cpo_available"] is True and "org.coach_available" not in record.answers
    appendix = text.split("Appendix A")[1]
    assert "Can you bring in an outside coach? not asked" in appendix
    assert "accepting slower delivery? not asked" in appendix
    assert "not answered" not in appendix


def test_a_question_asked_reads_its_answer(db):
    with open_register(db) as reg:  # no CPO: the outside coach is asked
        record = decide_coach(reg, case_with(**{"org.cpo_available": False,
                                                "org.coach_available": True}))
        text = squash(" ".join(pdf_pages(printing.render_pdf(reg, record.ref).pdf)))
    assert "Can you bring in an outside coach? yes" in text.split("Appendix A")[1]


def test_no_plan_details_follow_an_answer_that_there_is_no_agreed_plan(db):
    """F38: the case file still held the plan's share, date and backfill after "agreed plan:
    no"; the appendix printed them as if a plan were agreed. They were never asked."""
    with open_register(db) as reg:
        record = decide_coach(reg, case_with(**{"candidate.reduce_former_role": False}))
        text = squash(" ".join(pdf_pages(printing.render_pdf(reg, record.ref).pdf)))
    appendix = text.split("Appendix A")[1]
    assert "Is there an agreed plan to reduce the former role? no" in appendix
    assert "Share of their time the plan leaves in the former role not asked" in appendix
    assert "Date by which the former role is reduced to that share not asked" in appendix
    assert "1 April 2027" not in appendix and "Jo Patel" not in appendix
