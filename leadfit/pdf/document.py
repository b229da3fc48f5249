"""Document: one front object with small verbs over a ReportLab story."""

from __future__ import annotations

import io
import re
import math
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)

from leadfit.pdf import fonts
from leadfit.pdf.keep import KeepIfItFits, StartTogether, TableEndWith
from leadfit.pdf.paragraph import Paragraph
from leadfit.pdf.table import Table
from leadfit.pdf.styles import Styles, load_styles
from leadfit.pdf.text import Cited, clean, markup_of_clean

# footer(page, total) -> lines of plain text, drawn bottom-up at the foot of every page.
FooterHook = Callable[[int, int], Sequence[str]]


_LONGEST_WORD = 80  # a SHA-256 (64 hex digits) stays whole, to be copied


def _breakable(markup: str) -> str:
    """Give words longer than a line a break point every 80 characters: ReportLab splits
    an over-long word by measuring ever longer prefixes, quadratic in its length (a
    10,000-character token took over a minute). Markup (&amp;, <br/>) is never split."""
    if len(markup) < _LONGEST_WORD:
        return markup
    return _LONG_WORD.sub(lambda m: " ".join(_chunks(m.group(0))), markup)


def _chunks(word: str) -> list[str]:
    out, start = [], 0
    while start < len(word):
        end = min(start + _LONGEST_WORD, len(word))
        amp = word.rfind("&", start, end)   # never cut inside an entity such as &amp;
        if amp > start and ";" not in word[amp:end]:
            end = amp
        out.append(word[start:end])
        start = end
    return out


_BLOCK = 600
_LINE_MOST = 3000  # half a page of body text: a longer line is cut, a shorter never is


def _blocks(text: str, line_most: int = _BLOCK) -> list[str]:
    """``text`` cut into pieces at line ends, about 600 characters each; a line longer
    than ``line_most`` is cut too, after a sentence where it can (each piece starts a
    new line: a cut in a shorter one shows as a break mid-sentence)."""
    if len(text) <= _BLOCK:
        return [text]
    blocks, current = [], ""
    for line in text.split("\n"):
        while len(line) > line_most:
            cut = _cut(line, line_most)
            if current:
                blocks.append(current)
                current = ""
            blocks.append(line[:cut])
            line = line[cut:].lstrip(" ")
        if current and len(current) + len(line) + 1 > _BLOCK:
            blocks.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    blocks.append(current)
    return blocks


def _cut(line: str, most: int) -> int:
    """Where to cut a line longer than ``most``: after its last sentence in the second
    half, else at its last space, else anywhere."""
    end = max(line.rfind(mark, most // 2, most) for mark in (". ", "? ", "! ", "; "))
    if end > 0:
        return end + 1
    space = line.rfind(" ", 0, most)
    return space if space > 0 else most


_CELL_MOST = 3 * _BLOCK
_MOVED = "(in full after this table)"


def _long_cells_moved_out(rows: Iterable[Sequence[object]], header: Sequence[str]):
    """Rows with every cell longer than a few blocks replaced by a pointer, and the
    (label, text) to print after the table: a table row that splits across pages is
    re-wrapped whole at each page, quadratic in its length (a 400 KB rule condition in
    the pack's documentation ran past 90 s); flowing paragraphs after it stay linear."""
    kept, after = [], []
    for row in rows:
        row = list(row)
        for i, value in enumerate(row):
            if len(str(value or "")) > _CELL_MOST:
                column = header[i] if i < len(header) else ""
                label = " – ".join(clean(x).split("\n")[0] for x in (row[0], column) if x)
                after.append((f"{label}:", value))
                row[i] = _MOVED
        kept.append(row)
    return kept, after


_LONG_WORD = re.compile(r"[^\s<>]{%d,}" % (_LONGEST_WORD + 1))


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
        return _breakable(marked)

    def _blocks(self, plain: str, font_key: str) -> list[str]:
        """Lines the font draws kept whole up to half a page; others (each character it
        cannot draw is printed as a 9-character code) cut at 600 characters."""
        drawn = not fonts.unsupported(plain, self.styles.fonts[font_key])
        return _blocks(plain, _LINE_MOST if drawn else _BLOCK)

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
        heading.kept_with_next = True  # never alone at a page foot: see _headings_kept
        return heading

    def p(self, value: object, style: str = "body") -> None:
        """A paragraph; long text becomes several flowing blocks, so layout stays linear in
        its length (ReportLab re-wraps a whole paragraph at every page it splits across)."""
        blocks = self._blocks(clean(value), self._font_key(style))
        if len(blocks) == 1:
            self.story.append(self.para(value, style))
            return
        base = self.styles.paragraphs[style]
        for i, block in enumerate(blocks):
            first, last = i == 0, i == len(blocks) - 1
            flowing = ParagraphStyle(f"{base.name}-{i}", parent=base,
                                     spaceBefore=base.spaceBefore if first else 0,
                                     spaceAfter=base.spaceAfter if last else 0)
            self.story.append(Paragraph(self.text(block, self._font_key(style)), flowing))

    def kv(self, label: str, value: object, style: str = "body") -> None:
        if len(str(value or "")) > _BLOCK:
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
        rows, after = _long_cells_moved_out(rows, header)
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
        blocks = self._blocks(clean(value), "body")
        if len(blocks) == 1:
            return Paragraph(self.text(value), style)
        return [Paragraph(self.text(b), style) for b in blocks]

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
        block = _headings_kept(self.story[start:])
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
        story = _headings_kept(_without_trailing_space(self.story))
        template.build(story, canvasmaker=self._canvas_class())
        return buffer.getvalue()

    def save(self, path: str | os.PathLike) -> Path:
        """Write the PDF atomically (temp file + rename) and return its path."""
        from leadfit.files import write_bytes
        return write_bytes(Path(path), self.render())

    def footer_lines(self, page: int, total: int) -> list[str]:
        lines = list(self.footer(page, total)) if self.footer else []
        lines.append(f"Page {page} of {total}")
        for line in lines:
            self.text(line)  # report glyphs the footer cannot draw too
        return [clean(line) for line in lines]

    def _canvas_class(self):
        doc = self

        class _DeferredCanvas(Canvas):
            """Holds each page until the end, so every footer knows the page total."""

            def __init__(self, *args, **kwargs):
                # else every page also references Helvetica, the canvas default
                kwargs["initialFontName"] = doc.styles.fonts["body"].fontName
                super().__init__(*args, **kwargs)
                self._pages: list[dict] = []

            def showPage(self):
                self._pages.append(dict(self.__dict__))
                self._startPage()

            def save(self):
                total = len(self._pages)
                for number, state in enumerate(self._pages, start=1):
                    self.__dict__.update(state)
                    doc._draw_watermark(self)
                    doc._draw_mark(self)
                    doc._draw_footer(self, number, total)
                    super().showPage()
                super().save()

        return _DeferredCanvas

    def _draw_watermark(self, canvas: Canvas) -> None:
        if not self.watermark:
            return
        w = self.styles.watermark
        width, height = self.styles.page_size
        font = self.styles.fonts["bold"].fontName
        turn, inner = math.radians(float(w["angle"])), 2 * self.styles.margin
        room = min((width - inner) / max(abs(math.cos(turn)), 1e-6),  # long text shrinks to
                   (height - inner) / max(abs(math.sin(turn)), 1e-6))  # stay within the margins
        size = min(float(w["size"]),
                   room / max(canvas.stringWidth(self.watermark, font, 1), 1e-6))
        canvas.saveState()
        canvas.setFont(font, size)
        canvas.setFillColor(self.styles.colour(w["colour"]))
        canvas.setFillAlpha(float(w["opacity"]))  # light, and drawn over content: text stays legible
        canvas.translate(width / 2, height / 2)
        canvas.rotate(float(w["angle"]))
        canvas.drawCentredString(0, -size / 3, self.watermark)
        canvas.restoreState()

    def _draw_mark(self, canvas: Canvas) -> None:
        if not self.mark:
            return
        f, s = self.styles.footer, self.styles
        canvas.saveState()
        canvas.setFont(s.fonts["bold"].fontName, float(f["size"]) + 1)
        canvas.setFillColor(s.colour(s.watermark["colour"]))
        width, height = s.page_size
        canvas.drawRightString(width - s.margin, height - s.margin / 2, self.mark)
        canvas.restoreState()

    def _draw_footer(self, canvas: Canvas, page: int, total: int) -> None:
        f, s = self.styles.footer, self.styles
        canvas.saveState()
        canvas.setFont(f["font"], float(f["size"]))
        canvas.setFillColor(f["colour"])
        canvas.setStrokeColor(s.colour(s.table["grid"]))
        width = s.page_size[0]
        lines = self.footer_lines(page, total)
        top = s.margin + float(f["leading"]) * len(lines) + 2
        canvas.line(s.margin, top, width - s.margin, top)
        for i, line in enumerate(reversed(lines)):
            canvas.drawString(s.margin, s.margin + i * float(f["leading"]), line)
        canvas.restoreState()


def _headings_kept(story: list) -> list:
    """``story`` with a StartTogether before each run of headings: a page break unless the
    headings and the start of what follows them fit (ReportLab's keepWithNext keeps a heading
    with all of a long table, moving it whole and leaving the page before it half empty)."""
    out: list = []
    for i, flowable in enumerate(story):
        heading = getattr(flowable, "kept_with_next", False)
        if heading and not getattr(story[i - 1] if i else None, "kept_with_next", False):
            run = list(_run_of_headings(story, i))
            following = story[i + len(run)] if i + len(run) < len(story) else None
            out.append(StartTogether(run, following))
        out.append(flowable)
    return out


def _run_of_headings(story: list, start: int):
    for flowable in story[start:]:
        if not getattr(flowable, "kept_with_next", False):
            return
        yield flowable


def _without_trailing_space(story: list) -> list:
    """A spacer at the very end that does not fit would start an empty last page."""
    flowables = list(story)
    while flowables and isinstance(flowables[-1], Spacer):
        flowables.pop()
    return flowables
