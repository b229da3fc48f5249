"""The words of rules/runtime/unknowns.py: what the answers not known do, as people read it.

A result is an outcome with the steps that must come before the appointment (``before``,
pack setting ``unknowns_version: 2``; empty under 1): "Appoint" and "Appoint once the steps
before the appointment are done (lighten the load)" are two results of one outcome.
"""

from __future__ import annotations

from leadfit.rules.model.assessment import Cause, Finding, Mitigation
from leadfit.rules.model.pack import Pack
from leadfit.rules.runtime.answer_space import Region, merged_words
from leadfit.words import (
    NOT_KNOWN_TITLE_7,
    decided_by_words,
    depends_words,
    joined,
    not_known_finding_words,
    quoted,
    risk_if_badly_words,
    risk_known_only_words,
)

FIND_OUT = "M3"  # interview as an external candidate would be: how a reader finds out
CANDIDATE = "candidate"  # the section of the answers an interview of the candidate finds out


def label(pack: Pack, result: tuple) -> str:
    """An outcome's title, with the steps due before the appointment where there are some."""
    outcome, before = result
    cat = pack.catalogue
    if not before:
        return cat.title(outcome)
    steps = joined([cat.title(s)[:1].lower() + cat.title(s)[1:] for s in before])
    titled = pack.settings.titles_if_preconditions.get(outcome)
    return f"{titled or cat.title(outcome) + ' once the steps before the appointment are done'} ({steps})"


def answers_words(pack: Pack, qid: str, regions: list[Region]) -> str:
    question = pack.questionnaire.questions[qid]
    if question.type == "choice":
        return _or([quoted(r.words) for r in regions])
    return merged_words(question, regions)


def answer_words(pack: Pack, qid: str, region: Region) -> str:
    return quoted(region.words) if pack.questionnaire.questions[qid].type == "choice" else region.words


def summary(pack: Pack, unknown: tuple, explored: list, too_many: bool, results: list, deps: list,
            combos: int, limit: int, first: list | None = None) -> str:
    """``deps``: [(question id, [(answer words, [result, ...]), ...])]; ``first``: past the
    limit, the answers to find out first (they weigh most: the most rules read them)."""
    names = [_quoted(pack, q) for q in pack.questionnaire.questions if q in unknown]
    if too_many:
        said = (f"{combos} combinations of the answers not known is more than the {limit} LeadFit"
                " explores, so it takes the pack's most cautious outcome.")
        if first:
            said += (f" Find out {_and([_quoted(pack, q) for q in first])} first: more of what"
                     " decides the recommendation turns on them than on the others.")
        return said
    if len(results) <= 1:
        return f"The recommendation holds whatever the answers to {_and(names)} are."
    if deps and pack.settings.words_version >= 3:  # reader 3.4: a third shorter, said once
        return depends_words([label(pack, r) for r in results], [
            (_quoted(pack, q), [(a, [label(pack, r) for r in rs]) for a, rs in rows]) for q, rows in deps],
            pack.settings.words_version)
    parts = []
    for q, rows in deps:
        cases = "; ".join(f"if {a}, {_or([label(pack, r) for r in rs])}"
                          + (", depending on the other answers not known" if len(rs) > 1 else "")
                          for a, rs in rows)
        parts.append(f"{_quoted(pack, q)}: {cases}")
    if not parts:  # only a combination moves it
        said = (f"It depends on {_and([_quoted(pack, q) for q in explored])} together: they can lead"
                f" to {_or([label(pack, r) for r in results])}.")
    else:
        said = "It depends on " + ". It also depends on ".join(parts) + "."
    moving = {q for q, _ in deps} if parts else set(explored)
    still = [_quoted(pack, q) for q in pack.questionnaire.questions if q in unknown and q not in moving]
    return said + (f" It does not depend on {_and(still)}." if still else "")


def decided_by(pack: Pack, unknown: tuple, worst_words: str, explored, too_many: bool, depends: bool,
               riskiest: bool = False) -> str:
    if worst_words and pack.settings.words_version >= 3:  # reader 3.11
        unread = [_quoted(pack, q.id) for q in pack.questionnaire.asked
                  if q.id in unknown and q.id not in explored]
        return decided_by_words(worst_words, depends, unread, riskiest)
    if too_many:
        return "The engine evaluated the known answers; the outcome is the pack's most cautious."
    if not worst_words:
        return "The engine evaluated the known answers; no rule that moves the outcome reads the rest."
    return (f"The engine evaluated the known answers with {worst_words}: the answers not known"
            " that give the most cautious outcome.")


def unverified(pack: Pack, questions: list, explored: list, moves: set, also: dict,
               untold: bool = False) -> list[Finding]:
    """Each explored unknown, as a finding (high where the outcome depends on it); ``also``:
    question id -> what its follow-ups add ('If it turns out yes, you will also need ...').
    ``untold``: too many combinations to explore, so none is said to hold either way."""
    out: list[Finding] = []
    version = pack.settings.words_version
    for index, qid in enumerate(questions, 1):
        question = pack.questionnaire.questions[qid]
        if qid not in explored and version < 7:
            continue  # no rule that moves the outcome reads it (words 7: found out all the same)
        if version >= 3:  # U1, U2, U3 as a person reads them (3.11)
            index = len(out) + 1
        changes = qid in moves or untold
        said = not_known_finding_words(qid in moves, version, untold)
        if also.get(qid):
            said += " " + also[qid]
        out.append(Finding.model_construct(
            id=f"U{index}", title=NOT_KNOWN_TITLE_7 if version >= 7 else f"Unverified: {question.title}",
            severity="high" if changes else "low", rule="not-known-answers", layer=pack.label,
            summary=said, because=[Cause.model_construct(question=qid, title=question.title,
                                                         answer="not known")]))
    return out


# unknowns 4 (2.9): the step for a candidate already interviewed as an outsider would be
FOLLOW_UP = ("Follow-up interview", "They were interviewed as an outsider would be: ask them again"
             " what is not known yet, in a second interview, and record the answers on this case.")


def with_find_out(pack: Pack, mitigations: list[Mitigation], unverified: list[Finding],
                  also: dict, interviewed: bool = False) -> list:
    """The interview as an outsider would be (M3) finds out what is not known: under
    ``unknowns_version: 2`` only what the candidate can say, not the organisation's answers;
    under 4, for a candidate ``interviewed`` so already, a follow-up interview."""
    if pack.settings.unknowns_version >= 2:
        unverified = [f for f in unverified
                      if pack.questionnaire.questions[f.because[0].question].section == CANDIDATE]
    if not unverified:
        return list(mitigations)
    because = [f"Find out: {f.because[0].title}" + (f". {also[f.because[0].question]}"
                                                    if also.get(f.because[0].question) else "")
               for f in unverified]
    out = [m for m in mitigations if m.id != FIND_OUT]
    old = next((m for m in mitigations if m.id == FIND_OUT), None)
    title, meaning = pack.catalogue.title(FIND_OUT), pack.catalogue.entries[FIND_OUT].meaning
    if interviewed and pack.settings.unknowns_version >= 4:
        title, meaning = FOLLOW_UP
    out.append(Mitigation.model_construct(
        id=FIND_OUT, title=title, meaning=meaning,
        rules=(old.rules if old else []) + ["not-known-answers"],
        layers=sorted(set((old.layers if old else []) + [pack.label])),
        because=(old.because if old else []) + because))
    return sorted(out, key=lambda m: (m.id[0], int(m.id[1:]) if m.id[1:].isdigit() else 0))


def allowed_for(pack: Pack, shown, worst, unverified: list[Finding]) -> list[str]:
    """The pack shows the risk of the case its cautious recommendation allows for (2.3): a
    hire beside a medium risk reads as if the hire were for what is known. Said in words,
    with what the known answers alone score."""
    asked = [quoted(f.because[0].title) for f in unverified if f.severity == "high"]
    differs = (worst.risk.level, worst.risk.score) != (shown.risk.level, shown.risk.score)
    return [risk_if_badly_words(asked, shown.risk.level, shown.risk.score, differs,
                                pack.settings.words_version)]


def unscored(pack: Pack, shown, worst, unverified: list[Finding]) -> list[str]:
    """The risk scores what is known; the article gives no weight to what nobody has checked,
    so the unverified findings are not scored, and the reader is told so, with the risk if
    the answers not known turn out as the recommendation allows for (words 7: every one of
    them, as the findings and "Answers not known" list them; reader 8.5)."""
    if not unverified:
        return []
    asked = [quoted(f.because[0].title) for f in unverified]
    differs = (worst.risk.level, worst.risk.score) != (shown.risk.level, shown.risk.score)
    return [risk_known_only_words(asked, worst.risk.level, worst.risk.score, differs,
                                  pack.settings.words_version)]


def _quoted(pack: Pack, qid: str) -> str:
    return quoted(pack.questionnaire.questions[qid].title)


def _and(items: list[str]) -> str:
    return joined(items, "and")


def _or(items: list[str]) -> str:
    return joined(items, "or")
