"""The answers not known, and an incomplete case: what they decide, and what to find out."""

from __future__ import annotations

from typing import Any

from leadfit.words.basics import counted, joined, quoted
from leadfit.words.outcomes import RISK_LABEL

# Answers not known, words 3 (rules/runtime/unknowns.py): how the summary begins where they decide.
DEPENDS_LEAD = "It can be "


def depends_words(outcomes: list[str], per_question: list[tuple[str, list[tuple[str, list[str]]]]],
                  words_version: int = 6) -> str:
    """'It can be Appoint or Hire …, depending on “A” (0: Hire …; 3 or more: Appoint) and …':
    each question once, each answer with what it leads to (reader 3.4: it ran to 12 lines)."""
    said = [f"{question} (" + "; ".join(f"{answer}: {joined(titles, 'or')}" for answer, titles in rows)
            + ")" for question, rows in per_question]
    two = any(len(titles) > 1 for _, rows in per_question for _, titles in rows)
    between = (" Where one answer leaves more than one outcome open, the other missing answers"
               " settle which." if words_version >= 7 else
               " Where an answer names two outcomes, the other answers not known decide between them.")
    return f"{DEPENDS_LEAD}{joined(outcomes, 'or')}, depending on {joined(said)}." + (between if two else "")


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


def depends_note_words(note: str, words_version: int = 6) -> str:
    return (DEPENDS_NOTE_7 if words_version >= 7 else DEPENDS_NOTE) + note


# Words 7 (reader 8.4, c12): the answers not known said in plain sentences, the risk without
# "the case the recommendation allows for". The section keeps its name, "Answers not known".
DEPENDS_NOTE_7 = "Nothing is decided until the missing answers are found out. If they turn out badly: "
ASSUMED_BADLY = ("The recommendation allows for the answers not known turning out badly; find"
                 " them out before deciding.")
ASSUMED_BADLY_7 = ("The recommendation assumes the missing answers turn out badly; find them out"
                   " before deciding.")
NOT_KNOWN_TITLE_7 = "Answer not known"  # reader 8.4: never a question's full text as a title


def assumed_badly_words(words_version: int) -> str:
    return ASSUMED_BADLY_7 if words_version >= 7 else ASSUMED_BADLY


def not_known_finding_words(changes: bool, words_version: int, untold: bool = False) -> str:
    """What an answer not known means for the outcome, said as its finding (U1, U2 …);
    ``untold``: the search stopped, so whether the outcome depends on it is not known either."""
    if untold and not changes:
        return ("With too many other answers not known to tell whether the outcome depends on it:"
                " find it out before deciding." if words_version >= 7 else
                "Not known, with too many others to tell whether the outcome"
                " depends on it: find out before deciding.")
    if words_version >= 7:
        return ("The outcome depends on it: find it out before deciding." if changes
                else "The outcome holds either way, but find it out.")
    return ("Not known, and the outcome depends on it: find out before deciding."
            if changes else "Not known; the outcome holds either way, but find out.")


def follow_ups_count_words(answer: str, first: str, count: int) -> str:
    """Words 7 (reader 8.4, p16): the questions an answer would add, counted, not chained:
    'If it turns out more than 0%, 4 more questions follow, the first “Is there an agreed plan
    to reduce the former role?”.'"""
    if count == 1:
        return f"If it turns out {answer}, one more question follows: {quoted(first)}."
    return f"If it turns out {answer}, {counted(count, 'more question')} follow, the first {quoted(first)}."


def risk_if_badly_words(asked: list[str], known: str, known_score: int, differs: bool,
                        words_version: int) -> str:
    """The risk shown is that of the missing answers turning out badly (unknowns_risk
    allowed_for); ``known``: the risk of the known answers alone."""
    if words_version >= 7:
        one = len(asked) == 1
        said = (f"This risk assumes the missing {'answer' if one else 'answers'} to {joined(asked)}"
                f" {'turns' if one else 'turn'} out badly.")
        return said + (f" On what is known alone it is {known} (score {known_score}); find"
                       f" {'it' if one else 'them'} out before deciding." if differs else "")
    said = (f"The risk is that of the case the recommendation allows for: the answers not known"
            f" ({joined(asked)}) turning out badly.")
    return said + (f" Counting only what is known, it is {known} (score {known_score}); find out"
                   " before deciding." if differs else "")


def risk_known_only_words(asked: list[str], badly: str, badly_score: int, differs: bool,
                          words_version: int) -> str:
    """The risk shown counts the known answers only; ``badly``: the risk if the rest turn out badly."""
    if words_version >= 7:  # more than two: counted, and named once, under "Answers not known"
        named = (f"the missing answer to {asked[0]} is" if len(asked) == 1 else
                 f"the missing answers to {joined(asked)} are" if len(asked) == 2 else
                 f"the {len(asked)} missing answers (under “Answers not known”) are")
        said = f"This risk counts only what is known: {named} not counted."
        they = "it turns" if len(asked) == 1 else "they turn"
        return said + (f" If {they} out badly, the risk is {badly} (score {badly_score})."
                       if differs else "")
    said = f"The risk counts only what is known: the answers not known ({joined(asked)}) are not scored."
    return said + (f" If they turn out badly (the case the recommendation allows for), the risk is"
                   f" {badly} (score {badly_score})." if differs else "")


def due_if_badly_words(words_version: int) -> str:
    """A step before the appointment due only if the answers not known turn out badly."""
    if words_version >= 7:
        return "Due if the missing answers turn out badly (see “Answers not known”)."
    return ("Due if the answers not known turn out as the recommendation allows for (see “Answers"
            " not known”).")


def could_lead_words(words_version: int) -> str:
    """Why not an outcome some answers not known could lead to: the lead of its reason."""
    return ("Some missing answers could lead to it, if they turn out well: " if words_version >= 7
            else "Some answers not known could lead to it, but not safely: ")


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


# An incomplete case, words 3 (reader 3.10): what it shows stands only until the answers are in.
PROVISIONAL = "provisional until the missing answers are given"
PROVISIONAL_FINDINGS = f"Findings so far ({PROVISIONAL})"


def provisional_risk_words(level: str, score: int | None = None) -> str:
    """'Risk of appointing this candidate as proposed, so far: high (provisional until …)'."""
    scored = f", score {score}" if score is not None else ""
    return f"{RISK_LABEL}, so far: {level} ({PROVISIONAL}{scored})"


def to_complete_words(titles: list[str]) -> str:
    """The last line of an incomplete `leadfit evaluate`: the questions, in words only."""
    return "To complete the case, answer: " + joined([quoted(t) for t in titles]) + "."
