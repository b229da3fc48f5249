"""The PDF's paragraphs skip ReportLab's markup parser for the markup LeadFit writes
(leadfit/pdf/paragraph.py): for any text, the same fragments as the parser, hence the
same PDF; anything else still goes to the parser."""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st
from reportlab.platypus import Paragraph as ReportLabParagraph
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaParser

from leadfit.pdf import Cited, Document
from leadfit.pdf.paragraph import Paragraph, fragments

# the characters markup and its cleaner treat specially, and some that are just text
TEXT = st.lists(st.sampled_from(list("ab &<>;\n\t\xa0\u200b\u3000\"'/=é漢\u05e9#x") + ["&amp;", "<br/>"]),
                max_size=40).map("".join)


def _parsed(markup: str, style) -> list[dict]:
    parser = ParaParser()
    parser.caseSensitive = 1
    return [dict(f.__dict__) for f in parser.parse(markup, style)[1]]


@given(TEXT, TEXT, st.sampled_from(["body", "cell", "cell_head", "small", "alert"]))
def test_our_markup_reads_as_reportlab_s_parser_reads_it(label, value, style_name):
    doc = Document()
    style = doc.styles.paragraphs[style_name]
    for written in (doc.para(value, style_name).text, doc.labelled(label, value, style_name).text,
                    doc.cited(Cited(value, label, value)), doc.cited(Cited(label, "F3"))):
        markup = cleanBlockQuotedText(written)
        ours = fragments(markup, style)
        assert ours is not None, markup          # LeadFit's own markup: never the parser
        assert [dict(f.__dict__) for f in ours] == _parsed(markup, style), markup
        read, theirs = Paragraph(written, style), ReportLabParagraph(written, style)
        assert (read.text, [f.__dict__ for f in read.frags]) == \
            (theirs.text, [f.__dict__ for f in theirs.frags]), written


def test_other_markup_goes_to_reportlab_s_parser():
    style = Document().styles.paragraphs["body"]
    assert fragments("x</font>", style) is None and fragments('<font face="LeadFitSans-Bold">x', style) is None
    for markup in ("<b>bold</b>", "a &#38; b", "&nbsp;", "<i>x</i><br />",
                   '<font color="red"><font size="7">x</font></font>'):
        assert fragments(markup, style) is None, markup
        read = Paragraph(markup, style)
        assert [f.__dict__ for f in read.frags] == \
            [f.__dict__ for f in ReportLabParagraph(markup, style).frags]


def test_a_paragraph_draws_the_same_pdf_as_reportlab_s_own():
    from reportlab import rl_config
    from reportlab.platypus import SimpleDocTemplate

    def pdf(kind) -> bytes:
        doc = Document()
        text = 'Zoë <b>x</b> & y<z;\n\tsecond  line  ' + "long" * 40
        markup = doc.labelled("Label & <i>", text).text
        out = io.BytesIO()
        SimpleDocTemplate(out).build([kind(markup, doc.styles.paragraphs[s])
                                      for s in ("body", "cell", "title")])
        return out.getvalue()

    invariant, rl_config.invariant = rl_config.invariant, 1   # no dates or random ids
    try:
        assert pdf(Paragraph) == pdf(ReportLabParagraph)
    finally:
        rl_config.invariant = invariant
