"""What changed in a rule, before and after, in plain words (for pack diff).

A change to a rule's actions that only moves finding severities is shown as
'severity' (F2: medium -> high), the way a client pack writes it; any other
change to the actions is shown as 'then', listing both.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from leadfit.forms import conditions
from leadfit.forms.questionnaire import Questionnaire
from leadfit.rules.model.pack import Action, Rule
from leadfit.words import OUTCOME_SHORT, outcome_short_words


@dataclass(frozen=True)
class Detail:
    key: str  # summary | when | then | severity
    before: str
    after: str
    where: str = ""  # a long condition: only the places that differ, in words

    def __str__(self) -> str:
        if self.where:
            return f"{self.key}, where it differs: {self.where}"
        return f"{self.key}: {self.before}  ->  {self.after}"

    def to_data(self) -> dict:
        return {"key": self.key, "before": self.before, "after": self.after}


def rule_details(old: Rule, new: Rule, questionnaire_a: Questionnaire,
                 questionnaire_b: Questionnaire) -> tuple[Detail, ...]:
    """What differs in a rule, in words: its conditions as each pack's questionnaire asks them."""
    out = []
    if old.summary != new.summary:
        out.append(Detail("summary", old.summary, new.summary))
    was, now = questionnaire_a.describe(old.condition), questionnaire_b.describe(new.condition)
    if conditions.to_data(old.condition) != conditions.to_data(new.condition):
        out.append(Detail("when", was, now, differences(was, now)))
    if old.to_data()["then"] != new.to_data()["then"]:
        out.append(_severity(old.actions, new.actions) or
                   Detail("then", actions_words(old.actions), actions_words(new.actions)))
    return tuple(out)


LONG = 160   # a condition longer than this is shown by its differences, not in full
_CONTEXT = 12  # at most this many words before a difference say what it is about


def _clause_start(words: list[str], i: int) -> int:
    """Where the comparison holding word ``i`` starts: after the 'and'/'or' before it, or at
    its '(' ("Years managing digital products is at least 3", not "...is at least 3")."""
    start = i
    while start > 0 and i - start < _CONTEXT and words[start - 1] not in ("and", "or"):
        start -= 1
        if words[start].startswith("("):
            break
    return start


def _clause_end(words: list[str], i: int) -> int:
    """Where the comparison holding word ``i`` ends: before the next 'and'/'or', or after its
    ')' (the rest of "is one of “A”, “B”" when only “A” went)."""
    end = i
    while end < len(words) and end - i < _CONTEXT and words[end] not in ("and", "or"):
        end += 1
        if words[end - 1].endswith(")"):
            break
    return end


def differences(was: str, now: str) -> str:
    """The places two long conditions differ ("'...is at least 3' -> '...is at least 5' (3
    places)"), or "" where both are short or differ in too many places to list."""
    if max(len(was), len(now)) <= LONG:
        return ""
    a, b = _words(was), _words(now)
    counts: Counter = Counter()
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            lead = a[_clause_start(a, i1):i1]
            counts[(" ".join(lead + a[i1:i2] + a[i2:_clause_end(a, i2)]),
                    " ".join(lead + b[j1:j2] + b[j2:_clause_end(b, j2)]))] += 1
    counts = Counter({(x, y): n for (x, y), n in counts.items() if x.strip("()") != y.strip("()")})
    if not counts or len(counts) > 6:
        return ""
    return "; ".join(f"'...{x.strip('()')}' -> '...{y.strip('()')}'" + (f" ({n} places)" if n > 1 else "")
                     for (x, y), n in counts.items())


def _words(text: str) -> list[str]:
    """The words of a condition, an option's label (“Says no clearly and keeps relationships”)
    as one: its 'and' never starts a clause."""
    return re.findall(r"\S*\u201c[^\u201d]*\u201d\S*|\S+", text)


def _severity(old: tuple[Action, ...], new: tuple[Action, ...]) -> Detail | None:
    """Detail 'severity' when the actions differ only in finding severities."""
    if len(old) != len(new) or any(a.word != b.word for a, b in zip(old, new)):
        return None
    moved = []
    for a, b in zip(old, new):
        if a.value == b.value:
            continue
        if a.word != "finding" or {**a.value, "severity": None} != {**b.value, "severity": None}:
            return None
        moved.append((a.value["id"], a.value["severity"], b.value["severity"]))
    return Detail("severity", ", ".join(f"{i} {x}" for i, x, _ in moved),
                  ", ".join(f"{i} {y}" for i, _, y in moved))


def actions_words(actions: tuple[Action, ...]) -> str:
    return "; ".join(_action(a) for a in actions) or "nothing"


def _action(a: Action) -> str:
    if a.word == "finding":
        return f"finding {a.value['id']} ({a.value['severity']})"
    if a.word == "readiness":
        return "readiness " + ", ".join(f"{k} {v.replace('_', ' ')}" for k, v in a.value.items())
    if a.word in ("recommend", "choice") or (a.word == "unavailable" and a.value in OUTCOME_SHORT):
        return f"{a.word} {outcome_short_words(a.value)}"  # "recommend Hire", not the pack's key
    if isinstance(a.value, (list, tuple)):
        return f"{a.word} " + ", ".join(str(v) for v in a.value)
    return f"{a.word} {a.value}"
