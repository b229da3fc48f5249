"""The PDF rationale people sign and file, built with the leadfit.pdf toolkit."""

from __future__ import annotations

from dataclasses import dataclass

from leadfit import __version__
from leadfit.decisions.pdf_alternatives import other_outcomes_sections, unknowns_section
from leadfit.decisions.record import DecisionRecord
from leadfit.pdf import Document, describe, level_bars
from leadfit.rules.assessment import Assessment
from leadfit.rules.catalogue import default_catalogue
from leadfit.words import answer_words, readiness_words, role_words

_LEVEL = {"met": 3, "partial": 2, "not_met": 1, "unknown": 0}
_RECORD_STATUS = {"draft": "Draft", "awaiting_signoff": "Awaiting sign-off", "signed": "Signed"}
_WATERMARK = {"draft": "DRAFT – NOT SIGNED", "awaiting_signoff": "NOT SIGNED"}


@dataclass(frozen=True)
class Anchor:
    """What ties the paper to the register: the record hash and the audit chain head."""

    record_hash: str
    chain_head: str
    chain_entries: int

    @property
    def keywords(self) -> str:
        """The anchor in the PDF's metadata, read back by ``leadfit verify --pdf``."""
        return f"leadfit-anchor {self.chain_entries} {self.chain_head} {self.record_hash}"


def anchor_in(pdf: bytes) -> Anchor | None:
    """The anchor a LeadFit PDF carries in its metadata, or None."""
    import re
    found = re.search(rb"leadfit-anchor (\d{1,12}) ([0-9a-f]{64}) ([0-9a-f]{64})", pdf)
    if not found:
        return None
    return Anchor(found[3].decode(), found[2].decode(), int(found[1]))


def render(record: DecisionRecord, anchor: Anchor) -> tuple[bytes, list[str]]:
    """(PDF bytes, characters the font could not draw, described)."""
    unsigned = record.status != "signed"  # paper that is not final must look it on every page
    doc = Document(f"Decision rationale {record.ref}", footer=_footer(record, anchor),
                   keywords=anchor.keywords,
                   watermark=_WATERMARK.get(record.status, "NOT SIGNED") if unsigned else "")
    a = record.assessment
    _glance(doc, record, a)
    unknowns_section(doc, a)
    _readiness(doc, a)
    _findings(doc, a)
    _plan(doc, record)
    _signals(doc, a)
    other_outcomes_sections(doc, a)
    _reasons(doc, record, a)
    _signoff(doc, record)
    _provenance(doc, record, anchor)
    pdf = doc.render()
    return pdf, [f"{describe(ch)} in '{samples[0]}'" for ch, samples in doc.unsupported.items()]


def _title(item: str | None) -> str:
    if not item:
        return "none"
    try:
        return default_catalogue().title(item)
    except (KeyError, LookupError):
        return item


def _footer(record: DecisionRecord, anchor: Anchor):
    pack, engine = record.pack, record.engine
    lines = [f"Record {record.ref} · SHA-256 {anchor.record_hash}",
             f"Rule pack {pack.label} · fingerprint {pack.fingerprint}",
             f"Engine {engine.name} {engine.version} · LeadFit {record.leadfit_version}"]
    return lambda page, total: lines


def _glance(doc: Document, r: DecisionRecord, a: Assessment) -> None:
    doc.title_line(f"Decision rationale: {r.stream or 'unnamed stream'}")
    doc.p(_status_line(r), "callout" if r.status == "signed" else "alert")
    doc.p(f"Record {r.ref} · created {r.created_at}", "small")
    role = r.answers.get("candidate.current_role", "")
    rows = [["Value stream", r.stream],
            ["Candidate", f"{r.candidate}" + (f" ({role})" if role else "")],
            ["Recommendation", (f"{a.outcome_title or _title(a.outcome)} · risk {a.risk.level}"
                               f" (score {a.risk.score})")],
            ["Decision", _title(r.decision.outcome)
             + ("  (differs from the recommendation: see justification)"
                if r.decision.differs else "  (as recommended)")]]
    if r.decision.review_date:
        rows.append(["Fail-fast review", r.decision.review_date])
    if r.supersedes:
        rows.append(["Corrects", f"{r.supersedes}: {r.correction_reason}"])
    doc.table([], rows, widths=[0.22, 0.78])


def _status_line(r: DecisionRecord) -> str:
    if r.status == "signed":
        return "Status: SIGNED by " + ", ".join(f"{s.name} ({role_words(s.role)})"
                                                for s in r.signoffs)
    waiting = ", ".join(role_words(role) for role in r.missing_roles())
    if r.status == "draft":
        return f"Status: DRAFT, NOT SIGNED (not yet submitted; to sign: {waiting})"
    return f"Status: NOT SIGNED, awaiting sign-off by {waiting}"


def _readiness(doc: Document, a: Assessment) -> None:
    doc.h1("Readiness against the ideal Product Director (P1-P6)")
    rows = [(f"{item.id} {item.title}", _LEVEL.get(item.status, 0),
             item.status if item.status in _LEVEL else "unknown",
             readiness_words(item.status)) for item in a.readiness]
    doc.chart(level_bars(rows, 3, doc.styles))


def _findings(doc: Document, a: Assessment) -> None:
    doc.h1("Findings")
    if not a.findings:
        doc.p("No failure mode was raised by the answers.")
        return
    rows = [[f.id, f.title, f.severity,
             _because(f.because) or f.summary]
            for f in a.findings]
    doc.table(["ID", "Finding", "Severity", "Raised by the answers"], rows,
              widths=[0.07, 0.25, 0.11, 0.57])


def _plan(doc: Document, r: DecisionRecord) -> None:
    doc.h1("Mitigation plan")
    if r.decision.review_date:
        doc.kv("Fail-fast review date:", r.decision.review_date)
    if not r.decision.plan:
        doc.p("No mitigation is required.")
        return
    meanings = {m.id: m.meaning for m in r.assessment.mitigations}
    rows = [[p.id, f"{p.title}\n{meanings.get(p.id, '')}".strip(), p.who, p.by_when]
            for p in r.decision.plan]
    doc.table(["ID", "What", "Who", "By when"], rows, widths=[0.07, 0.6, 0.18, 0.15])


def _signals(doc: Document, a: Assessment) -> None:
    doc.h1("Context signals")
    if not a.signals:
        doc.p("No context signal was raised.")
    else:
        rows = [[s.id, s.title, _because(s.because)]
                for s in a.signals]
        doc.table(["ID", "Signal", "Because"], rows, widths=[0.07, 0.33, 0.6])
    for constraint in a.constraints:
        doc.kv("Constraint:", constraint)


def _reasons(doc: Document, r: DecisionRecord, a: Assessment) -> None:
    d = r.decision
    if d.differs:
        doc.h1("Justification (the decision differs from the recommendation)")
        doc.kv("Recommended:", a.outcome_title or _title(a.outcome))
        doc.kv("Decided:", _title(d.outcome))
        doc.p(d.justification)
    if d.conditions:
        doc.h1("Conditions")
        doc.p(d.conditions)
    dissent = [s for s in r.signoffs if s.dissent]
    if dissent:
        doc.h1("Dissent")
        for s in dissent:
            doc.kv(f"{s.name} ({role_words(s.role)}):", s.dissent_reasons)


def _signoff(doc: Document, r: DecisionRecord) -> None:
    doc.h1("Sign-off")
    rows = [[role_words(s.role), s.name, s.at,
             "\n".join(x for x in (s.statement, "Signed with dissent" if s.dissent else "") if x)]
            for s in r.signoffs]
    rows += [[role_words(role), "awaiting signature", "", ""] for role in r.missing_roles()]
    doc.table(["Role", "Name", "Signed (UTC)", "Statement"], rows, widths=[0.18, 0.27, 0.22, 0.33])


def _provenance(doc: Document, r: DecisionRecord, anchor: Anchor) -> None:
    doc.h1("Provenance")
    pack, engine = r.pack, r.engine
    doc.kv("Record hash (SHA-256 of the stored record):", anchor.record_hash, "small")
    doc.kv("Rule pack:", f"{pack.label} fingerprint {pack.fingerprint};"
           f" layers: {', '.join(pack.layers) or 'none'}", "small")
    doc.kv("Engine:", f"{engine.name} {engine.version}; LeadFit {r.leadfit_version}", "small")
    doc.kv("Audit chain head when printed:",
           f"{anchor.chain_head} ({anchor.chain_entries} entries)", "small")
    doc.p(f"Replay: leadfit replay {r.ref} re-evaluates the stored answers under this pack."
          " Check: leadfit verify confirms nothing in the register changed since. Keep this"
          " page: the chain head above anchors the register as it was.", "small")


def _because(causes) -> str:
    return "\n".join(f"{c.title}{' ' if c.title.endswith('?') else ': '}{_answer(c.answer)}"
                     for c in causes)


_answer = answer_words


__all__ = ["Anchor", "__version__", "anchor_in", "render"]
