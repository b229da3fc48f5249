"""An executive reads the window in words: after evaluating the example case and the pack's
cases for each outcome, every text a real window shows (labels, buttons, lists opened to
their last line, tooltips, tabs, menus, the status bar, the dialogs of the main flow) is
walked, and none names a catalogue code (F3, P1, U1), a question id, an outcome id
(hire_external), a rule id or a command-line flag.

The article's code may stay where W allows it, as a reference: in a tooltip ("(LeadFit ref. F3)")
or after a title in the glossary ("LeadFit ref. F3"). The pack's rules dialog is for consultants
and is left out on purpose; About names the fingerprint for an audit.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
import yaml
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QTabBar,
    QTextEdit,
    QTreeView,
    QWidget,
)

from leadfit.rules.model.library import default_pack
from tests.decisions_support import case_with, decide_coach, sign_all
from tests.desktop_support import example_answers, open_window, settle, wait_settled

PACK = default_pack()
CATALOGUE_CODE = re.compile(r"\b[FPMRU]\d{1,2}\b")
IDENTIFIER = re.compile(r"\b[a-z]+_[a-z_]+\b")              # hire_external, not_met, org_role
FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]+")
QUESTION_ID = re.compile(r"\b[a-z]+\.[a-z_]+\b")             # candidate.digital_years
REFERENCE = re.compile(r"\(?LeadFit ref\. [FPMRU]\d{1,2}\)?")      # the one way a code may be said
PATH = re.compile(r"(?:/[\w.@+-]+)+/?")                      # a folder named in a tooltip
# Each case opened as a file, evaluated, and read on every page: one per outcome, an
# incomplete one, and answers not known that hold or change the outcome.
SCENARIOS = ("ready candidate is appointed", "gaps too wide to close in time",
             "a learner with two years",
             "not known: depends on whether an outside coach can be brought in",
             "not known: holding the line blocks appoint")


def codes_in(text: str) -> list[str]:
    """Every code an executive would stumble over in ``text`` (a reference aside)."""
    text = PATH.sub("", REFERENCE.sub("", text))
    found = CATALOGUE_CODE.findall(text) + IDENTIFIER.findall(text) + FLAG.findall(text)
    found += [q for q in QUESTION_ID.findall(text) if q in PACK.questionnaire.questions]
    found += [r.id for r in PACK.rules if re.search(rf"\b{re.escape(r.id)}\b", text)]
    return found


def _plain(text: str) -> str:
    return QTextDocumentFragment.fromHtml(text).toPlainText() if "<" in text else text


def _model_texts(view: QAbstractItemView) -> list[tuple[str, str]]:
    """Every cell, header and cell tooltip of a list, table or tree (its rows opened)."""
    model, found = view.model(), []
    if model is None:
        return found

    def columns(parent: QModelIndex) -> int:  # a list's model keeps its column count private
        return 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
    for column in range(columns(QModelIndex())):
        if not (isinstance(view, QTreeView) and view.isColumnHidden(column)):
            found.append(("header", str(model.headerData(column, Qt.Orientation.Horizontal) or "")))

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            for column in range(columns(parent)):
                index = model.index(row, column, parent)
                for role, kind in ((Qt.ItemDataRole.DisplayRole, "cell"),
                                   (Qt.ItemDataRole.ToolTipRole, "tooltip")):
                    value = index.data(role)
                    if isinstance(value, str) and value:
                        found.append((kind, value))
            walk(model.index(row, 0, parent))
    walk(QModelIndex())
    return found


def shown_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for everything ``root`` and its visible children draw or say on hover."""
    found: list[tuple[str, str]] = [("title", root.windowTitle())]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        where = f"{type(widget).__name__} {widget.objectName() or widget.accessibleName()}"
        found.append((f"{where} tooltip", widget.toolTip()))
        found.append((f"{where} accessible name", widget.accessibleName()))
        if isinstance(widget, QLabel):
            found.append((where, _plain(widget.text())))
        elif isinstance(widget, QAbstractButton):
            found.append((where, widget.text()))
        elif isinstance(widget, QTabBar):
            found += [(where, widget.tabText(i)) for i in range(widget.count())]
        elif isinstance(widget, QTextEdit):
            found.append((where, widget.toPlainText()))
        elif isinstance(widget, QComboBox):
            found += [(where, widget.itemText(i)) for i in range(widget.count())]
        elif isinstance(widget, QLineEdit):
            found.append((where, widget.placeholderText()))
            if widget.isReadOnly():
                found.append((where, widget.text()))
        elif isinstance(widget, QProgressBar):
            found.append((where, widget.text()))
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget.parent(), QComboBox):
            if isinstance(widget, QTreeView):
                widget.expandAll()  # every line a person can open: Audit details too
            found += [(f"{where} {kind}", text) for kind, text in _model_texts(widget)]
    if hasattr(root, "menuBar"):
        menus = [root.menuBar()]
        while menus:
            for action in menus.pop().actions():
                found += [("menu", action.text()), ("menu tooltip", action.toolTip())]
                if action.menu() is not None:
                    menus.append(action.menu())
        found.append(("status bar", root.statusBar().currentMessage()))
    return [(where, text) for where, text in found if text]


def assert_no_codes(root: QWidget, what: str) -> int:
    """Fail naming each text that shows a code; the number of texts read otherwise."""
    texts = shown_texts(root)
    bad = [f"{where}: {text!r} shows {codes_in(text)}" for where, text in texts if codes_in(text)]
    assert not bad, f"{what}:\n" + "\n".join(bad)
    return len(texts)


def test_the_codes_an_executive_would_stumble_over_are_found():
    """The check itself: each kind of code is caught, words and references are not."""
    assert codes_in("F3 Roles not understood") == ["F3"]
    assert codes_in("Recommended: hire_external") == ["hire_external"]
    assert codes_in("use --justify") == ["--justify"]
    assert "candidate.digital_years" in codes_in("see candidate.digital_years")
    assert "p1-some-experience" in codes_in("Rule p1-some-experience in the default layer")
    assert codes_in("Roles not understood (LeadFit ref. F3): double-click or press Enter") == []
    assert codes_in("Roles not understood (article F3)") == ["F3"]  # the article numbers nothing
    assert codes_in("Appoint with coaching · 2–3 years · folder: /a/b_c/rules") == []


def _open(qtbot, window, tmp_path, name: str, answers: dict) -> None:
    path = tmp_path / (re.sub(r"\W+", "-", name)[:50] + ".yaml")
    path.write_text(yaml.safe_dump({"questionnaire": 2, "answers": answers}, allow_unicode=True))
    assert window.controller.open_case(path)
    settle(qtbot, window)


def _read_every_page(window, what: str) -> int:
    read = 0
    for section in range(window.form.pages.count()):
        window.form.go_to(section)
        read += assert_no_codes(window, f"{what}, section {section + 1}")
    return read


def test_the_case_tab_names_no_code_for_any_outcome(qtbot, user_files, tmp_path):
    window = open_window(qtbot, user_files)
    assert_no_codes(window, "the window on start (an incomplete case)")
    cases = [("the example case", example_answers())]
    cases += [(s.name, s.answers) for s in PACK.scenarios if s.name in SCENARIOS]
    assert len(cases) == 1 + len(SCENARIOS)
    seen = set()
    for name, answers in cases:
        _open(qtbot, window, tmp_path, name, answers)
        assessment = window.controller.assessment
        seen.add(assessment.outcome)
        assert window.panel.findings.topLevelItemCount() == len(assessment.findings)
        assert _read_every_page(window, name) > 100   # the walk read the window, not nothing
    assert seen == {"appoint", "coach", "hire_external"}
    window.controller.new_case()
    settle(qtbot, window)
    assert not window.controller.assessment.decided
    _read_every_page(window, "a new case")


def test_the_decision_the_record_and_the_register_name_no_code(qtbot, user_files, tmp_path):
    window = open_window(qtbot, user_files)
    _open(qtbot, window, tmp_path, "the example case", example_answers())
    window.record_decision()
    dialog = window.register.decision_dialog
    assert dialog.isVisible()
    assert_no_codes(dialog, "the decision dialog")
    dialog.conditions.setPlainText("Monthly mentoring by the CPO")
    dialog.recorded_by.setText("Rae Recorder")
    dialog.plan.owners["M5"].setText("Sam Lee")
    dialog.plan.dues["M5"].setText("2027-01-15")
    dialog.plan.later.setChecked(True)
    dialog._submit()
    record = window.register.record_dialog
    assert record.isVisible()
    assert_no_codes(record, "the record")
    record.accept()
    assert_no_codes(window, "the window once recorded")
    for tab in range(1, window.tabs.count()):
        window.tabs.setCurrentIndex(tab)
        assert_no_codes(window, f"the {window.tabs.tabText(tab)} tab")


def test_comparing_candidates_names_no_code(qtbot, user_files, tmp_path):
    from tests.compare_support import CANDIDATES, write_case
    window = open_window(qtbot, user_files)
    window.actions_by_name["compare"].trigger()
    compare = window.compare_window
    compare.add_files([write_case(tmp_path, name) for name in CANDIDATES])
    compare.wait()
    qtbot.waitUntil(lambda: compare.comparison is not None, timeout=10_000)
    assert_no_codes(compare, "the comparison")


@pytest.fixture
def register_with_a_review_due(tmp_path):
    db = tmp_path / "register.sqlite3"
    from leadfit.decisions.register import open_register
    with open_register(db) as reg:
        sign_all(reg, decide_coach(reg, plan={"M5": ("Sam Lee", "2027-01-15")},
                                   case=case_with(stream__name="Claims journey"),
                                   review_date="2027-01-10").ref)
    return db


def test_a_review_names_no_code(qtbot, user_files, register_with_a_review_due):
    from leadfit.desktop.main_window import MainWindow
    window = MainWindow(user_files, f"sqlite:///{register_with_a_review_due}",
                        today=lambda: date(2027, 2, 5))
    qtbot.addWidget(window)
    window.show()
    wait_settled(qtbot, window)
    window.tabs.setCurrentWidget(window.reviews)
    qtbot.waitUntil(lambda: window.reviews.table.rowCount() == 1, timeout=60_000)
    assert_no_codes(window, "the reviews due")
    window.reviews.select(0)
    window.reviews.conduct()
    dialog = window.reviews.dialog
    dialog.verdicts.button(1).setChecked(True)
    dialog.update_preview()
    assert_no_codes(dialog, "the review")
