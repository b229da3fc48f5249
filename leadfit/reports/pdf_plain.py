"""The rationale's sentences as an executive reads them: without catalogue ids or risk scores.

The runtime's stored notes, reasons and summaries keep them ("F9 “Title without the job”",
"(critical, score 37)"): records replay as decided. The command line and the window read
them through :func:`leadfit.words.uncoded` with the pack's catalogue; the PDF prints a
sealed record without loading its pack, so it takes the ids the assessment raises, and
the catalogue's only where a sentence names one it does not (a step left out of the plan).
The codes stay in Appendix B, beside their words, for HR.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from leadfit.words import uncoded

if TYPE_CHECKING:  # a type only: `leadfit report` builds no models (issue 15)
    from leadfit.rules.model.assessment import Assessment

_CODE = re.compile(r"\b([A-Z]+\d+) (?=\S)")  # as uncoded finds one: an id before its title


def plain_words(a: Assessment) -> Callable[[str], str]:
    """``plain(text)``: ``text`` with the codes ``a`` or the catalogue names left out."""
    ids = a.cited_ids() | {r.id for r in a.readiness}

    def plain(text: str) -> str:
        if any(code not in ids for code in _CODE.findall(text)):
            ids.update(_catalogue_ids())
        return uncoded(text, ids)
    return plain


def _catalogue_ids() -> set[str]:
    from leadfit.rules.model.catalogue import default_catalogue  # packs reword, never add ids
    return set(default_catalogue().entries)
