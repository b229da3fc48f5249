"""Plain words for answers not known ("Find out first"): how the summary begins where they
decide, how a reason points to it, what a decision taken before they are found out says. A
friend of leadfit/words.py, which re-exports them (import them from there)."""

from __future__ import annotations

from typing import Any

from leadfit.words_text import joined, quoted


# Answers not known, words 3 (rules/runtime/unknowns.py): how the summary begins where they decide.
DEPENDS_LEAD = "It can be "


def depends_words(outcomes: list[str], per_question: list[tuple[str, list[tuple[str, list[str]]]]]
                  ) -> str:
    """'It can be Appoint or Hire …, depending on “A” (0: Hire …; 3 or more: Appoint) and …':
    each question once, each answer with what it leads to (reader 3.4: it ran to 12 lines)."""
    said = [f"{question} (" + "; ".join(f"{answer}: {joined(titles, 'or')}" for answer, titles in rows)
            + ")" for question, rows in per_question]
    two = any(len(titles) > 1 for _, rows in per_question for _, titles in rows)
    return (f"{DEPENDS_LEAD}{joined(outcomes, 'or')}, depending on {joined(said)}."
            + (" Where an answer names two outcomes, the other answers not known decide between"
               " them." if two else ""))


def decided_by_words(worst: str, depends: bool, unread: list[str], riskiest: bool = False) -> str:
    """How the engine took the answers not known (--details). Where the outcome holds, the
    answers taken are just one case, not the worst (reader 3.11); the ones no rule that decides
    the outcome reads are named, not left out."""
    said = (f"The engine evaluated the known answers with {worst}: the answers not known that lead"
            " to the most cautious outcome" + (", at the highest risk among them." if riskiest else ".")
            if depends else
            f"Every answer to the questions not known leads to the same outcome; for example, the"
            f" engine evaluated the known answers with {worst}.")
    if unread:
        said += f" No rule that decides the outcome reads {joined(unread)}."
    return said


# Where the outcome depends on answers not known, its note is what would follow (reader 3.4).
DEPENDS_NOTE = "Nothing is decided until the answers not known are found out. If they turn out badly: "
# Where the paragraph on the answers not known stands above (terminal, window, PDF), a reason
# points to it: words 3 store it so (the PDF printed the paragraph three times); the terminal
# puts it in place of the paragraph in older records' reasons.
SEE_NOT_KNOWN = "see “Answers not known” above"
HOLDS_FIND_OUT = "The recommendation does not depend on them; find them out all the same before deciding."


def not_known_reason(summary: str, words_version: int) -> str:
    """The paragraph on the answers not known as a reason cites it (words 3: by pointing to it)."""
    return SEE_NOT_KNOWN if words_version >= 3 else summary


def depends_note_words(note: str) -> str:
    return DEPENDS_NOTE + note


def decided_early_words(a: Any) -> str:
    """Words 3 (reader 3.4): a decision recorded while answers not known still decide the
    recommendation says so, naming them; '' otherwise, and for records of older packs."""
    u = getattr(a, "unknowns", None)
    if u is None or u.verdict != "depends" or not str(u.summary).startswith(DEPENDS_LEAD):
        return ""
    return ("taken before the answers not known were found out, though they decide the"
            f" recommendation: {joined([quoted(d.title) for d in u.depends_on])}")


def nothing_recommended_words(cautious: str) -> str:
    """A decision taken where the answers not known decide the outcome ("Find out first"):
    nothing was recommended; the cautious outcome is what to do if they turn out badly."""
    return (f"none until the answers not known are found out (if they turn out badly:"
            f" {cautious})")
