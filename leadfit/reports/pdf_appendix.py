"""The PDF's appendices: every answer, grouped by section, and the audit details
(rule ids, hashes, the pack) that the prose leaves out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadfit import words
from leadfit.words import date_words
from leadfit.pdf import Document
from leadfit.rules.model.catalogue import KINDS


if TYPE_CHECKING:  # types only: `leadfit report` prints a sealed record, no models (issue 15)
    from leadfit.decisions.sealed import AnyRecord


def answers_appendix(doc: Document, r: AnyRecord, questionnaire) -> None:
    doc.pagebreak()
    doc.h1("Appendix A: every answer, by section")
    doc.p("The answers as recorded with this version; the assessment above was made from them.",
          "small")
    shown: set[str] = set()
    relevant = _asked_answers(r, questionnaire)
    for section in questionnaire.sections if questionnaire else ():
        rows = [[q.title, _answer(r, q, relevant)]
                for q in section.questions if q.id in r.answers or q.required]
        shown |= {q.id for q in section.questions}
        if rows:
            doc.h2(section.title)
            doc.table([], rows, widths=[0.62, 0.38], band=False)
    rest = [[qid, words.answer_words(value)] for qid, value in r.answers.items() if qid not in shown]
    if rest:  # asked by a questionnaire this copy of LeadFit no longer has
        doc.h2("Other answers (question no longer in the questionnaire)")
        doc.table([], rest, widths=[0.62, 0.38], band=False)


def _asked_answers(r: AnyRecord, questionnaire) -> dict | None:
    """The answers to questions asked (for which were not), or None if they cannot be told."""
    from leadfit.errors import LeadFitError
    from leadfit.forms.case import build_case, relevant_answers
    if questionnaire is None:
        return None
    try:  # typed as replay types them (dates are text in the record)
        return relevant_answers(build_case(r.answers, questionnaire), questionnaire)
    except (LeadFitError, TypeError, ValueError):  # answers of an older questionnaire
        return None


def _answer(r: AnyRecord, q, relevant: dict | None) -> str:
    """An answer in words; a question the form never put is "not asked", never "not answered"
    (an audit reads that as a gap in HR's work)."""
    from leadfit.forms.case import is_asked
    value = r.answers.get(q.id)
    # not asked, whatever the case file held: a plan's details printed under "agreed plan:
    # no" read as a plan agreed after all (F38); the judgement never read them either
    if q.ask_if is not None and relevant is not None and not is_asked(q, relevant):
        return words.NOT_ASKED
    return words.answer_words(value, q)


def audit_appendix(doc: Document, r: AnyRecord, anchor) -> None:
    doc.keep(lambda doc: _audit(doc, r, anchor))  # on a page of its own where it fits one:
    # never its last lines alone on the last page


def _audit(doc: Document, r: AnyRecord, anchor) -> None:
    doc.h1("Appendix B: audit details")
    rows = _cited_rows(r)
    if rows:  # the words first, as everywhere; the article's references to look them up
        doc.p("Each item the pages above name in words, with the idea in the article it stands for"
              " and the rule that raised it.", "small")
        doc.table(["Item", "Article", "Rule that raised it"], rows, widths=[0.42, 0.13, 0.45])
    doc.keep(lambda doc: _audit_facts(doc, r, anchor))   # never three lines alone on a page


EARLIER = "raised in the decision reviewed"


def _cited_rows(r: AnyRecord) -> list[list[str]]:
    """(words, article reference, rules) of every item the rationale names: its pages print
    the words alone (an executive reads no codes), HR finds the idea in the article here."""
    a, rv = r.assessment, r.review
    rows = [[i.title, i.id, ", ".join(i.rules)] for i in a.readiness]
    rows += [[f.title, f.id, f.rule] for f in a.findings]
    rows += [[s.title, s.id, s.rule] for s in a.signals]
    rows += [[m.title, m.id, ", ".join(m.rules)] for m in [*a.preconditions, *a.mitigations]]
    if rv is not None:  # a review names the findings gone since the decision too
        rows += [[f.title, f.id, EARLIER] for f in rv.findings]
        rows += [[m.title, m.id, EARLIER] for m in rv.mitigations]
    unique: dict[tuple[str, str], str] = {}
    for title, ref, rules in rows:   # the first has the rules (a review's carry none)
        unique.setdefault((title, ref), rules)
    return [[title, ref if _in_article(ref) else "none: an answer not known", rules]
            for (title, ref), rules in unique.items()]


def _in_article(ref: str) -> bool:
    """An id of the article's catalogue (P, R, F, M); the runtime's U1, U2 name answers not known."""
    return ref[:1] in KINDS.values()


def _audit_facts(doc: Document, r: AnyRecord, anchor) -> None:
    a = r.assessment
    doc.kv("Rules that fired:", ", ".join(a.rules_fired) or "none", "small")
    doc.kv("Risk score (the points the rule pack adds up for the risk in words on page 1):",
           f"{a.risk.score}, which the pack calls {a.risk.level}", "small")
    pack, engine = r.pack, r.engine
    doc.kv("Record hash (SHA-256 of the stored record):", anchor.record_hash, "small")
    doc.kv("Rule pack:", f"{pack.label} fingerprint {pack.fingerprint};"
           f" layers: {', '.join(pack.layers) or 'none'}", "small")
    doc.kv("Engine:", f"{engine.name} {engine.version}; LeadFit {r.leadfit_version}", "small")
    doc.kv("Audit chain head when printed:",
           f"{anchor.chain_head} ({anchor.chain_entries} entries)", "small")
    doc.p(f"To check this paper against the register: 'leadfit replay {r.ref}' re-evaluates the"
          " stored answers under this pack, and 'leadfit verify' (or Decision > Check the"
          " register in the window) confirms nothing in the register changed since. Keep this"
          " page: the chain head above anchors the register as it was.", "small")
