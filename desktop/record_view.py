"""A decision record as readable text. User text is escaped: it is shown, never interpreted."""

from __future__ import annotations

from html import escape

from leadfit.decisions.record import DecisionRecord, recorded_words
from leadfit.decisions.record_words import recommendation_words, step_words
from leadfit.words import date_words, pack_words, role_words, time_words


def _row(label: str, value: str) -> str:
    return f"<tr><td class='k'>{escape(label)}</td><td>{escape(value or '—')}</td></tr>"


def _banner(text: str) -> str:
    return f"<p style='color:#b3261e'><b>{escape(text)}</b></p>"


def record_html(record: DecisionRecord, outcome_titles: dict[str, str],
                replaced_by: str = "") -> str:
    # the PDF's headline, word for word; imported here since the PDF modules bring in
    # ReportLab, which the window needs only once a record is opened or printed
    from leadfit.reports.pdf_rationale import status_line
    d = record.decision
    title = lambda key: outcome_titles.get(key or "", key or "none")
    banners = []
    if replaced_by:
        banners.append(_banner(f"SUPERSEDED: replaced by {replaced_by}. Do not act on this"
                               " version."))
    if record.status == "withdrawn":
        banners.append(_banner(f"WITHDRAWN {time_words(record.withdrawn_at)} by"
                               f" {record.withdrawn_by}: {record.withdrawn_reason}"))
    rows = [
        _row("Stream", record.stream), _row("Candidate", record.candidate),
        _row("Assessed on", date_words(record.answers.get("org.assessed_on"))),
        _row("Recommended", recommendation_words(record, title)), _row("Decision", title(d.outcome)),
        _row("Justification", d.justification), _row("Conditions", d.conditions),
        _row("Review date", date_words(d.review_date)),
        _row("Recorded by", recorded_words(record)),
        _row("Rule pack", pack_words(record.pack.name, record.pack.version)),
    ]
    if record.supersedes:
        rows.append(_row("Corrects", f"{record.supersedes}: {record.correction_reason}"))
    if record.considered:  # the others compared: the choice was made between candidates
        rows.append(_row("Also considered", "; ".join(
            f"{c.name} ({c.outcome_title}, risk {c.risk})" for c in record.considered)))
    plan = "".join(f"<li>{escape(p.title)}: {escape(step_words(record, p))}</li>" for p in d.plan)
    if d.later_note:  # only where no step says its own date: each deferred step says when
        plan += f"<li><i>{escape(d.later_note)}</i></li>"
    signed = "".join(
        f"<li>{escape(role_words(s.role))}: {escape(s.name)}"
        f"{escape(' (computer account ' + s.account + ')') if s.account else ''},"
        f" {escape(time_words(s.at))}"
        f"{escape(' — ' + s.statement) if s.statement else ''}"
        f"{escape(' (dissent: ' + s.dissent_reasons + ')') if s.dissent else ''}</li>"
        for s in record.signoffs)
    waiting = ", ".join(role_words(r) for r in record.missing_roles())
    open_for_signing = record.status == "awaiting_signoff" and not replaced_by
    return (f"<h2>{escape(record.ref)}</h2>{''.join(banners)}"
            f"<p><b>{escape(status_line(record))}</b></p>"
            f"<table cellspacing='4'>{''.join(rows)}</table>"
            f"<h3>Mitigation plan</h3><ul>{plan or '<li>none</li>'}</ul>"
            f"<h3>Sign-offs</h3><ul>{signed or '<li>none yet</li>'}</ul>"
            + (f"<p>Waiting for: {escape(waiting)}</p>" if waiting and open_for_signing else ""))


__all__ = ["record_html", "role_words"]
