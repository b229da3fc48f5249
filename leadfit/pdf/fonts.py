"""The embedded TTF fonts, and which characters they cannot draw.

A TTF font draws characters it has no glyph for as empty boxes, silently.
:func:`unsupported` reports them so the caller can tell the person.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib import resources
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from leadfit.errors import LeadFitError

# Characters that draw nothing and need no glyph.
_INVISIBLE = {"\n", "\t", " ", "\u200b", "\u200c", "\u200d", "\ufe0f", "\ufe0e"}


def fonts_dir() -> Path:
    return Path(str(resources.files("leadfit.assets").joinpath("fonts")))


@cache
def register(name: str, file: str) -> TTFont:
    """Register (once per process) and return the TTF font ``file`` under ``name``."""
    path = fonts_dir() / file
    if not path.is_file():
        raise LeadFitError(f"font file missing from the installation: {path}")
    font = TTFont(name, str(path))
    pdfmetrics.registerFont(font)
    return font


def unsupported(text: str, font: TTFont) -> list[str]:
    """Characters in ``text`` the font cannot draw properly, in order, each once."""
    drawn = _drawable(font)
    if drawn.issuperset(text):  # the usual case, decided once per character and font
        return []
    glyphs = font.face.charToGlyph
    out: list[str] = []
    for ch in dict.fromkeys(text):  # each distinct character once: linear in the text
        if ch in drawn:
            continue
        if ch in _INVISIBLE or unicodedata.category(ch) in ("Cc", "Cf"):
            drawn.add(ch)
            continue
        # Beyond the BMP ReportLab writes a broken ToUnicode map (the text is
        # drawn but cannot be searched or copied), so those count as missing.
        if ord(ch) in glyphs and ord(ch) <= 0xFFFF and not _right_to_left(ch):
            drawn.add(ch)
            continue
        out.append(ch)
    return out


def _drawable(font: TTFont) -> set[str]:
    """The characters already found drawable in ``font`` (or drawing nothing), kept on
    the font's face (registered once per process) so they are decided once."""
    face = font.face
    found = getattr(face, "_leadfit_drawable", None)
    if found is None:
        found = set()
        face._leadfit_drawable = found
    return found


def _right_to_left(ch: str) -> bool:
    """Hebrew, Arabic and other right-to-left letters: the font has glyphs for some,
    but ReportLab lays them out left to right (reversed words), so they count as
    unsupported like CJK."""
    return unicodedata.bidirectional(ch) in ("R", "AL")



def describe(ch: str) -> str:
    """'U+4E2D CJK UNIFIED IDEOGRAPH-4E2D' for a report."""
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed character')}"
