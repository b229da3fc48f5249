"""The coached trade-off's words for what the executive still lacks ({gaps_plain} in a
pack's outcome note). A friend of leadfit/words (its joins)."""

from __future__ import annotations

from typing import Any

from leadfit.words import joined, lower_first

# The article's readiness mark of time, not skill (P6): freed, not learnt, so said as time
CAPACITY_MARKS = ("P6",)
CAPACITY_WORDS = {"partial": "still spends part of their time in their current role",
                  "not_met": "cannot yet give the role their full time"}
# Words 7 (reader 8.4): a skill not yet there at all, where "lacks <title>" does not read
LACKS_WORDS_7 = {"P5": "has yet to hold the line with business stakeholders"}


def gaps_words(readiness: list[Any], words_version: int = 6) -> str:
    """What a coached executive lacks, after 'while the executive': 'is still short on
    digital product experience, lacks multi-disciplinary leadership and still spends part of
    their time in their current role' (not 'the gaps in ... dedicated focus (partly met)').
    Words 7: where every mark known is met (coached for what the findings name, such as
    having blamed digital teams), it says so rather than "is still learning the role"."""
    v7 = words_version >= 7
    skills = [r for r in readiness if r.id not in CAPACITY_MARKS]

    def title(r: Any) -> str:
        return lower_first(r.title)  # a pack may reword it (wording:), as 2.9 does P5's

    def named(status: str, apart: dict[str, str] | None = None) -> list[str]:
        return [title(r) for r in skills if r.status == status and r.id not in (apart or {})]
    lacks = LACKS_WORDS_7 if v7 else {}
    parts = [f"is still short on {joined(named('partial'))}"] if named("partial") else []
    parts += [f"lacks {joined(named('not_met', lacks))}"] if named("not_met", lacks) else []
    parts += [lacks[r.id] for r in skills if r.status == "not_met" and r.id in lacks]
    parts += [CAPACITY_WORDS[r.status] for r in readiness
              if r.id in CAPACITY_MARKS and r.status in CAPACITY_WORDS]
    unknown = [title(r) for r in readiness if r.status == "unknown"]
    if parts:
        said = joined(parts)
    elif v7:  # reader 8.4: a ready executive is not "still learning the role"
        said = ("works on what the findings name, though they meet every readiness mark"
                + (" that is known" if unknown else ""))
    else:
        said = "is still learning the role"
    if unknown:
        said += f", and it is not known how they stand on {joined(unknown)}"
    return said
