"""Free text and dates as a person types them into a decision: each field's limit, text
that is not UTF-8, how many words make a reason, dates as YYYY-MM-DD. One place, so the
decision, its sign-offs, its reviews and its withdrawal refuse the same things alike."""

from __future__ import annotations

import getpass
import re
from datetime import date

from leadfit.errors import Problem

# The longest text each free field takes (README "Free text"); the PDF lays out the
# longest of each in well under a second (benchmarks/pdf_text.py).
LIMITS = {"justification": 5_000, "conditions": 5_000, "correction reason": 2_000,
          "statement": 1_000, "dissent": 5_000, "name": 200, "owner": 200,
          "recorded by": 200, "withdrawal reason": 2_000, "behaviours": 2_000,
          "experience": 2_000}
MAX_TEXT = max(LIMITS.values())
# Lone surrogates: how Python keeps an argument's bytes that are not UTF-8 (surrogateescape);
# they cannot be stored, hashed or printed as text.
_NOT_UTF8 = re.compile("[\ud800-\udfff]")
# A written reason someone reads later (an audit, a dispute): "x" is not one.
MIN_REASON_WORDS = 2



def os_account() -> str:
    """The operating-system account this process runs as (recorded beside typed names)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no passwd entry, no USER/LOGNAME
        return "unknown account"


def _text(value, what: str, problems: list[Problem]) -> str:
    """Free text, stripped; longer than its field's limit is a named problem."""
    text = ("" if value is None else str(value)).strip()
    undecodable = _NOT_UTF8.search(text)
    if undecodable:     # an argument in another encoding, kept as lone surrogates by Python
        problems.append(Problem(
            f"{what} is not UTF-8 text (character {undecodable.start() + 1} is not a letter in"
            " UTF-8, perhaps typed in another encoding); type it again, or save it as UTF-8"))
        text = _NOT_UTF8.sub("\ufffd", text)
    limit = LIMITS[what.split(" of ")[0]]
    if len(text) > limit:
        problems.append(Problem(f"{what} may be at most {limit:,} characters; this one has"
                                f" {len(text):,}"))
    return text


def _words(text: str) -> list[str]:
    """The words of ``text``: runs holding at least one letter (so "x" counts, "-" does not)."""
    return [w for w in text.split() if any(c.isalpha() for c in w)]


def _iso(value, what: str, problems: list[Problem]) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        problems.append(Problem(f"{what} '{value}' is not a date (YYYY-MM-DD)"))
        return None


def all_gone_by(dates: list, today: date, what: str) -> list[Problem]:
    """One problem when every one of ``dates`` (ISO text; the ones that are not dates are
    named elsewhere) is before ``today``: a plan agreed today cannot be due only in the past
    (F35). A single late step beside later ones may be a step already under way."""
    days = sorted({d for d in (_iso(v, what, []) for v in dates) if d})
    if not days or days[-1] >= today.isoformat():
        return []
    from leadfit.words import date_words
    return [Problem(f"every date of {what} has gone by ({', '.join(date_words(d) for d in days)};"
                    f" today is {date_words(today.isoformat())}): give the dates from today on")]
