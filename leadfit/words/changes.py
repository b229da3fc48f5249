"""An assessment's explanations: a finding's causes, and the changes that would lead to
another outcome."""

from __future__ import annotations

import re
from typing import Any

from leadfit.words.answers import answer_words
from leadfit.words.basics import joined, quoted

# An assessment's parts as an executive reads them (the command line, the window):
# the models (rules.model.assessment) are read by their attributes, never imported.

def because_words(cause: Any, question: Any = None) -> str:
    """A finding's cause: 'because Years managing digital products: 2'."""
    return f"because {cause.title.rstrip('?:')}: {answer_words(cause.answer, question)}"


def change_words(change: Any) -> str:
    """One answer that would have to change, and whether the organisation can change it."""
    whose = ("the organisation can change this" if change.lever
             else "not in the organisation's hands")
    return f"{quoted(change.title)} is {change.to} (now {change.now}; {whose})"


# A worse situation, said as one (rules/runtime/explain.py): how words 2 (2.4) began it, and
# words 3 (2.5), where each of several is one change that alone would do ("only if" said one).
WORSE_PREFIXES = ("Only if ", "It would become ")
# Words 3: an appointment reached by a change still stands on the steps before it (reader 3.12).
STEPS_STILL_FIRST = "; the steps before the appointment still come first"
NOT_ASKED = "not asked"  # words 3: a question the form never put ("not answered" reads as a gap)


def is_worse(change_set: Any) -> bool:
    """Whether a change set is a worse situation said as one ('It would become … if … were …'),
    not a route: neither a lever nor a fact to aim for."""
    return str(change_set.words).startswith(WORSE_PREFIXES)


def worse_words(title: str, parts: list[str], words_version: int) -> str:
    """A worse situation: 'It would become Hire … if “…” were no (now yes)' (words 3), each one
    change that alone would do; words 2 kept 'Only if … would it be …' (records replay)."""
    if words_version >= 3:
        return f"It would become {title} if " + joined(parts)
    return WORSE_PREFIXES[0] + joined(parts) + f" would it be {title}"


def steps_still_first(change_set: Any) -> str:
    """The clause saying the steps before the appointment still come first, where the stored
    words carry it (words 3), else ''."""
    return STEPS_STILL_FIRST if str(change_set.words).endswith(STEPS_STILL_FIRST) else ""


def change_set_words(title: str, change_set: Any) -> str:
    """'It would become Appoint if “…” is 3 or more (now 2; …) and …': begun as a worse
    situation is ('It would become … if … were …'), so a reader meets one wording, not two.
    The stored ChangeSet.words says 'Becomes', 'a lever'/'a fact'; records keep it as decided,
    so the words are made here."""
    if is_worse(change_set):  # said as what it is (rules/runtime/explain.py)
        return f"{change_set.words}."
    return (f"{WORSE_PREFIXES[1]}{title} if " + joined([change_words(c) for c in change_set.changes])
            + steps_still_first(change_set))


def no_change_words(title: str, note: str) -> str:
    """An outcome no small change reaches; ``note`` is the stored note (explain.py)."""
    if "search limit" in note:
        return (f"No change to a few answers that leads to {title} was found"
                " (not every combination could be tried).")
    if note.startswith("With so many answers not known"):  # the search stopped (rules/runtime/tried.py)
        return note  # already words: which answers to find out first
    if note.startswith("The nearest change takes support or the option to hire away"):  # words 6 (2.8)
        return (f"The nearest way to {title} would take support or the option to hire away:"
                " that is no way to get there.")
    return f"Changing a few answers would not lead to {title}."


def uncoded(text: str, ids: Any) -> str:
    """``text`` without the catalogue ids (``ids``) before the titles it names, nor risk
    scores: 'Unverified: P1 Digital product experience' -> 'Unverified: Digital product experience'.
    The runtime's notes keep them (records replay as decided); the executive reads this."""
    text = re.sub(r"\b([A-Z]+\d+) (?=\S)", lambda m: "" if m.group(1) in ids else m.group(0), text)
    if not ids:
        return text
    return re.sub(r" \(score \d+\)|, score \d+(?=\))", "", text)  # a score is a number, not a word
