"""An assessment as an executive reads it in the terminal: words only. ``details``
(`leadfit evaluate --details`) adds the codes a consultant looks up: catalogue and
rule ids, question ids, outcome keys, the pack's fingerprint and the engine."""

from __future__ import annotations

import textwrap

from leadfit.forms.unanswered import unanswered_informing

from leadfit.words import (
    HOLDS_FIND_OUT,
    PRECONDITIONS_LABEL,
    SEE_NOT_KNOWN,
    RISK_LABEL,
    assumed_badly_words,
    because_words,
    change_set_words,
    PROVISIONAL_FINDINGS,
    no_change_words,
    provisional_risk_words,
    readiness_words,
    risk_words,
    uncoded,
)

_WIDTH = 100


def render_assessment(a, case=None, pack=None, details: bool = False) -> str:
    """``pack``: its questions word the answers as the questionnaire does, its title names it."""
    questions = pack.questionnaire.questions if pack else {}
    ids = set() if details or pack is None else set(pack.catalogue.entries)

    def code(item_id: str) -> str:  # "F1 " for the consultant, nothing for the executive
        return f"{item_id} " if details else ""

    v3 = bool(pack) and pack.settings.words_version >= 3
    provisional = v3 and not a.decided  # reader 3.10: what stands before the answers are all in
    lines = _heading(a, case, details, provisional)
    if a.unknowns:
        lines.append("\nAnswers not known:")
        lines += _wrap(uncoded(a.unknowns.summary, ids), "  ", "  ")
        version = pack.settings.words_version if pack else 1
        badly = HOLDS_FIND_OUT if v3 and a.unknowns.verdict == "holds" else assumed_badly_words(version)
        # --details: the engine's own account of which answers it took (UnknownAnswers.decided_by)
        lines += _wrap(a.unknowns.decided_by if details else badly, "  ", "  ")
    if a.missing:
        lines.append("\nMissing answers:")
        lines += [f"  - {m.title}" + (f" ({m.question})" if details else "") for m in a.missing]
    for label, items in (("Note", a.notes), ("Constraint", a.constraints)):
        for item in items:
            lines += [""] + _wrap(f"{label}: {uncoded(item, ids)}", "", "  ")
    if a.findings:
        lines.append(f"\n{PROVISIONAL_FINDINGS if provisional else 'Findings'}:")
        for f in a.findings:
            lines += _wrap(f"{code(f.id)}{f.title} ({f.severity}): {uncoded(f.summary, ids)}",
                           "  - ", "    ")
            for cause in f.because:
                lines += _wrap(because_words(cause, questions.get(cause.question)),
                               "      ", "        ")
            if details:
                lines.append(f"      (rule {f.rule}, {f.layer})")
    for label, steps in ((PRECONDITIONS_LABEL, getattr(a, "preconditions", None) or []),
                         ("Mitigation plan", a.mitigations)):
        if steps and not provisional:  # words 3: beside "none yet" a plan read as half a recommendation
            lines.append(f"\n{label}:")
            for m in steps:
                lines += _wrap(f"{code(m.id)}{m.title}: {uncoded(m.meaning, ids)}", "  - ", "    ")
    lines.append("\nReadiness:")
    open_ = unanswered_informing(case, pack.questionnaire) if case is not None and pack else {}
    lines += [f"  - {code(r.id)}{r.title}: {readiness_words(r.status, r.id in open_)}"
              for r in a.readiness]
    if a.signals:
        lines.append("\nWhy this organisation may be appointing from within:")
        lines += [f"  - {code(s.id)}{s.title}" for s in a.signals]
    lines += _alternatives(a, ids, a.unknowns.summary if a.unknowns else "")
    if details:
        lines.append(f"\nPack {a.pack.label} ({a.pack.fingerprint[:12]}),"
                     f" engine {a.engine.name} {a.engine.version}")
    else:
        title = pack.title if pack and pack.title else f"the rules “{a.pack.name}”"
        lines.append(f"\nAssessed with {title}, version {a.pack.version}.")
    return "\n".join(lines)


def _heading(a, case, details: bool, provisional: bool = False) -> list[str]:
    lines = []
    who = case.answer("candidate.name") if case else None
    stream = case.answer("stream.name") if case else None
    if who or stream:
        lines.append(f"{who or 'Candidate'} for {stream or 'the value stream'}")
    lines.append(f"Recommendation: {a.outcome_title}" if a.outcome else "Recommendation: none yet")
    if provisional and a.findings:
        lines.append(provisional_risk_words(a.risk.level, a.risk.score if details else None))
    elif a.decided or a.findings:
        lines.append(risk_words(a.risk.level, a.risk.score if details else None))
    else:  # nothing found yet on an incomplete case is not a low risk (as the window says)
        lines.append(f"{RISK_LABEL}: not assessed yet")
    return lines


WHY_NOT_SHOWN = 6  # reasons a terminal shows per outcome; the rest are counted


def _alternatives(a, ids: set[str], unknowns: str) -> list[str]:
    """Why not each other outcome, and what would change it (the logic itself: --json).
    ``unknowns``: the paragraph on the answers not known, said once above, not again here;
    ``ids``: the codes to leave out (none with --details)."""
    details = not ids
    if not a.alternatives:
        return []
    lines = ["\nWhy not:"]
    for alt in a.alternatives:
        lines.append(f"  {alt.title}:")
        for reason in alt.why_not[:WHY_NOT_SHOWN]:
            if unknowns:  # said once above, also with --details (reader 3.4: it was said three times)
                reason = reason.replace(unknowns, SEE_NOT_KNOWN)
            lines += _wrap(uncoded(reason, ids), "    - ", "      ")
        more = len(alt.why_not) - WHY_NOT_SHOWN
        if more > 0:  # cut silently, six read as all the reasons there were
            lines.append(f"    - and {more} more reason{'s' if more != 1 else ''}"
                         " (--json lists all)")
    lines.append("\nWhat would change it:")
    for alt in a.alternatives:
        lines.append(f"  {alt.outcome} - {alt.title}:" if details else f"  {alt.title}:")
        for change_set in alt.nearest:
            lines += _wrap(change_set_words(alt.title, change_set), "    - ", "      ")
        if alt.levers_only:
            lines += _wrap("With what the organisation can change: "
                           + change_set_words(alt.title, alt.levers_only), "    - ", "      ")
        if alt.note:
            lines += _wrap(no_change_words(alt.title, alt.note), "    - ", "      ")
    return lines


def _wrap(text: str, first: str, rest: str) -> list[str]:
    return textwrap.wrap(text, _WIDTH, initial_indent=first, subsequent_indent=rest)
