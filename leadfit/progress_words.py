"""How the guided form words its progress: the required answers given, and what an answer
changed in the questions asked. A friend of leadfit/words.py (its counts and quotes)."""

from __future__ import annotations

from leadfit.words import counted, joined, quoted


def required_progress_words(answered: int, required: int, short: bool = False) -> str:
    """'12 of 30 required answered' ('12 of 30 required' where room is short): optional
    questions are not what a case waits for."""
    if not required:
        return "nothing required"
    return f"{answered} of {required} required" + ("" if short else " answered")


def follow_up_words(added: list[str], where: str, removed: int, required: int,
                    before: int) -> str:
    """What an answer changed in the questions asked, and in the count of required ones:
    'Your answer added 3 questions in this section. Now 34 required (was 31).' One added
    is named; several are counted (named in full they crowded out the form). The count's
    change is said, so a total that moved does not read as a slip."""
    parts = []
    if len(added) == 1:
        stop = "" if added[0].endswith(("?", ".", "!")) else "."  # no '?”.' after a question
        parts.append(f"Your answer added a question {where}: {quoted(added[0])}{stop}")
    elif added:
        parts.append(f"Your answer added {counted(len(added), 'question')} {where}.")
    if removed:
        lead = "It" if added else "Your answer"
        parts.append(f"{lead} removed {counted(removed, 'question')} no longer needed.")
    if required != before:
        parts.append(f"Now {required} required (was {before}).")
    return " ".join(parts)
