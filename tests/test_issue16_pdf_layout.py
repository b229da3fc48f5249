"""Issue 16's PDF defects through the command line: layout linear in a field's length, and
right-to-left text flagged when printed."""

from __future__ import annotations

from tests.helpers import EXAMPLE_CASE, run_cli

FIRST = "LF-2026-0001"


def run(*args):
    return run_cli(*map(str, args))   # the real entry point, in-process


def _write_report(tmp_path, text, name):
    db = tmp_path / f"{name}.sqlite3"
    assert run("decide", "--recorded-by", "Robin Hale", EXAMPLE_CASE, "--decision", "hire_external", "--justify", text,
               "--db", db).returncode == 0
    result = run("report", FIRST, "--out", tmp_path / f"{name}.pdf", "--db", db)
    assert result.returncode == 0, result.stderr
    return result


def _characters_laid_out(tmp_path, monkeypatch, text, name):
    """The characters ReportLab's paragraphs are handed to wrap while one report is written."""
    from reportlab.platypus.paragraph import Paragraph
    handed = [0]
    wrap = Paragraph.wrap

    def counted(self, *args, **kwargs):
        handed[0] += len(self.getPlainText())
        return wrap(self, *args, **kwargs)
    monkeypatch.setattr(Paragraph, "wrap", counted)
    _write_report(tmp_path, text, name)
    monkeypatch.setattr(Paragraph, "wrap", wrap)
    return handed[0]


def test_a_long_multi_line_field_renders_in_time_linear_in_its_length(tmp_path, monkeypatch):
    """A 10,000-character multi-line field took 134 s: layout was quadratic in its length.

    Counted, not timed (a timed check failed on a loaded machine): the work the layout does for
    the field grows with its length, about 1.5 characters wrapped per character once it spans
    pages; quadratic layout re-wraps the rest of the field at each split, 4.8x the text, 23x the work.
    """
    line = "a line of the justification\n"
    rest = _characters_laid_out(tmp_path, monkeypatch, "warm", "warm")   # the rest of the report
    short = _characters_laid_out(tmp_path, monkeypatch, (line * 40)[:1000], "short") - rest
    long = _characters_laid_out(tmp_path, monkeypatch, (line * 200)[:4800], "long") - rest
    assert 4.8 <= long / short < 12


def test_right_to_left_text_is_flagged_when_printed(tmp_path):
    result = _write_report(tmp_path, "שלום עולם — hire from outside", "rtl")
    assert "U+05E9 HEBREW LETTER SHIN" in result.stderr    # drawn reversed, unflagged, before
