"""The Portfolio tab and F10 read from the register, in the real window (offscreen)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pypdf import PdfReader

from leadfit.decisions import service
from leadfit.decisions.register import open_register
from tests.desktop_support import fill, open_window, settle
from tests.portfolio_support import SIX, Stream, case_for
from tests.portfolio_support import fill as fill_register

LEARNER = Stream("Pensions", "a learner with two years", "coach", False)


def _register(user_files):
    user_files.mkdir(parents=True, exist_ok=True)
    return open_register(f"sqlite:///{user_files / 'register.sqlite3'}")


def _learner_answers() -> dict:  # every question answered but the one the register answers
    return {**{k: v for k, v in case_for(LEARNER).to_data().items()
               if k != "stream.other_stream_leads"}, "candidate.earlier_attempt": "none"}


def test_the_portfolio_tab_shows_every_stream_and_saves_the_board_page(
        qtbot, user_files, tmp_path, monkeypatch):
    with _register(user_files) as reg:
        fill_register(reg)
    window = open_window(qtbot, user_files)
    window.tabs.setCurrentWidget(window.portfolio)
    tab = window.portfolio
    assert tab.model.rowCount() == len(SIX)
    assert "6 streams: 2 of 6 led by an experienced Product Director, 4 by executives" \
        in tab.headline.text()
    assert "the CPO mentors 2 executives" in tab.details.text()
    rows = {tab.model.index(r, 0).data(): r for r in range(tab.model.rowCount())}
    digital = tab.model.index(rows["Mortgages"], 2)
    assert digital.data() == "met"
    assert digital.data(Qt.ItemDataRole.BackgroundRole).color().name() == "#2e7d32"
    assert tab.model.index(rows["Savings"], 2).data() == "partly"
    assert tab.model.index(rows["Payments"], 1).data() == "An experienced Product Director,\nto be hired"
    assert tab.model.index(rows["Savings"], 1).data() == \
        "Lead of Savings\nexecutive learning the role, coached"
    out = tmp_path / "board.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    qtbot.mouseClick(tab.pdf_button, Qt.MouseButton.LeftButton)
    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Who leads our value streams" in text and "Readiness by stream" in text


def test_the_case_on_screen_reads_the_other_streams_and_the_record_agrees(qtbot, user_files):
    """Predicted: F10 appears for a learner beside two experienced leads, though the form's
    question about the other streams is left unanswered, and the recorded decision keeps it."""
    with _register(user_files) as reg:
        fill_register(reg)
    window = open_window(qtbot, user_files)
    window.welcome.hide()
    fill(qtbot, window, _learner_answers())
    settle(qtbot, window)
    shown = window.controller.assessment
    assert shown.decided and shown.outcome == "coach"
    assert "F10" in {f.id for f in shown.findings}
    said = "Read from the register: of 6 other streams, 2 are led by an experienced Product Director"
    assert said in window.panel.detail.text()
    assert said in window.form.rows["stream.other_stream_leads"].source.text()
    assert window.form.progress.value() == window.form.progress.maximum()  # nothing left to answer
    with _register(user_files) as reg:
        record = service.decide(reg, window.controller.case(), window.controller.pack,
                                decision="coach", conditions="Monthly", plan_later=True)
    assert record.decision.recommended == shown.outcome
    assert {f.id for f in record.assessment.findings} == {f.id for f in shown.findings}


def test_a_case_alone_works_from_the_form_and_creates_no_register(qtbot, user_files):
    window = open_window(qtbot, user_files)
    answers = _learner_answers()
    fill(qtbot, window, {**answers, "stream.other_stream_leads": "experienced_pds"})
    settle(qtbot, window)
    assert "F10" in {f.id for f in window.controller.assessment.findings}
    assert "register" not in window.panel.detail.text()
    assert not window.form.rows["stream.other_stream_leads"].source.isVisible()
    assert not (user_files / "register.sqlite3").exists()


def _luminance(colour) -> float:
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * lin(colour.redF()) + 0.7152 * lin(colour.greenF()) + 0.0722 * lin(colour.blueF())


def test_every_readiness_cell_is_readable_on_its_colour(qtbot, user_files):
    """White 'partly' on amber read poorly (hF fresh6 F21): every mark's words stand out
    from its colour by at least the 4.5:1 of ordinary text (WCAG AA)."""
    with _register(user_files) as reg:
        fill_register(reg)
    window = open_window(qtbot, user_files)
    window.tabs.setCurrentWidget(window.portfolio)
    tab = window.portfolio
    seen = set()
    for r in range(tab.model.rowCount()):
        for c in range(2, 8):
            index = tab.model.index(r, c)
            ground = index.data(Qt.ItemDataRole.BackgroundRole)
            if ground is None:
                continue
            text = index.data(Qt.ItemDataRole.ForegroundRole).color()
            light, dark = sorted((_luminance(ground.color()), _luminance(text)), reverse=True)
            seen.add(index.data())
            assert (light + 0.05) / (dark + 0.05) >= 4.5, (index.data(), ground.color().name())
    assert {"met", "partly"} <= seen
