"""The window opens on its first page at once; the rest is built or done when wanted.

What a person notices: the window is up before the assessment is worked out, a
section built late shows the same answers, marks and counts as one built early, and
nothing that only printing or the register needs is loaded before the first frame.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel

from tests.desktop_support import answer, open_window, settle, wait_settled


def built(window) -> list[bool]:
    return [window.form.pages.widget(i).built for i in range(window.form.pages.count())]


def step_texts(window) -> list[str]:
    return [window.form.steps.item(i).text() for i in range(window.form.steps.count())]


def test_only_the_first_section_is_built_until_another_is_shown(qtbot, user_files):
    window = open_window(qtbot, user_files)
    assert built(window) == [True, False, False, False]
    window.form.steps.setCurrentRow(2)  # the sections list, as a click or an arrow key does
    assert built(window) == [True, False, True, False]
    assert window.form.pages.currentWidget().isVisible()
    assert window.form.rows["org.formal_role"].isVisible()


def test_a_section_built_late_shows_the_draft_its_errors_and_counts(qtbot, user_files):
    window = open_window(qtbot, user_files)
    answer(qtbot, window, "candidate.name", "Alex Morgan")
    answer(qtbot, window, "candidate.digital_years", "two")   # wrong: marked at the field
    answer(qtbot, window, "org.formal_role", "yes")
    settle(qtbot, window)
    early = step_texts(window)
    window.close()

    again = open_window(qtbot, user_files)
    assert built(again) == [True, False, False, False]
    assert step_texts(again) == early  # counted from the draft, not from built widgets
    assert again.form.progress.value() == window.form.progress.value()
    again.form.go_to(1)
    years = again.form.pages.currentWidget().rows["candidate.digital_years"]
    assert years.input.value() == "two"
    assert years.error.isVisibleTo(again) and years.error.text() == "must be a whole number, got 'two'"
    assert again.form.pages.currentWidget().rows["candidate.name"].input.value() == "Alex Morgan"
    hidden_now = {q for q, asked in again.controller.relevance().items() if not asked}
    for qid, row in again.form.pages.currentWidget().rows.items():
        assert row.isHidden() == (qid in hidden_now), qid  # relevance reached it too


class _FirstPaint(QObject):
    def __init__(self, window):
        super().__init__()
        self.assessed_at_first_paint = None
        self.window = window

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and self.assessed_at_first_paint is None:
            self.assessed_at_first_paint = self.window.controller.assessment is not None
            self.outcome_then = self.window.panel.outcome.text()
        return False


def test_the_window_is_drawn_before_the_assessment_which_follows_at_once(qtbot, user_files):
    from leadfit.desktop.main_window import MainWindow
    window = MainWindow(user_files)
    qtbot.addWidget(window)
    seen = _FirstPaint(window)
    window.installEventFilter(seen)
    window.show()
    wait_settled(qtbot, window)
    assert seen.assessed_at_first_paint is False
    assert seen.outcome_then == "Assessing the answers…"
    assert window.panel.outcome.text().startswith("Incomplete")
    assert not window.panel.decide.isEnabled()


FIRST_FRAME = """
import json, sys, tempfile
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel
from leadfit.desktop.app import make_app
from leadfit.desktop.main_window import MainWindow
loaded = {}
class Look(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not loaded:
            loaded.update({name: any(m == name or m.startswith(name + ".") for m in sys.modules)
                           for name in ("reportlab", "sqlalchemy", "durable", "pydantic")})
        return False
app = make_app()
window = MainWindow(Path(tempfile.mkdtemp()))
look = Look()
window.installEventFilter(look)
window.show()
while not window.settled():
    app.processEvents()
print(json.dumps({"first frame": loaded, "assessed": window.controller.assessment is not None}))
"""


def test_the_first_frame_loads_neither_printing_nor_the_register_nor_the_engine(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LEADFIT_DATA_DIR": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", FIRST_FRAME], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    said = json.loads(done.stdout.strip().splitlines()[-1])
    assert said == {"first frame": {"reportlab": False, "sqlalchemy": False, "durable": False,
                                    "pydantic": False}, "assessed": True}


def test_the_form_drawn_first_is_the_one_the_bundled_pack_keeps(qtbot, user_files):
    from leadfit.desktop import first_frame
    from leadfit.desktop.main_window import MainWindow
    window = MainWindow(user_files)
    qtbot.addWidget(window)
    drawn = window.form  # built from the questionnaire's data, before any pack
    assert [window.tabs.tabText(i) for i in range(4)] == ["Case", "Register", "Reviews", "Portfolio"]
    window.show()
    wait_settled(qtbot, window)
    pack = window.controller.pack
    assert first_frame.same_form(first_frame.preview(), pack)
    assert window.form is drawn and window.form.questionnaire is pack.questionnaire
    assert window.tabs.widget(1) is window.register and window.tabs.currentIndex() == 0
    answer(qtbot, window, "stream.name", "Pensions journey")  # the kept form reports answers
    settle(qtbot, window)
    assert window.controller.raw["stream.name"] == "Pensions journey"


def test_a_first_form_that_differs_from_the_pack_gives_way_to_the_packs_own(
        qtbot, user_files, monkeypatch):
    from dataclasses import replace

    from leadfit.desktop import first_frame
    real = first_frame.preview()
    first = real[0].sections[0]
    stale = replace(first, questions=(replace(first.questions[0], title="An old title"),
                                      *first.questions[1:]))
    monkeypatch.setattr(first_frame, "preview", lambda: (
        replace(real[0], sections=(stale, *real[0].sections[1:])), real[1]))
    window = open_window(qtbot, user_files)
    titles = [label.text() for label in window.form.rows["stream.name"].findChildren(QLabel)
              if label.objectName() == "questionTitle"]
    assert titles == [window.controller.pack.questionnaire.questions["stream.name"].title]


def test_the_first_frame_says_not_known_as_the_core_does():
    from leadfit.desktop import fields
    from leadfit.forms.questionnaire import NOT_KNOWN
    assert fields.NOT_KNOWN == NOT_KNOWN


def test_a_tab_opened_before_the_start_up_work_shows_itself(qtbot, user_files):
    from leadfit.desktop.main_window import MainWindow
    window = MainWindow(user_files)  # not shown: nothing after the first frame has run
    qtbot.addWidget(window)
    window.tabs.setCurrentIndex(1)  # Ctrl+2, as soon as the window is up
    assert window.tabs.currentWidget() is window.register
    assert window.register.isVisibleTo(window)
    assert [window.tabs.tabText(i) for i in range(4)] == ["Case", "Register", "Reviews", "Portfolio"]


def test_a_window_closed_at_once_keeps_the_draft(qtbot, user_files):
    from leadfit.desktop.drafts import DraftStore
    from leadfit.desktop.main_window import MainWindow
    user_files.mkdir(parents=True, exist_ok=True)
    drafts = DraftStore(user_files / "drafts")
    drafts.save({"stream.name": "Claims journey"}, None)
    drafts.release()
    window = MainWindow(user_files)
    qtbot.addWidget(window)
    window.close()  # before its first frame
    again = open_window(qtbot, user_files)
    assert again.form.rows["stream.name"].input.value() == "Claims journey"
