"""Small charts drawn with reportlab.graphics (vector, no images)."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Rect, String

from leadfit.pdf.styles import Styles
from leadfit.pdf.text import clean


def level_bars(rows: list[tuple[str, int, str, str]], top: int, styles: Styles,
               width: float = 440) -> Drawing:
    """One horizontal bar per row: (label, level 0..top, colour key, caption).

    Labels and captions are drawn as plain strings (never parsed as markup).
    Sizes come from the style file's ``chart`` section.
    """
    spec = styles.chart
    label_w, caption_w = float(spec["label_width"]), float(spec["caption_width"])
    row_height = float(spec["row_height"])
    bar_w = width - label_w - caption_w
    height = row_height * len(rows) + 4
    font, size = styles.fonts["body"].fontName, float(spec["font_size"])
    # else the renderer's starting state references Helvetica, a font the PDF does not embed
    d = Drawing(width, height, initialFontName=font, initialFontSize=size)
    for i, (label, level, colour, caption) in enumerate(rows):
        y = height - (i + 1) * row_height
        d.add(String(0, y + 4, clean(label)[:48], fontName=font, fontSize=size,
                     fillColor=styles.colour("text")))
        d.add(Rect(label_w, y + 2, bar_w, row_height - 5, fillColor=styles.colour(spec["background"]),
                   strokeColor=None))
        filled = bar_w * max(0, min(level, top)) / top if top else 0
        if filled:
            d.add(Rect(label_w, y + 2, filled, row_height - 5, fillColor=styles.colour(colour),
                       strokeColor=None))
        d.add(String(label_w + bar_w + 6, y + 4, clean(caption), fontName=font, fontSize=size,
                     fillColor=styles.colour("muted")))
    return d
