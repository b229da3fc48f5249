"""Small charts drawn with reportlab.graphics (vector, no images)."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Rect, String

from leadfit.pdf.styles import Styles
from leadfit.pdf.text import clean


def level_bars(rows: list[tuple[str, int, str, str]], top: int, styles: Styles,
               width: float = 440, row_height: float = 16) -> Drawing:
    """One horizontal bar per row: (label, level 0..top, colour key, caption).

    Labels and captions are drawn as plain strings (never parsed as markup).
    """
    label_w, caption_w = 190.0, 70.0
    bar_w = width - label_w - caption_w
    height = row_height * len(rows) + 4
    d = Drawing(width, height)
    font, size = styles.fonts["body"].fontName, 8
    for i, (label, level, colour, caption) in enumerate(rows):
        y = height - (i + 1) * row_height
        d.add(String(0, y + 4, clean(label)[:48], fontName=font, fontSize=size,
                     fillColor=styles.colour("text")))
        d.add(Rect(label_w, y + 2, bar_w, row_height - 5, fillColor=styles.colour("band"),
                   strokeColor=None))
        filled = bar_w * max(0, min(level, top)) / top if top else 0
        if filled:
            d.add(Rect(label_w, y + 2, filled, row_height - 5, fillColor=styles.colour(colour),
                       strokeColor=None))
        d.add(String(label_w + bar_w + 6, y + 4, clean(caption), fontName=font, fontSize=size,
                     fillColor=styles.colour("muted")))
    return d
