"""Did-you-mean hints for every error message (kernel: imports nothing of LeadFit)."""

from __future__ import annotations

from collections.abc import Iterable

# Spellings people bring from other tools, mapped to our condition words.
_SYNONYMS = {"gte": "ge", ">=": "ge", "lte": "le", "<=": "le", "neq": "ne", "!=": "ne",
             "==": "eq", ">": "gt", "<": "lt", "and": "all", "or": "any", "nin": "not_in",
             "check": "lint", "validate": "lint"}  # `leadfit pack check`: lint checks a pack


def did_you_mean(word: object, allowed: Iterable[object]) -> str:
    """' (did you mean 'x'?)' for a near miss, else ''."""
    names = [str(a) for a in allowed]
    if _SYNONYMS.get(str(word)) in names:
        return f" (did you mean '{_SYNONYMS[str(word)]}'?)"
    import difflib  # only when a hint is asked for: an error, never a fresh command's start
    close = difflib.get_close_matches(str(word), names, n=1, cutoff=0.6)
    if not close and len(str(word)) >= 3:  # a word cut short: 'hire' for 'hire_external'
        close = [n for n in names if n.startswith(str(word))]
        close = close if len(close) == 1 else []
    return f" (did you mean '{close[0]}'?)" if close else ""
