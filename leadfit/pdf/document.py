"""Document: one front object with small verbs over a ReportLab story."""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)

from leadfit.pdf import fonts
from leadfit.pdf.keep import KeepIfItFits, TableEndWith, headings_kept, without_trailing_space
from leadfit.pdf.long_text import BLOCK, LINE_MOST, blocks, breakable, long_cells_moved_out
from leadfit.pdf.page import FooterHook, PageFurniture
from leadfit.pdf.paragraph import Paragraph
from leadfit.pdf.table import Table
from leadfit.pdf.styles import Styles, load_styles
from leadfit.pdf.text import Cited, clean, markup_of_clean

__all__ = ["Document", "FooterHook"]


class Document:
    """Build a PDF from user text that is always printed literally.

    Every string handed to a verb is user text: escaped, control characters
    stripped, checked against the embedded font. Characters the font cannot
    draw are listed in :attr:`unsupported` (and printed as ``[U+XXXX]``).
    """

    def __init__(self, title: str = "", *, author: str = "LeadFit", styles: Styles | None = None,
                 footer: FooterHook | None = None, watermark: str = "", keywords: str = "",
                 mark: str = ""):
        self.styles = styles or load_styles()
        self.keywords = clean(keywords)  # document metadata a program reads back (an anchor)
        self.title, self.author, self.footer = clean(title), clean(author), footer
        self.watermark = clean(watermark)  # light diagonal text across every page, e.g. a draft
        self.mark = clean(mark)  # one line at the head of every page, e.g. 'Confidential'
        self.story: list = []
        self.unsupported: dict[str, list[str]] = {}  # character -> samples of text using it

    # -- text --------------------------------------------------------------
    def text(self, value: object, font_key: str = "body") -> str:
        """Safe markup for ``value``; records characters the font cannot draw."""
        plain = clean(value)
        missing = fonts.unsupported(plain, self.styles.fonts[font_key])
        for ch in missing:
            samples = self.unsupported.setdefault(ch, [])
            if len(samples) < 3 and plain[:60] not in samples:
                samples.append(plain[:60])
        marked = markup_of_clean(plain)
        for ch in missing:  # a visible code instead of a silent empty box; the space lets a
            marked = marked.replace(ch, f"[U+{ord(ch):04X}] ")  # run of them wrap in linear time
        return breakable(marked)

    def _blocks(self, plain: str, font_key: str) -> list[str]:
        """Lines the font draws kept whole up to half a page; others (each character it
        cannot draw is printed as a 9-character code) cut at 600 characters."""
        drawn = not fonts.unsupported(plain, self.styles.fonts[font_key])
        return blocks(plain, LINE_MOST if drawn else BLOCK)

    def _font_key(self, style: str) -> str:
        name = self.styles.paragraphs[style].fontName
        return next((k for k, f in self.styles.fonts.items() if f.fontName == name), "body")

    def para(self, value: object, style: str = "body") -> Paragraph:
        return Paragraph(self.text(value, self._font_key(style)), self.styles.paragraphs[style])

    def labelled(self, label: str, value: object, style: str = "body") -> Paragraph:
        """'Label: value' with the label bold; both are escaped."""
        bold = self.styles.fonts["bold"].fontName
        markup = f'<font face="{bold}">{self.text(label, "bold")}</font> {self.text(value)}'
        return Paragraph(markup, self.styles.paragraphs[style])

    # -- verbs -------------------------------------------------------------
    def title_line(self, value: object) -> None:
        self.story.append(self.para(value, "title"))

    def h1(self, value: object) -> None:
        self.story.append(CondPageBreak(30 * mm))  # a section never begins at the very foot
        self.story.append(self._heading(value, "h1"))

    def h2(self, value: object) -> None:
        self.story.append(self._heading(value, "h2"))

    def _heading(self, value: object, style: str) -> Paragraph:
        heading = self.para(value, style)
        heading.kept_with_next = True  # never alone at a page foot: see keep.headings_kept
        return heading

    def p(self, value: object, style: str = "body") -> None:
        """A paragraph; long text becomes several flowing blocks, so layout stays linear in
        its length (ReportLab re-wraps a whole paragraph at every page it splits across)."""
        pieces = self._blocks(clean(value), self._font_key(style))
        if len(pieces) == 1:
            self.story.append(self.para(value, style))
            return
        base = self.styles.paragraphs[style]
        for i, block in enumerate(pieces):
            first, last = i == 0, i == len(pieces) - 1
            flowing = ParagraphStyle(f"{base.name}-{i}", parent=base,
                                     spaceBefore=base.spaceBefore if first else 0,
                                     spaceAfter=base.spaceAfter if last else 0)
            self.story.append(Paragraph(self.text(block, self._font_key(style)), flowing))

    def kv(self, label: str, value: object, style: str = "body") -> None:
        if len(str(value or "")) > BLOCK:
            self.story.append(self.labelled(label, "", style))
            self.p(value, style)
            return
        self.story.append(self.labelled(label, value, style))

    def bullets(self, items: Iterable[object], style: str = "body") -> None:
        for item in items:
            self.story.append(Paragraph("• " + self.text(item, self._font_key(style)),
                                        self.styles.paragraphs[style]))

    def table(self, header: Sequence[str], rows: Iterable[Sequence[object]],
              widths: Sequence[float] | None = None, band: bool = True,
              row_mm: float | None = None) -> None:
        """A table of user text; ``widths`` are fractions of the text width. A row is
        never split across pages (its ID would be left behind); ``row_mm`` is a minimum
        row height, e.g. room to sign by hand."""
        cell, head = self.styles.paragraphs["cell"], self.styles.paragraphs["cell_head"]
        data: list[list] = [[Paragraph(self.text(h, "bold"), head) for h in header]] if header else []
        rows, after = long_cells_moved_out(rows, header)
        data += [[self._cell(c, cell) for c in row] for row in rows]
        if not data:
            return
        full = self.styles.page_size[0] - 2 * self.styles.margin
        col_widths = [full * w for w in widths] if widths else None
        heights = None if row_mm is None else \
            [None] * (1 if header else 0) + [row_mm * mm] * (len(data) - (1 if header else 0))
        style = self._table_style(bool(header) and band)
        t = Table(data, colWidths=col_widths, rowHeights=heights, repeatRows=1 if header else 0,
                  splitInRow=0, hAlign="LEFT")
        t.setStyle(style)  # before measuring: the cells are laid out once, at their padding
        if self._taller_than_a_page(t, full):  # only then may a row split, or layout fails
            t = Table(data, colWidths=col_widths, rowHeights=heights,
                      repeatRows=1 if header else 0, splitInRow=1, hAlign="LEFT")
            t.setStyle(style)
        self.story.append(t)
        self.story.append(Spacer(1, 3 * mm))
        for label, value in after:
            self.kv(label, value, "small")

    def _taller_than_a_page(self, table: Table, width: float) -> bool:
        s = self.styles
        frame = s.page_size[1] - 2 * s.margin - s.footer_space
        table.wrap(width, frame)
        return max(table._rowHeights or [0]) > frame * 0.9

    def cited(self, value: Cited) -> str:
        """Markup of a Cited cell: its words, the reference small and in the muted colour."""
        small = self.styles.paragraphs["small"]
        ref = (f'<font size="{small.fontSize:g}" color="#{small.textColor.hexval()[2:]}">'
               f"(article: {self.text(value.ref)})</font>")
        detail = f"<br/>{self.text(value.detail)}" if value.detail else ""
        return f"{self.text(value.words)} {ref}{detail}"

    def _cell(self, value: object, style) -> Paragraph | list[Paragraph]:
        """A cell's paragraph; long text as several, so a row split re-wraps little."""
        if isinstance(value, Cited):
            return Paragraph(self.cited(value), style)
        pieces = self._blocks(clean(value), "body")
        if len(pieces) == 1:
            return Paragraph(self.text(value), style)
        return [Paragraph(self.text(b), style) for b in pieces]

    def _table_style(self, header: bool) -> TableStyle:
        spec, s = self.styles.table, self.styles
        cmds = [("GRID", (0, 0), (-1, -1), float(spec["grid_width"]), s.colour(spec["grid"])),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                # cells are Paragraphs, but the cell font would still pull in Helvetica
                ("FONTNAME", (0, 0), (-1, -1), s.fonts["body"].fontName)]
        for side in ("LEFT", "RIGHT", "TOP", "BOTTOM"):
            cmds.append((f"{side}PADDING", (0, 0), (-1, -1), float(spec["padding"])))
        if header:
            cmds.append(("BACKGROUND", (0, 0), (-1, 0), s.colour(spec["header_background"])))
        return TableStyle(cmds)

    def chart(self, drawing) -> None:
        """A reportlab.graphics Drawing (see leadfit.pdf.charts)."""
        self.story.append(drawing)
        self.story.append(Spacer(1, 2 * mm))

    def spacer(self, height_mm: float = 4) -> None:
        self.story.append(Spacer(1, height_mm * mm))

    def keep(self, build: Callable[[Document], None]) -> None:
        """Keep what ``build(doc)`` adds on one page where it fits on one."""
        start = len(self.story)
        build(self)
        block = headings_kept(self.story[start:])
        del self.story[start:]
        self.story.append(KeepIfItFits(block))

    def with_table_end(self, build: Callable[[Document], None]) -> None:
        """Keep what ``build(doc)`` adds (and what followed the last table) on the page where
        the last table ends, moving its last row over where they would not fit under it."""
        at = max(i for i, f in enumerate(self.story) if isinstance(f, Table))
        build(self)
        table, tail = self.story[at], self.story[at + 1:]
        del self.story[at:]
        self.story.append(TableEndWith(table, tail))

    def pagebreak(self) -> None:
        self.story.append(PageBreak())

    # -- output ------------------------------------------------------------
    def render(self) -> bytes:
        """The PDF as bytes. Footer and 'page x of y' are drawn once the page count is known."""
        buffer = io.BytesIO()
        s = self.styles
        template = SimpleDocTemplate(
            buffer, pagesize=s.page_size, leftMargin=s.margin, rightMargin=s.margin,
            topMargin=s.margin, bottomMargin=s.margin + s.footer_space,
            title=self.title, author=self.author, creator="LeadFit", keywords=self.keywords)
        story = headings_kept(without_trailing_space(self.story))
        template.build(story, canvasmaker=self._furniture().canvas_class())
        return buffer.getvalue()

    def save(self, path: str | os.PathLike) -> Path:
        """Write the PDF atomically (temp file + rename) and return its path."""
        from leadfit.files import write_bytes
        return write_bytes(Path(path), self.render())

    def _furniture(self) -> PageFurniture:
        return PageFurniture(self.styles, watermark=self.watermark, mark=self.mark,
                             footer=self.footer, report=self.text)
