"""Check one answer against its question; say plainly what is allowed."""

from __future__ import annotations

import calendar
import math
import re
from datetime import date, datetime
from typing import Any

from leadfit.datafiles import shown_value
from leadfit.forms.questionnaire import NOT_KNOWN
from leadfit.suggest import did_you_mean

_YES = {"yes", "y", "true"}
_NO = {"no", "n", "false"}


class BadAnswer(ValueError):
    """The answer does not fit; the message says what would."""


class _NotKnown:
    """The answer "Not known": given, so the case is complete, but no value."""

    def __repr__(self) -> str:
        return NOT_KNOWN


UNKNOWN = _NotKnown()


def says_not_known(value: Any) -> bool:
    return value is UNKNOWN or (isinstance(value, str) and value.strip().lower() == NOT_KNOWN)


def clean(question, value: Any) -> Any:
    """The typed answer, ``None`` for unanswered, UNKNOWN for "not known", or raise BadAnswer.

    A text question's "not known" is its text: names and roles are never
    unknown, and an old record that says so must keep meaning what it said.
    An answer YAML already typed and plainly allowed is given back at once: `pack diff`
    cleans some forty answers per case over 10,000 cases, and the checks were a third of
    its time beyond the engine's (tests/test_answers_fast.py holds it equal to ``checked``).
    """
    kind, asked = type(value), question.type
    if kind is bool and asked == "yes_no" or kind is date and asked == "date":
        return value
    if kind is str and asked == "choice" and value in question.options and not says_not_known(value):
        return value
    if (kind is int or kind is float) and (asked == "integer" or asked == "percent"):
        typed = _plain_number(question, value)
        if typed is not None:
            return typed
    return checked(question, value)


def _plain_number(question, value: int | float) -> int | float | None:
    """A number in range that no check below would refuse, as its cleaner types it; else None."""
    low, high = question.bounds
    if not (value == 0 or SMALLEST <= abs(value) <= MAX_MAGNITUDE):  # NaN and infinity too
        return None
    if low is not None and value < low or high is not None and value > high:
        return None
    if type(value) is int:
        return value
    if question.type == "integer":
        return None
    return int(value) if float(value).is_integer() else value


def checked(question, value: Any) -> Any:
    """``clean`` with every check made."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if question.type != "text" and says_not_known(value):
        if not question.may_be_unknown:
            raise BadAnswer("cannot be answered 'not known': this question must be answered"
                            " (only questions a person may honestly not know allow it)")
        return UNKNOWN
    return _CLEANERS[question.type](question, value)


def _yes_no(question, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _YES | _NO:
        return value.strip().lower() in _YES
    raise BadAnswer(f"must be yes or no, got {shown_value(value)}")


def _number_text(value: Any) -> Any:
    """'2' and ' 45.5 ' from a form or a quoted YAML value count as numbers."""
    if isinstance(value, str):
        try:
            return float(value) if any(c in value for c in ".eEnN") else int(value)
        except (ValueError, OverflowError):
            return value
    return value


# Far beyond any real answer (years, percentages, counts); larger ones are typing slips
# and would overflow float arithmetic.
MAX_MAGNITUDE = 10**12
# Below this a number is written with an exponent (1e-05), which the rules engine cannot
# read (its "error code: 204", exit 4): such answers are named instead.
SMALLEST = 1e-4


def _finite(value: Any, bounds: tuple[Any, Any] = (None, None)) -> Any:
    """NaN, infinities and absurdly large numbers are named, never used; one past the
    question's own limit is named by that limit (``bounds``), the one a person can use."""
    if isinstance(value, float) and math.isnan(value):
        raise BadAnswer("must be a number, got .nan (not a number)")
    if isinstance(value, float) and math.isinf(value):
        raise BadAnswer(f"must be a finite number, got {'-' if value < 0 else ''}infinity")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) > MAX_MAGNITUDE:
        low, high = bounds
        shown = f"{value:,}" if len(str(value)) <= 30 else f"a number of {len(str(value)):,} digits"
        if high is not None and value > high:
            raise BadAnswer(f"must be {high} or less, got {shown}")
        if low is not None and value < low:
            raise BadAnswer(f"must be {low} or more, got {shown}")
        raise BadAnswer(f"is too large to be an answer (more than {MAX_MAGNITUDE:,})")
    if isinstance(value, float) and 0 < abs(value) < SMALLEST:  # the engine fails on these
        raise BadAnswer(f"has more decimal places than an answer may have (at most 4), got"
                        f" {value:.10f}".rstrip("0"))
    return value


def _integer(question, value: Any) -> int:
    value = _finite(_number_text(value), question.bounds)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise BadAnswer(f"must be a whole number, got {shown_value(value)}")
    if isinstance(value, float) and not value.is_integer():
        raise BadAnswer(f"must be a whole number, got {value}")
    value = int(value)
    _in_range(value, *question.bounds)
    return value


def _percent(question, value: Any) -> float | int:
    value = _finite(_number_text(value), question.bounds)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise BadAnswer(f"must be a percentage from 0 to 100, got {shown_value(value)}")
    _in_range(value, *question.bounds)
    return int(value) if float(value).is_integer() else float(value)


def _in_range(value, low, high) -> None:
    if low is not None and value < low:
        raise BadAnswer(f"must be {low} or more, got {value}")
    if high is not None and value > high:
        raise BadAnswer(f"must be {high} or less, got {value}")


def _choice(question, value: Any) -> str:
    if not isinstance(value, str) or value not in question.options:
        allowed = ", ".join(question.options)
        raise BadAnswer(f"must be one of: {allowed}; got {shown_value(value)}"
                        f"{did_you_mean(value, question.options)}")
    return value


def _date(question, value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            _real_date(value.strip())
    raise BadAnswer(f"must be a date written YYYY-MM-DD, got {shown_value(value)}")


_DATE_SHAPE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def _real_date(text: str) -> None:
    """A date written YYYY-MM-DD that does not exist (2099-13-45; the parser keeps it as
    text) is named as such, with the part that is wrong."""
    shape = _DATE_SHAPE.fullmatch(text)
    if shape is None:
        return
    year, month, day = map(int, shape.groups())
    if year == 0:
        why = "there is no year 0"
    elif not 1 <= month <= 12:
        why = f"there is no month {month}"
    elif day == 0:
        why = "there is no day 0"
    else:
        why = f"{date(2000, month, 1):%B} {year} has {calendar.monthrange(year, month)[1]} days"
    raise BadAnswer(f"'{text}' is not a real date ({why}); write YYYY-MM-DD")


MAX_ANSWER_TEXT = 2_000  # a text question without its own max_length


def _text(question, value: Any) -> str:
    if not isinstance(value, str):
        raise BadAnswer(f"must be text, got {shown_value(value)}"
                        " (YAML reads yes/no/on/off and bare numbers as values: put the text in quotes)")
    text = " ".join(value.split()) if "\n" not in value else value.strip()
    limit = question.max_length or MAX_ANSWER_TEXT
    if len(text) > limit:
        raise BadAnswer(f"must be at most {limit} characters, got {len(text)}")
    return text


_CLEANERS = {"yes_no": _yes_no, "integer": _integer, "percent": _percent,
             "choice": _choice, "date": _date, "text": _text}
