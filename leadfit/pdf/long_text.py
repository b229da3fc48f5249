"""Long user text cut so that ReportLab lays it out in linear time (leadfit/pdf/document.py).

ReportLab splits an over-long word by measuring ever longer prefixes, and re-wraps a
whole paragraph (or a whole table row) at every page it splits across: both quadratic
in the text's length. Here text is cut into pieces before it reaches ReportLab.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from leadfit.pdf.text import clean

LONGEST_WORD = 80  # a SHA-256 (64 hex digits) stays whole, to be copied
BLOCK = 600
LINE_MOST = 3000  # half a page of body text: a longer line is cut, a shorter never is
CELL_MOST = 3 * BLOCK
MOVED = "(in full after this table)"

_LONG_WORD = re.compile(r"[^\s<>]{%d,}" % (LONGEST_WORD + 1))


def breakable(markup: str) -> str:
    """Give words longer than a line a break point every 80 characters (a 10,000-character
    token took over a minute). Markup (&amp;, <br/>) is never split."""
    if len(markup) < LONGEST_WORD:
        return markup
    return _LONG_WORD.sub(lambda m: " ".join(_chunks(m.group(0))), markup)


def _chunks(word: str) -> list[str]:
    out, start = [], 0
    while start < len(word):
        end = min(start + LONGEST_WORD, len(word))
        amp = word.rfind("&", start, end)   # never cut inside an entity such as &amp;
        if amp > start and ";" not in word[amp:end]:
            end = amp
        out.append(word[start:end])
        start = end
    return out


def blocks(text: str, line_most: int = BLOCK) -> list[str]:
    """``text`` cut into pieces at line ends, about 600 characters each; a line longer
    than ``line_most`` is cut too, after a sentence where it can (each piece starts a
    new line: a cut in a shorter one shows as a break mid-sentence)."""
    if len(text) <= BLOCK:
        return [text]
    out, current = [], ""
    for line in text.split("\n"):
        while len(line) > line_most:
            cut = _cut(line, line_most)
            if current:
                out.append(current)
                current = ""
            out.append(line[:cut])
            line = line[cut:].lstrip(" ")
        if current and len(current) + len(line) + 1 > BLOCK:
            out.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    out.append(current)
    return out


def _cut(line: str, most: int) -> int:
    """Where to cut a line longer than ``most``: after its last sentence in the second
    half, else at its last space, else anywhere."""
    end = max(line.rfind(mark, most // 2, most) for mark in (". ", "? ", "! ", "; "))
    if end > 0:
        return end + 1
    space = line.rfind(" ", 0, most)
    return space if space > 0 else most


def long_cells_moved_out(rows: Iterable[Sequence[object]], header: Sequence[str]):
    """Rows with every cell longer than a few blocks replaced by a pointer, and the
    (label, text) to print after the table: a table row that splits across pages is
    re-wrapped whole at each page (a 400 KB rule condition in the pack's documentation
    ran past 90 s); flowing paragraphs after it stay linear."""
    kept, after = [], []
    for row in rows:
        row = list(row)
        for i, value in enumerate(row):
            if len(str(value or "")) > CELL_MOST:
                column = header[i] if i < len(header) else ""
                label = " – ".join(clean(x).split("\n")[0] for x in (row[0], column) if x)
                after.append((f"{label}:", value))
                row[i] = MOVED
        kept.append(row)
    return kept, after
