"""The PDF rationale people sign and file, built with the leadfit.pdf toolkit.

It reads like a document: page one says what was decided, its status (with
dissent, superseded or withdrawn said first), the hiring constraint beside the
recommendation; the answers and the audit details (rule ids, hashes) are appendices.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadfit import ARTICLE_TITLE, __version__
from leadfit.reports.pdf_alternatives import other_outcomes_sections, unknowns_section
from leadfit.reports.pdf_appendix import answers_appendix, audit_appendix
from leadfit.reports.pdf_considered import considered_section
from leadfit.reports.pdf_plain import plain_words
from leadfit.decisions.anchor import Anchor, anchor_in
from leadfit.reports.pdf_review import review_section, review_terms_section
from leadfit.decisions.record_words import (agreed_terms, done_words, found_out_first, outcome_title,
                                            recorded_words)
from leadfit.reports.pdf_portfolio import reading_section
from leadfit.pdf import Document, describe, level_bars
from leadfit.words import NOT_NEEDED, PRECONDITIONS_LABEL, RISK_LABEL, decided_early_words, decided_title
from leadfit.words import answer_words, date_words, joined, quoted, readiness_words, role_words
from leadfit.words import time_words

if TYPE_CHECKING:  # types only: `leadfit report` prints a sealed record (issue 15)
    from leadfit.decisions.sealed import AnyRecord
    from leadfit.rules.model.assessment import Assessment

_LEVEL = {"met": 3, "partial": 2, "not_met": 1, "unknown": 0}
_WATERMARK = {"draft": "DRAFT – NOT SIGNED", "awaiting_signoff": "NOT SIGNED",
              "withdrawn": "WITHDRAWN"}
CONFIDENTIAL = "CONFIDENTIAL – personnel decision record"


def render(record: AnyRecord, anchor: Anchor, *, replaced_by: str = "",
           questionnaire=None) -> tuple[bytes, list[str]]:
    """(PDF bytes, characters the font could not draw, described). ``replaced_by`` names
    the version that supersedes this one; ``questionnaire`` words the answers."""
    doc = Document(f"Decision rationale {record.ref}", footer=_footer(record),
                   keywords=anchor.keywords,
                   watermark=_watermark(record, replaced_by), mark=CONFIDENTIAL)
    a = record.assessment
    questions = questionnaire.questions if questionnaire else {}
    _glance(doc, record, a, replaced_by)
    considered_section(doc, record)
    review_section(doc, record, _title)
    unknowns_section(doc, a)
    _readiness(doc, record, questionnaire)
    _findings(doc, a, questions)
    reading_section(doc, record, questionnaire)
    _plan(doc, record)
    review_terms_section(doc, record)
    _signals(doc, a, questions)
    other_outcomes_sections(doc, a)
    _signoff(doc, record, replaced_by)
    answers_appendix(doc, record, questionnaire)
    audit_appendix(doc, record, anchor)
    pdf = doc.render()
    return pdf, [f"{describe(ch)} in '{samples[0]}'" for ch, samples in doc.unsupported.items()]


def _watermark(r: AnyRecord, replaced_by: str) -> str:
    if replaced_by:
        return "SUPERSEDED"
    return "" if r.status == "signed" else _WATERMARK.get(r.status, "NOT SIGNED")


_title = outcome_title  # one reading of an outcome key, shared with the command line


def _footer(record: AnyRecord):
    # The hashes, pack fingerprint and engine are for an audit, not for every reader of
    # every page: they live in the audit appendix, which the footer points to.
    lines = [f"Record {record.ref} · {CONFIDENTIAL}",
             "Hashes, rule pack and engine for an audit: in the audit details at the end"]
    return lambda page, total: lines


def _glance(doc: Document, r: AnyRecord, a: Assessment, replaced_by: str) -> None:
    kind = "Fail-fast review" if r.review else "Decision rationale"
    doc.title_line(f"{kind}: {r.stream or 'unnamed stream'}")
    if replaced_by:
        doc.p(f"SUPERSEDED: this is version {r.version}; it was replaced by {replaced_by}."
              " Do not act on this copy: read the replacing version.", "alert")
    if r.status == "withdrawn":
        doc.p(f"WITHDRAWN {time_words(r.withdrawn_at)} by {r.withdrawn_by}: {r.withdrawn_reason}."
              " This decision was never signed and does not stand.", "alert")
    doc.p(status_line(r), "callout" if r.status == "signed" and not replaced_by else "alert")
    doc.p(f"Record {r.ref} · created {time_words(r.created_at)}", "small")
    role = r.answers.get("candidate.current_role", "")
    rows = [["Value stream", r.stream],
            ["Candidate", f"{r.candidate}" + (f" ({role})" if role else "")],
            ["Assessed on", date_words(r.answers.get("org.assessed_on")) or "not recorded"],
            ["Recommendation", a.outcome_title or _title(a.outcome)],
            [RISK_LABEL, a.risk.level]]  # words: the score is in the audit details
    plain = plain_words(a)
    if a.constraints:  # beside the recommendation: it can rule one of the outcomes out
        rows.append(["Hiring constraint", "\n".join(plain(c) for c in a.constraints)])
    decided = (decided_title(a) or _title(a.outcome)) if r.decision.outcome == a.outcome else (
        _title(r.decision.outcome))  # as the recommendation is called here (no coaching promised)
    early = decided_early_words(a)
    if early:  # words 3: the decision is the outcome, taken before finding out, and says so
        decided = f"{_title(r.decision.outcome)}, {early}"
    unadvised = found_out_first(r)  # nothing was recommended: every outcome needs its reason
    rows.append(["Decision", decided + ("  (nothing was recommended)" if unadvised else
                                        "  (differs from the recommendation)" if r.decision.differs
                                        else "  (as recommended)")])
    if r.decision.differs or unadvised or r.decision.justification:
        # beside the decision: HR's first question in a dispute (a review's, or one given
        # though not asked for, is on the signed paper too)
        rows.append(["Justification", r.decision.justification or "not recorded"])
    if r.review:
        rows.append(["Reviews", f"{r.review.of} (held {date_words(r.review.held_on)})"])
    if r.decision.review_date:
        rows.append(["Next fail-fast review" if r.review else "Fail-fast review",
                     date_words(r.decision.review_date)])
    rows.append(["Recorded by", recorded_words(r)])
    if r.supersedes:
        rows.append(["Corrects", f"{r.supersedes}: {r.correction_reason}"])
    doc.table([], rows, widths=[0.22, 0.78])
    _qualified(doc, r)
    if a.notes and r.decision.differs and not unadvised:  # they explain the advice not followed
        doc.p(f"What the recommendation ({a.outcome_title or _title(a.outcome)}) says, which the"
              " decision did not follow:", "small")
    for note in a.notes:  # the trade-off, the plan for hiring, compounding, what is unverified
        doc.p(plain(note))
    doc.p(f"Source: LeadFit's rules read the article “{ARTICLE_TITLE}”; the audit details at the"
          " end name the idea in it that each readiness mark, finding, step and signal stands for.",
          "small")


def status_line(r: AnyRecord) -> str:
    """The headline: what a reader must know before anything else."""
    dissenters = [role_words(s.role) for s in r.signoffs if s.dissent]
    dissent = f", with dissent from {' and '.join(dissenters)}" if dissenters else ""
    if r.status == "signed":
        # the signers first, the dissent after them: "SIGNED, with dissent from HR by A, B"
        # read as if A had dissented
        return ("Status: SIGNED by " + " and ".join(f"{s.name} ({role_words(s.role)})"
                                                   for s in r.signoffs) + dissent)
    if r.status == "withdrawn":
        return "Status: WITHDRAWN, NOT SIGNED"
    waiting = ", ".join(role_words(role) for role in r.missing_roles())
    if r.status == "draft":
        return f"Status: DRAFT, NOT SIGNED (not yet submitted; to sign: {waiting})"
    return f"Status: NOT SIGNED{dissent}, awaiting sign-off by {waiting}"


def _readiness(doc: Document, r: AnyRecord, questionnaire) -> None:
    """The marks as the window and the terminal say them: one resting on an asked question
    left unanswered is 'not answered', never 'met' (forms/unanswered.py)."""
    doc.h1("Readiness against the ideal Product Director")
    open_ = _unanswered(r, questionnaire)
    rows = []
    for item in r.assessment.readiness:
        status = "unknown" if item.id in open_ and item.status == "met" else item.status
        rows.append((item.title, _LEVEL.get(status, 0), status if status in _LEVEL else "unknown",
                     readiness_words(item.status, item.id in open_)))
    doc.chart(level_bars(rows, 3, doc.styles))


def _unanswered(r: AnyRecord, questionnaire) -> dict[str, list[str]]:
    """The ideas resting on an asked question the record leaves unanswered, read from its
    stored answers (a question 'not known' is answered) with the questionnaire that words them;
    none where this questionnaire cannot read them (a record of an older one)."""
    if questionnaire is None:
        return {}
    from leadfit.errors import InputError
    from leadfit.forms.case import build_case
    from leadfit.forms.unanswered import unanswered_informing
    asked = {q: v for q, v in r.answers.items() if q in questionnaire.questions
             and not questionnaire.questions[q].derived_from}
    try:
        case = build_case(asked, questionnaire, source=f"{r.ref} answers")
    except InputError:
        return {}
    return unanswered_informing(case, questionnaire)


def _findings(doc: Document, a: Assessment, questions) -> None:
    doc.h1("Findings")
    if not a.findings:
        doc.p("No failure mode was raised by the answers.")
        return
    plain = plain_words(a)
    rows = [[f.title, f.severity, _because(f.because, questions) or plain(f.summary)]
            for f in a.findings]
    doc.table(["Finding", "Severity", "Raised by the answers"], rows, widths=[0.3, 0.11, 0.59])


def _plan(doc: Document, r: AnyRecord) -> None:
    if r.decision.outcome == HIRE:
        _hire_steps(doc, r)
        return
    doc.h1("Mitigation plan")
    if r.decision.review_date:
        doc.kv("Fail-fast review date:", date_words(r.decision.review_date))
    planned = {p.id for p in r.decision.plan}
    left = [m for m in r.assessment.plan_steps() if m.id not in planned] if r.decision.differs else []
    if left:  # appointed outright against coaching: the coaching steps are dropped, and say so
        doc.p("The decision does not take up these steps the recommendation called for:"
              f" {joined([quoted(m.title) for m in left])}; the justification on page 1 says why.")
    if not r.decision.plan:
        if not left:
            doc.p("No mitigation is required.")
        return
    if r.decision.later_note:
        doc.p(r.decision.later_note)
    meanings = _meanings(r.assessment)
    rows = [["\n".join(x for x in (p.title, meanings.get(p.id, "")) if x),
             *_who_and_when(r, p)] for p in r.decision.plan]
    doc.table(["What", "Who", "By when"], rows, widths=[0.63, 0.2, 0.17])


def _who_and_when(r: AnyRecord, p) -> list[str]:
    """Who does a step and by when; a step its words say is done needs neither agreed."""
    done, agreed = done_words(r, p), agreed_terms(r, p)
    if agreed:  # the answers name who and by when (M8's plan): never "to be agreed"
        return list(agreed)
    return [done, NOT_NEEDED] if done else [p.who, date_words(p.due) or p.by_when]


HIRE = "hire_external"  # the record keeps no plan for it (decisions/making.py NO_COACHING)


def _hire_steps(doc: Document, r: AnyRecord) -> None:
    """What the assessment requires for a hire from outside, as the command line lists it:
    the record stores no plan for a hire, so "needs none" read as nothing to do (reader 5)."""
    a = r.assessment
    doc.h1("Steps for the hire")
    unowned = "this record names no owner or date for them."
    if a.outcome == HIRE:
        steps = a.plan_steps()
        said = "No coaching plan: an experienced Product Director is hired to lead the stream. " + (
            f"The assessment requires these steps for the hire; {unowned}" if steps
            else "The assessment lists no step for the hire.")
    else:  # the coaching steps were for appointing this candidate, the earlier ones for anyone
        steps = a.preconditions
        said = ("No coaching plan: hiring from outside, this candidate does not lead the stream,"
                f" so the plan the recommendation ({a.outcome_title or _title(a.outcome)}) called for does"
                " not apply." + (f" The assessment asked for these steps before anyone is"
                                 f" appointed; {unowned}" if steps else ""))
    doc.p(said)
    if steps:
        meanings = _meanings(a)
        doc.table(["What"], [[f"{m.title}\n{meanings[m.id]}"] for m in steps], widths=[1.0])


def _meanings(a: Assessment) -> dict[str, str]:
    """What each step of the plan means, in words; a step before the appointment says so."""
    plain = plain_words(a)
    meanings = {m.id: plain(m.meaning) for m in a.mitigations}
    return meanings | {m.id: f"{PRECONDITIONS_LABEL}. {plain(m.meaning)}" for m in a.preconditions}


def _signals(doc: Document, a: Assessment, questions) -> None:
    doc.h1("Context signals")
    if not a.signals:
        doc.p("No context signal was raised.")
        return
    rows = [[s.title, _because(s.because, questions)] for s in a.signals]
    doc.table(["Signal", "Because"], rows, widths=[0.38, 0.62])


def _qualified(doc: Document, r: AnyRecord) -> None:
    """The conditions and the dissent right under the decision they qualify: pages later,
    a reader has acted on the decision before meeting them."""
    if r.decision.conditions:  # a review that brings in a PD carries the coaching's conditions
        ended = r.review is not None and r.decision.outcome == HIRE
        doc.h2("Conditions of the coached appointment this review ends" if ended else "Conditions")
        doc.p(r.decision.conditions)
    dissent = [s for s in r.signoffs if s.dissent]
    if dissent:
        doc.h2("Dissent")
        for s in dissent:
            doc.kv(f"{s.name} ({role_words(s.role)}):", s.dissent_reasons)


def _signoff(doc: Document, r: AnyRecord, replaced_by: str) -> None:
    """The sign-off recorded and the lines to sign on paper, on one page where they fit:
    the paper signatures alone on a page read as a page left over. Where the sign-off runs
    over a page, the signatures stay with its last row."""
    def block(d: Document) -> None:
        _recorded_signoff(d, r, replaced_by)
        d.with_table_end(lambda d: _under_signoff(d, r, replaced_by))
    doc.keep(block)


def _recorded_signoff(doc: Document, r: AnyRecord, replaced_by: str) -> None:
    doc.h1("Sign-off recorded in LeadFit")
    rows = [[role_words(s.role), s.name + (f"\ncomputer account {s.account}" if s.account else ""),
             time_words(s.at),
             "\n".join(x for x in (s.statement, "Signed with dissent" if s.dissent else "") if x)]
            for s in r.signoffs]
    rows += [[role_words(role), _unsigned(r, replaced_by), "", ""] for role in r.missing_roles()]
    doc.table(["Role", "Name", "Signed", "Statement"], rows, widths=[0.16, 0.3, 0.24, 0.3])


def _unsigned(r: AnyRecord, replaced_by: str) -> str:
    return ("not signed: withdrawn" if r.status == "withdrawn" else
            f"not signed: replaced by {replaced_by}" if replaced_by else "awaiting signature")


def _under_signoff(doc: Document, r: AnyRecord, replaced_by: str) -> None:
    doc.p("A name typed in LeadFit shows who the signer said they were and the computer account"
          " that entered it; it is not a handwritten or cryptographic signature.", "small")
    if r.status == "withdrawn" or replaced_by:  # lines to sign under "does not stand" read as
        doc.p("Not to be signed on paper: " + _unsigned(r, replaced_by).split(": ")[1] + ".")
        return                                   # an invitation to sign it anyway
    _wet_signatures(doc, r)


def _wet_signatures(doc: Document, r: AnyRecord) -> None:
    def block(d: Document) -> None:  # together even when the sign-off above runs on
        d.h2("Signatures on paper")
        d.table(["Role", "Name (printed)", "Signature", "Date"],
                [[role_words(role), "", "", ""] for role in r.required_roles],
                widths=[0.16, 0.3, 0.34, 0.2], band=False, row_mm=14)
    doc.keep(block)


def _because(causes, questions) -> str:
    return "\n".join(f"{c.title}{' ' if c.title.endswith('?') else ': '}"
                     f"{answer_words(c.answer, questions.get(c.question))}" for c in causes)


__all__ = ["Anchor", "__version__", "anchor_in", "recorded_words", "render", "status_line"]
