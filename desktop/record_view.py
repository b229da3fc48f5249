"""A decision record as readable text. User text is escaped: it is shown, never interpreted."""

from __future__ import annotations

from html import escape

from leadfit.decisions.record import DecisionRecord
from leadfit.words import role_words, status_words


def _row(label: str, value: str) -> str:
    return f"<tr><td class='k'>{escape(label)}</td><td>{escape(value or '—')}</td></tr>"


def record_html(record: DecisionRecord, outcome_titles: dict[str, str]) -> str:
    d = record.decision
    title = lambda key: outcome_titles.get(key or "", key or "none")
    rows = [
        _row("Status", status_words(record.status)),
        _row("Stream", record.stream), _row("Candidate", record.candidate),
        _row("Recommended", title(d.recommended)), _row("Decision", title(d.outcome)),
        _row("Justification", d.justification), _row("Conditions", d.conditions),
        _row("Review date", d.review_date or ""),
        _row("Rule pack", f"{record.pack.label} (fingerprint {record.pack.fingerprint[:12]})"),
        _row("Created", record.created_at.replace("T", " ")[:19] + " UTC"),
    ]
    if record.supersedes:
        rows.append(_row("Corrects", f"{record.supersedes}: {record.correction_reason}"))
    plan = "".join(f"<li>{escape(p.id)} {escape(p.title)}: {escape(p.who)},"
                   f" by {escape(p.by_when)}</li>" for p in d.plan)
    signed = "".join(
        f"<li>{escape(role_words(s.role))}: {escape(s.name)}, {escape(s.at[:16].replace('T', ' '))}"
        f"{escape(' — ' + s.statement) if s.statement else ''}"
        f"{escape(' (dissent: ' + s.dissent_reasons + ')') if s.dissent else ''}</li>"
        for s in record.signoffs)
    waiting = ", ".join(role_words(r) for r in record.missing_roles())
    return (f"<h2>{escape(record.ref)}</h2><table cellspacing='4'>{''.join(rows)}</table>"
            f"<h3>Mitigation plan</h3><ul>{plan or '<li>none</li>'}</ul>"
            f"<h3>Sign-offs</h3><ul>{signed or '<li>none yet</li>'}</ul>"
            + (f"<p>Waiting for: {escape(waiting)}</p>" if waiting else ""))
