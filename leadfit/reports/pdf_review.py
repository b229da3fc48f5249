"""The PDF sections of fail-fast reviews: the terms a coached decision agreed, and a
review record's link, verdict and what changed since the decision, finding by finding."""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadfit.decisions.review_words import finding_words, headline, step_words
from leadfit.pdf import Document
from leadfit.words import date_words


if TYPE_CHECKING:  # types only: `leadfit report` prints a sealed record, no models (issue 15)
    from leadfit.decisions.sealed import AnyRecord

_CHANGE_ORDER = {"new": 0, "changed": 1, "gone": 2, "same": 3}


def review_terms_section(doc: Document, r: AnyRecord) -> None:
    """On a coached decision: when it is reviewed and what would count as not adjusting."""
    d = r.decision
    if r.review is not None or not (d.review_criteria or d.decisive_review_date):
        return
    doc.h1("Fail-fast reviews agreed")
    if d.review_date:
        doc.kv("First review:", date_words(d.review_date))
    if d.decisive_review_date:
        doc.kv("Decisive review:", date_words(d.decisive_review_date))
    if d.review_criteria:
        doc.p("It will count as not adjusting if, by the review:")
        doc.bullets(d.review_criteria)


def review_section(doc: Document, r: AnyRecord, outcome_title) -> None:
    """On a review's own record: what it reviews, the verdict, and every change."""
    rv = r.review
    if rv is None:
        return
    doc.h1("Fail-fast review")
    doc.p(headline(rv), "callout")
    doc.kv("Reviews:", rv.of + ("" if rv.of == rv.decision
                               else f", which follows the appointment decision {rv.decision}"))
    doc.kv("Recommendation:", f"at the decision {outcome_title(rv.recommended_before)}; now"
                              f" {outcome_title(r.assessment.outcome)}")
    if rv.criteria:
        doc.h2("Not adjusting, as agreed at the decision")
        doc.bullets(rv.criteria)
    doc.h2("What changed since the decision")
    rows = [[a.title, a.before, a.after] for a in rv.answers]
    if rows:
        doc.table(["Answer", "At the decision", "At this review"], rows,
                  widths=[0.5, 0.25, 0.25])
    else:
        doc.p("No answer asked again has changed.")
    found = sorted(rv.findings, key=lambda f: _CHANGE_ORDER[f.change])
    doc.table(["Finding", "Since the decision"],
              [[f.title, finding_words(f)] for f in found], widths=[0.58, 0.42])
    if rv.mitigations:
        doc.h2("Mitigations")
        doc.table(["Step", "At this review"],
                  [[m.title, step_words(m.done_on, m.due)] for m in rv.mitigations],
                  widths=[0.58, 0.42])
    for label, text in (("Behaviours observed:", rv.behaviours),
                        ("Experience since the decision:", rv.experience)):
        if text:
            doc.kv(label, text)
