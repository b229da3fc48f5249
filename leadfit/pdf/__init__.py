"""LeadFit's PDF toolkit: one front object, small verbs, styles as data.

Use it for any LeadFit document (the decision rationale, client pack docs)::

    from leadfit.pdf import Cited, Document, level_bars

    doc = Document("Decision rationale", footer=lambda page, total: ["Pack default@1.0 ..."])
    doc.title_line("Home buying journey")         # every string is user text: printed literally
    doc.kv("Candidate", "Zoë <b>Ødegaard</b>")      # bold label, escaped value
    doc.h1("Findings")
    doc.table(["Finding"], [[Cited("Steep learning curve", "F1")]])  # words, then a grey "(article: F1)"
    doc.chart(level_bars([("Digital product experience", 2, "partial", "partial")], 3, doc.styles))
    doc.pagebreak()
    doc.save("out.pdf")                            # atomic write; doc.render() gives bytes
    doc.unsupported                                # {char: [sample text]} the font could not draw

Verbs: title_line, h1, h2, p(text, style), kv(label, value), bullets, table,
chart(Drawing), spacer, keep(fn) (keep a block on one page), pagebreak.
A table cell ``Cited(words, ref, detail)`` prints the words first and a reference after
them, small and grey; never an ID column first. The decision rationale prints no code where
an executive reads: its words stand alone, and Appendix B gives each with its reference.

- Styles: ``leadfit/pdf/styles.yaml`` (fonts, sizes, colours, paragraph styles
  with ``parent:``); pass ``styles=load_styles(path)`` for another file.
- Fonts: DejaVu Sans TTF from ``leadfit.assets/fonts``, embedded. It covers
  Latin, Greek and Cyrillic; characters it cannot draw (CJK, emoji, ...)
  are collected in ``doc.unsupported`` and shown as ``[U+XXXX]``, never as
  silent boxes. ``fonts.describe(ch)`` names one for a report.
- Safety: every string is escaped (``leadfit.pdf.text.escape``, the same as
  ``xml.sax.saxutils.escape``), newlines become line breaks, control characters
  are stripped; user text never goes into tag attributes, so
  ``<img src=...>``/``<a href=...>`` print literally.
- Footer: ``footer(page, total) -> lines`` is called for every page once the
  page count is known (a deferred canvas), then "Page x of y" is added.

This package must not import ``leadfit.decisions`` (rules/ uses it too).
"""

from leadfit.pdf.charts import level_bars, readiness_grid
from leadfit.pdf.document import Document, FooterHook
from leadfit.pdf.fonts import describe
from leadfit.pdf.styles import Styles, load_styles
from leadfit.pdf.text import Cited, clean, safe

__all__ = ["Cited", "Document", "FooterHook", "Styles", "clean", "describe", "level_bars", "load_styles",
           "readiness_grid",
           "safe"]
