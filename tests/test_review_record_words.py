"""A review's record as HR files it: bringing in an experienced Product Director keeps none
of the coaching (its conditions included), and the justification a review needs is on its
signed PDF (fresh-eyes round 6: hH item 8; hF's fresh6 #1)."""

from __future__ import annotations

from datetime import date

from leadfit.decisions import review_service
from leadfit.reports import printing
from tests.decisions_support import decide_coach, pdf_pages, review_continue, sign_all, squash
from tests.helpers import run_cli


def _hired(reg):
    decision = sign_all(reg, decide_coach(reg, conditions="Weekly coaching by the CPO").ref)
    return decision, review_service.review(
        reg, decision.record_id, verdict="experienced_pd", held_on="2027-02-01",
        experienced_pd="Robin Vale", today=date(2027, 2, 1),
        answers={"candidate.prioritisation": "wants_everything"},
        behaviours="Blames the squads for slow delivery",
        justification="Not adjusting by the first review")


def test_bringing_in_an_experienced_pd_keeps_no_coaching_conditions(reg, db_url):
    decision, review = _hired(reg)
    assert decision.decision.conditions == "Weekly coaching by the CPO"
    assert review.decision.outcome == "hire_external"
    assert review.decision.conditions == "" and review.decision.plan == []
    shown = run_cli("register", "show", review.ref, "--db", db_url).stdout
    assert "conditions:" not in shown and "Weekly coaching by the CPO" not in shown


def test_a_reviews_justification_is_on_its_pdf(reg):
    decision = sign_all(reg, decide_coach(reg).ref)
    review = review_continue(reg, decision.record_id,
                             answers={"candidate.former_role_share": 15,
                                      "candidate.prioritisation": "wants_everything"},
                             justification="Early days, one more cycle")
    text = squash(" ".join(pdf_pages(printing.render_pdf(reg, review.ref).pdf)))
    assert "Justification Early days, one more cycle" in text
