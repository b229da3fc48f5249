"""The Help menu: About, a first-run guide of what happens next, and the glossary of
the article's ideas that every finding, signal and step in the window opens."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from leadfit import ARTICLE_TITLE, LICENCE, __version__
from leadfit.desktop.screen import fit_to_screen
from leadfit.words import reference_words

KINDS = {"readiness": "The ideal Product Director", "signals": "Context signals",
         "failures": "How it fails", "mitigations": "What mitigates it",
         "outcomes": "Outcomes"}
# after each idea's title, small and grey: LeadFit's reference to it (an HR file names it)
REFERENCE = "<span style='color:#7a8594; font-weight:normal'>&nbsp;&nbsp;{reference}</span>"

GUIDE = """
<h2>Getting started</h2>
<ol>
<li><b>Answer the questions</b> on the left, one section at a time (Ctrl+PgDown for the
next). Nothing is sent anywhere; your answers are kept on this computer as you type.</li>
<li><b>Watch the right-hand side.</b> It shows the recommendation as soon as enough is
answered, or which answers are still missing (click one to go to it). Open a finding to
see which answers raised it.</li>
<li><b>Save the case</b> (Ctrl+S) under the candidate's name to come back to it;
Ctrl+Z undoes an answer.</li>
<li><b>Record the decision</b> (Ctrl+D). You may decide otherwise than recommended: say
why. For a coached appointment, name who does each step of the plan, and by when.</li>
<li><b>Sign off.</b> The decision maker and HR each sign in the record, as separate
people. A signed record never changes; a correction makes a new version.</li>
<li><b>File the PDF</b> (Open PDF in the record). It carries every answer, the reasons and
room for signatures on paper.</li>
</ol>
<p>The recommendation follows the article <i>{article}</i>. Help &gt; Glossary explains
every idea the window names (double-click a finding or a step of the plan to read it).</p>
"""


def _browser_dialog(parent, title: str, html: str, width: int = 620,
                    height: int = 560) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    text = QTextBrowser()
    text.setAccessibleName(title)
    text.setOpenExternalLinks(False)
    text.setHtml(html)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
    layout = QVBoxLayout(dialog)
    layout.addWidget(text, 1)
    layout.addWidget(buttons)
    dialog.text = text
    fit_to_screen(dialog, width, height)
    return dialog


def about_html(pack) -> str:
    return (f"<h2>LeadFit {escape(__version__)}</h2>"
            "<p>Decide who should lead each value stream, offline.</p>"
            f"<p><b>Rule pack:</b> {escape(pack.title or pack.name)} ({escape(pack.name)}"
            f" {escape(pack.version)}), fingerprint {escape(pack.fingerprint[:12])}</p>"
            f"<p><b>The article it encodes:</b> “{escape(ARTICLE_TITLE)}”</p>"
            f"<p><b>Licence:</b> {escape(LICENCE)}. PDF font: DejaVu Sans (Bitstream Vera"
            " licence).</p>")


def about(parent, pack) -> QDialog:
    return _browser_dialog(parent, "About LeadFit", about_html(pack), 520, 360)


def guide(parent) -> QDialog:
    return _browser_dialog(parent, "Getting started with LeadFit",
                           GUIDE.format(article=escape(ARTICLE_TITLE)))


def glossary_html(catalogue) -> str:
    parts = [f"<h2>Glossary</h2><p>The ideas of the article “{escape(ARTICLE_TITLE)}”, each"
             " with the reference the article gives it.</p>"]
    for kind, heading in KINDS.items():
        ids = catalogue.ids(kind)
        if not ids:
            continue
        parts.append(f"<h3>{escape(heading)}</h3><dl>")
        for item_id in ids:
            entry = catalogue.entries[item_id]
            code = "" if kind == "outcomes" else REFERENCE.format(reference=escape(reference_words(item_id)))
            parts.append(f"<dt><a name='{escape(item_id)}'></a><b>{escape(entry.title)}</b>{code}"
                         f"</dt><dd>{escape(entry.meaning)}</dd>")
        parts.append("</dl>")
    return "".join(parts)


def glossary(parent, catalogue, item_id: str = "") -> QDialog:
    dialog = _browser_dialog(parent, "LeadFit glossary", glossary_html(catalogue), 640, 640)
    if item_id:
        dialog.text.scrollToAnchor(item_id)
    return dialog
