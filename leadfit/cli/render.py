"""Short, readable text for an assessment: IDs with titles."""

from __future__ import annotations

import textwrap

from leadfit.rules.model.words import PRECONDITIONS_LABEL, RISK_LABEL, risk_words
from leadfit.words import readiness_words

_WIDTH = 100


def render_assessment(a, case=None) -> str:
    lines = []
    who = case.answer("candidate.name") if case else None
    stream = case.answer("stream.name") if case else None
    if who or stream:
        lines.append(f"{who or 'Candidate'} for {stream or 'the value stream'}")
    if a.outcome:
        lines.append(f"Recommendation: {a.outcome_title}")
    else:
        lines.append("Recommendation: none yet")
    if a.decided or a.findings:
        lines.append(risk_words(a.risk.level, a.risk.score))
    else:  # nothing found yet on an incomplete case is not a low risk (as the window says)
        lines.append(f"{RISK_LABEL}: not assessed yet")
    if a.unknowns:
        lines.append("\nAnswers not known:")
        lines += _wrap(a.unknowns.summary, "  ", "  ")
        lines += _wrap(a.unknowns.decided_by, "  ", "  ")
    if a.missing:
        lines.append("\nMissing answers:")
        lines += [f"  - {m.title} ({m.question})" for m in a.missing]
    for label, items in (("Note", a.notes), ("Constraint", a.constraints)):
        for item in items:
            lines += [""] + _wrap(f"{label}: {item}", "", "  ")
    if a.findings:
        lines.append("\nFindings:")
        for f in a.findings:
            lines += _wrap(f"[{f.severity}] {f.id} {f.title}: {f.summary}", "  - ", "    ")
            for cause in f.because:
                lines += _wrap(f"because {cause.title} = {cause.answer}", "      ", "        ")
            lines.append(f"      (rule {f.rule}, {f.layer})")
    if getattr(a, "preconditions", None):
        lines.append(f"\n{PRECONDITIONS_LABEL}:")
        for m in a.preconditions:
            lines += _wrap(f"{m.id} {m.title}: {m.meaning}", "  - ", "    ")
    if a.mitigations:
        lines.append("\nMitigation plan:")
        for m in a.mitigations:
            lines += _wrap(f"{m.id} {m.title}: {m.meaning}", "  - ", "    ")
    lines.append("\nReadiness: " + "  ".join(f"{r.id} {readiness_words(r.status)}" for r in a.readiness))
    if a.signals:
        lines.append("Context: " + ", ".join(f"{s.id} {s.title}" for s in a.signals))
    if a.alternatives:  # the explained reasons, in words (rule ids and logic: --json)
        lines.append("\nWhy not:")
        for alt in a.alternatives:
            lines.append(f"  {alt.title}:")
            for reason in alt.why_not[:6]:
                lines += _wrap(reason, "    - ", "      ")
    if a.alternatives:
        lines.append("\nWhat would change it:")
        for alt in a.alternatives:
            lines.append(f"  {alt.outcome} - {alt.title}:")
            for change_set in alt.nearest:
                lines += _wrap(change_set.words, "    - ", "      ")
            if alt.levers_only:
                lines += _wrap("With what the organisation can change: " + alt.levers_only.words,
                               "    - ", "      ")
            if alt.note:
                lines += _wrap(alt.note, "    - ", "      ")
    lines.append(f"\nPack {a.pack.label} ({a.pack.fingerprint[:12]}),"
                 f" engine {a.engine.name} {a.engine.version}")
    return "\n".join(lines)


def _wrap(text: str, first: str, rest: str) -> list[str]:
    return textwrap.wrap(text, _WIDTH, initial_indent=first, subsequent_indent=rest)
