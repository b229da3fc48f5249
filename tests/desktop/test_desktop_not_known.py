"""'Not known' in the window: a choice on every allowed question, set apart, and the panel
says what it does to the recommendation and what would change it."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from tests.desktop_support import answer, example_answers, fill, open_window, settle


def _ready() -> dict:
    from leadfit.rules.model.library import resolve_pack
    return dict({s.name: s for s in resolve_pack(None).scenarios}["ready candidate is appointed"].answers)


def test_not_known_is_offered_exactly_where_the_questionnaire_allows_it(qtbot, user_files):
    window = open_window(qtbot, user_files)
    for qid, row in window.form.rows.items():
        field, allowed = row.input, row.question.may_be_unknown
        if isinstance(field.editor, QComboBox):
            assert (field.editor.findData("not known") > 0) == allowed, qid
        else:
            assert (field.not_known is not None) == allowed, qid


def test_choosing_not_known_marks_the_field_and_the_panel_says_it_depends(qtbot, user_files):
    window = open_window(qtbot, user_files)
    fill(qtbot, window, _ready())
    answer(qtbot, window, "candidate.holds_line", "not known")
    answer(qtbot, window, "candidate.digital_years", "not known")
    settle(qtbot, window)
    combo = window.form.rows["candidate.holds_line"].input.editor
    number = window.form.rows["candidate.digital_years"].input
    assert combo.property("unknown") is True and number.editor.property("unknown") is True
    assert not number.editor.isEnabled()
    a = window.controller.assessment
    assert a.outcome == "coach" and a.unknowns.verdict == "depends"
    banner = window.panel.unknowns
    assert banner.isVisible() and "It depends on" in banner.text()
    # 2.4: where the answers not known decide it, finding out leads the headline
    assert window.panel.outcome.text() == ("Recommendation: Find out first. If the answers not known"
                                           " turn out badly: Appoint with coaching")
    shown = window.panel.alternatives.plain_text()
    assert "Why not:" in shown and "What would change it:" in shown
    assert "not in the organisation's hands" in shown and "[fact]" not in shown
    assert "hire_external" not in shown and "candidate." not in shown


def test_a_case_that_holds_says_so(qtbot, user_files):
    window = open_window(qtbot, user_files)
    fill(qtbot, window, {**_ready(), "candidate.rivals": "not known"})
    settle(qtbot, window)
    assert window.controller.assessment.outcome == "appoint"
    assert window.panel.unknowns.text().startswith("<b>Holds.</b> The recommendation holds whatever")


def test_answers_change_while_the_search_runs_and_only_the_latest_is_shown(qtbot, user_files):
    window = open_window(qtbot, user_files)
    fill(qtbot, window, example_answers())
    answer(qtbot, window, "org.formal_role", False)
    settle(qtbot, window)
    alternatives = window.controller.alternatives
    assert alternatives is not None
    outcomes = set(window.controller.pack.settings.outcomes)
    assert {alt.outcome for alt in alternatives} == outcomes - {window.controller.assessment.outcome}
    assert window.controller.assessment.alternatives == alternatives


def test_ticking_not_known_takes_the_number_typed_out_of_the_field(qtbot, user_files):
    """Left greyed under the tick, '2' read as an answer still given; unticked, it is back."""
    window = open_window(qtbot, user_files)
    answer(qtbot, window, "candidate.digital_years", 2)
    number = window.form.rows["candidate.digital_years"].input
    number.not_known.setChecked(True)
    assert number.editor.text() == "" and number.editor.placeholderText() == ""
    assert not number.editor.isEnabled() and number.value() == "not known"
    settle(qtbot, window)
    assert "candidate.digital_years" in window.controller.case().unknown
    number.not_known.setChecked(False)
    assert number.editor.text() == "2" and number.editor.isEnabled() and number.value() == "2"
    assert number.editor.placeholderText() == "a whole number"
    settle(qtbot, window)
    assert window.controller.case().answers["candidate.digital_years"] == 2


def test_a_draft_saying_not_known_shows_an_empty_field(qtbot, user_files):
    window = open_window(qtbot, user_files)
    number = window.form.rows["candidate.digital_years"].input
    number.set_value("not known")
    assert number.not_known.isChecked() and number.editor.text() == ""
    assert number.editor.placeholderText() == "" and not number.editor.isEnabled()
    number.set_value(3)
    assert not number.not_known.isChecked() and number.editor.text() == "3"
    assert number.editor.isEnabled() and number.editor.placeholderText() == "a whole number"
