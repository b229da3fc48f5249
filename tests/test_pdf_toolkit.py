"""The shared PDF toolkit: literal user text, embedded Unicode font, glyph report,
page x of y, footer on every page, styles from data."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from leadfit.errors import PackError
from leadfit.pdf import Document, level_bars, load_styles
from leadfit.pdf.styles import DEFAULT_STYLES
from tests.decisions_support import squash

HOSTILE = [
    "<b>not bold</b>",
    "Q&A and AT&T &amp; x<y",
    "John <john@example.com>",
    '<img src="/etc/passwd"/>',
    "<a href=\"javascript:alert(1)\">click</a>",
    "<font face='Courier'>x</font> <para>",
    "]]> <!-- --> &#x41; &lt;",
]
SCRIPTS = ["Zoë Ångström-Nuñez, François Çelik", "Ελένη Παπαδοπούλου", "Пётр Ильич Чайковский",
           "Łukasz Żółć, Dvořák, Søren"]


def _text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _images_and_links(pdf: bytes) -> tuple[int, int]:
    images = links = 0
    for page in PdfReader(io.BytesIO(pdf)).pages:
        xobjects = page.get("/Resources", {}).get("/XObject", {}) or {}
        images += sum(1 for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image")
        links += len(page.get("/Annots", []) or [])
    return images, links


def test_markup_in_user_text_prints_literally_and_reads_no_file(tmp_path):
    picture = tmp_path / "secret.png"
    subprocess_png(picture)
    hostile = HOSTILE + [f'<img src="{picture}" width="50" height="50"/>']
    doc = Document("Hostile <title>", footer=lambda p, t: ["Footer <b>" + hostile[1]])
    for s in hostile:
        doc.p(s)
        doc.kv("Label <i>:", s)
    doc.table(["<th>", "&"], [[s, s] for s in hostile])
    doc.bullets(hostile)
    pdf = doc.render()
    text = squash(" ".join(_text(pdf)))
    tight = "".join(text.split())  # table cells may wrap long strings anywhere
    for s in hostile:
        assert tight.count("".join(s.split())) >= 4, s
    assert "Footer <b>Q&A and AT&T &amp; x<y" in text
    assert _images_and_links(pdf) == (0, 0)


def subprocess_png(path) -> None:
    """A real PNG on disk, so an <img> that were obeyed would embed it."""
    from reportlab.graphics import renderPM
    from reportlab.graphics.shapes import Drawing, Rect
    d = Drawing(10, 10)
    d.add(Rect(0, 0, 10, 10))
    try:
        renderPM.drawToFile(d, str(path), fmt="PNG")
    except Exception:  # noqa: BLE001 - renderPM backend missing: a tiny valid PNG by hand
        path.write_bytes(bytes.fromhex(
            "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
            "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"))


def test_control_characters_are_stripped_and_newlines_kept():
    doc = Document()
    doc.p("line one\nline\x00 two\x07\x1b[31m")
    text = _text(doc.render())[0]
    assert "line one\nline two[31m" in text


@pytest.mark.parametrize("name", SCRIPTS)
def test_latin_greek_cyrillic_render_with_the_embedded_font(name):
    doc = Document()
    doc.kv("Name:", name)
    doc.table(["Name"], [[name]])
    pdf = doc.render()
    assert doc.unsupported == {}
    assert _text(pdf)[0].count(name) == 2
    fonts = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts.add(font["/BaseFont"])
            descendant = font.get("/DescendantFonts")
            descriptor = (descendant[0].get_object() if descendant else font).get("/FontDescriptor")
            assert descriptor is None or "/FontFile2" in descriptor.get_object()
    assert all("DejaVuSans" in f for f in fonts), fonts          # no Helvetica fallback


@pytest.mark.parametrize("text, chars", [
    ("王小明", ["王", "小", "明"]),
    ("Ravi 😀 Sharma", ["😀"]),
    ("नमस्ते", ["न", "म"]),
])
def test_characters_the_font_cannot_draw_are_reported_not_boxed(text, chars):
    doc = Document()
    doc.p(f"Name: {text}")
    extracted = _text(doc.render())[0]
    for ch in chars:
        assert ch in doc.unsupported, doc.unsupported
        assert f"[U+{ord(ch):04X}]" in extracted
        assert doc.unsupported[ch] == [f"Name: {text}"]


def test_page_x_of_y_and_the_footer_are_on_every_page():
    doc = Document(footer=lambda page, total: [f"Pack demo · hash abc ({page})"])
    for i in range(3):
        doc.h1(f"Part {i}")
        doc.p("text " * 50)
        doc.pagebreak()
    doc.p("last")
    pages = _text(doc.render())
    assert len(pages) == 4
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of 4" in page
        assert f"Pack demo · hash abc ({number})" in page


def test_a_long_cell_splits_across_pages_instead_of_failing():
    doc = Document()
    doc.table(["ID", "Text"], [["F1", "A long justification. " * 700]], widths=[0.1, 0.9])
    assert len(_text(doc.render())) >= 2


def test_the_chart_is_vector_graphics_with_literal_labels():
    doc = Document()
    doc.chart(level_bars([("P1 <b>Digital</b>", 2, "partial", "partly met"),
                          ("P2 P&L", 3, "met", "met")], 3, doc.styles))
    text = _text(doc.render())[0]
    assert "P1 <b>Digital</b>" in text and "P2 P&L" in text
    assert _images_and_links(doc.render()) == (0, 0)
    fonts = {str(f.get_object()["/BaseFont"]) for page in PdfReader(io.BytesIO(doc.render())).pages
             for f in page["/Resources"]["/Font"].values()}
    assert fonts and all("DejaVuSans" in f for f in fonts), fonts  # no unembedded Helvetica


def test_styles_are_data_with_inheritance(tmp_path):
    custom = tmp_path / "styles.yaml"
    custom.write_text(DEFAULT_STYLES.read_text().replace("size: 9.5", "size: 12"))
    styles = load_styles(custom)
    assert styles.paragraphs["body"].fontSize == 12
    assert styles.paragraphs["cell"].textColor == styles.colours["text"]   # via parent: body
    assert load_styles().paragraphs["body"].fontSize == 9.5


def test_a_broken_style_file_is_a_named_error(tmp_path):
    bad = tmp_path / "styles.yaml"
    bad.write_text("page: {size: A4}\n")
    with pytest.raises(PackError, match="style file"):
        load_styles(bad)


def test_the_toolkit_does_not_import_decisions():
    code = ("import sys, leadfit.pdf; "
            "bad = [m for m in sys.modules if m.startswith(('leadfit.decisions', 'PySide6'))]; "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_save_writes_atomically(tmp_path):
    doc = Document()
    doc.p("x")
    out = doc.save(tmp_path / "out.pdf")
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]




def test_trailing_space_never_starts_an_empty_last_page():
    """An exactly full page followed by a spacer stays one page."""
    from io import BytesIO

    from pypdf import PdfReader

    from leadfit.pdf import Document

    def pages(lines: int, space: bool = False) -> int:
        doc = Document(title="Spacing")  # fresh flowables: they keep state between builds
        for i in range(lines):
            doc.p(f"Line {i}")
        if space:
            doc.spacer(40)
        return len(PdfReader(BytesIO(doc.render())).pages)
    full = next(n for n in range(20, 200) if pages(n + 1) == 2)
    assert pages(full) == 1
    assert pages(full, space=True) == 1


def test_clean_removes_exactly_the_control_and_surrogate_characters():
    """clean() uses one regular expression for speed; it must equal the category rule."""
    import unicodedata

    from leadfit.pdf.text import clean
    text = "".join(chr(cp) for cp in range(0x110000) if cp != 0x0D)
    wanted = "".join(ch for ch in text if ch in "\n\t"
                     or unicodedata.category(ch) not in ("Cc", "Cs"))
    assert clean(text) == wanted and clean("a\r\nb\rc") == "a\nb\nc"


@given(st.text())
def test_the_pdf_s_escape_is_the_standard_library_s(text):
    """leadfit.pdf.text.escape stands in for xml.sax.saxutils.escape (whose import pulls in
    urllib.request at every `leadfit report`): the same markup for any text."""
    from xml.sax.saxutils import escape as standard
    from leadfit.pdf.text import escape
    assert escape(text) == standard(text)


def test_a_long_paragraph_breaks_its_lines_only_where_they_are_full():
    """A 700-character 'Answers not known' paragraph broke onto a new line mid-sentence
    (cut into 600-character pieces, each a paragraph): it lays out line for line as
    ReportLab's own paragraph of the same text."""
    from reportlab.platypus import Paragraph as ReportLabParagraph
    from reportlab.platypus import SimpleDocTemplate
    text = "It depends on whether they blamed the digital teams for slow delivery before. " * 24
    doc = Document()
    doc.p(text)
    s = doc.styles
    bare = io.BytesIO()
    SimpleDocTemplate(bare, pagesize=s.page_size, leftMargin=s.margin, rightMargin=s.margin) \
        .build([ReportLabParagraph(text, s.paragraphs["body"])])
    theirs = _text(bare.getvalue())[0].strip().splitlines()
    assert _text(doc.render())[0].strip().splitlines()[:len(theirs)] == theirs
