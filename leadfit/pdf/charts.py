"""Small charts drawn with reportlab.graphics (vector, no images)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from leadfit.pdf.styles import Styles
from leadfit.pdf.text import Cited, clean


def level_bars(rows: Sequence[tuple[str | Cited, int, str, str]], top: int, styles: Styles,
               width: float = 440) -> Drawing:
    """One horizontal bar per row: (label, level 0..top, colour key, caption); a Cited
    label is its words, then the article's reference small and grey.

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
        _label(d, label, y + 4, font, size, styles)
        d.add(Rect(label_w, y + 2, bar_w, row_height - 5, fillColor=styles.colour(spec["background"]),
                   strokeColor=None))
        filled = bar_w * max(0, min(level, top)) / top if top else 0
        if filled:
            d.add(Rect(label_w, y + 2, filled, row_height - 5, fillColor=styles.colour(colour),
                       strokeColor=None))
        d.add(String(label_w + bar_w + 6, y + 4, clean(caption), fontName=font, fontSize=size,
                     fillColor=styles.colour("muted")))
    return d


def _label(d: Drawing, label: str | Cited, y: float, font: str, size: float,
           styles: Styles) -> None:
    words = clean(label.words if isinstance(label, Cited) else label)[:48]
    d.add(String(0, y, words, fontName=font, fontSize=size, fillColor=styles.colour("text")))
    if isinstance(label, Cited):
        small = styles.paragraphs["small"].fontSize
        d.add(String(stringWidth(words, font, size) + size / 3, y, f"(article: {clean(label.ref)})",
                     fontName=font, fontSize=small, fillColor=styles.colour("muted")))


def readiness_grid(rows: list[tuple[str, list[str], str]], headings: list[str], styles: Styles,
                   legend: dict[str, str], width: float = 480) -> Drawing:
    """One row per item: a label, one coloured square per column (a colour key each:
    met, partial, not_met, unknown) and a caption; headings over the squares and a
    legend under them. Every string is drawn plain (never parsed as markup)."""
    spec = styles.chart
    font, size = styles.fonts["body"].fontName, float(spec["font_size"])
    row_h, label_w, caption_w = float(spec["row_height"]), 150.0, 80.0
    cell_w = (width - label_w - caption_w) / max(1, len(headings))
    head_h, legend_h = row_h * 1.6, row_h * 1.4
    height = head_h + row_h * len(rows) + legend_h
    d = Drawing(width, height, initialFontName=font, initialFontSize=size)
    text, muted = styles.colour("text"), styles.colour("muted")
    for j, heading in enumerate(headings):
        x = label_w + j * cell_w + cell_w / 2
        d.add(String(x, height - head_h + 5, clean(heading)[:16], fontName=font, fontSize=size - 0.5,
                     fillColor=muted, textAnchor="middle"))
    for i, (label, marks, caption) in enumerate(rows):
        y = height - head_h - (i + 1) * row_h
        d.add(String(0, y + 4, clean(label)[:36], fontName=font, fontSize=size, fillColor=text))
        for j, mark in enumerate(marks):
            d.add(Rect(label_w + j * cell_w + 2, y + 2, cell_w - 4, row_h - 4,
                       fillColor=styles.colour(mark), strokeColor=None))
        d.add(String(width - caption_w + 6, y + 4, clean(caption), fontName=font, fontSize=size,
                     fillColor=muted))
    x = 0.0
    for key, words in legend.items():
        d.add(Rect(x, 4, 10, 8, fillColor=styles.colour(key), strokeColor=None))
        d.add(String(x + 14, 5, clean(words), fontName=font, fontSize=size, fillColor=text))
        x += 24 + len(words) * size * 0.55
    return d
