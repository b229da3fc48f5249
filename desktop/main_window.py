"""The main window: pack bar, guided form beside the live assessment, the register,
reviews and portfolio tabs, menus and shortcuts.

It is the controller's view (see controller.CaseView): it shows what it is
told and reports what the user did. It decides nothing. What its menus do is in
case_actions (Case, Edit), decision_actions (Decision) and pack_actions (Pack, Help);
its size and split are kept by window_layout; window_start runs what waits for the
first frame.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QMainWindow, QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget

from leadfit.desktop import settings as app_settings
from leadfit.desktop.assessment_panel import AssessmentPanel
from leadfit.desktop.background import Background
from leadfit.desktop.case_actions import CaseActions
from leadfit.desktop.controller import CaseController
from leadfit.desktop.decision_actions import DecisionActions
from leadfit.desktop.drafts import DraftStore
from leadfit.desktop.guided_form import GuidedForm
from leadfit.desktop.menus import build_menus
from leadfit.desktop.pack_actions import PackActions
from leadfit.desktop.pack_bar import PackBar
from leadfit.desktop.portfolio_tab import PortfolioTab
from leadfit.desktop.problems_dialog import show_problems
from leadfit.desktop.register_tab import RegisterTab
from leadfit.desktop.reviews_tab import ReviewsTab
from leadfit.desktop.window_banners import ReviewsDueBar, WelcomeBar
from leadfit.desktop.window_layout import LayoutMemory
from leadfit.desktop.window_start import AfterFirstFrame

EVALUATE_AFTER_MS = 0  # coalesce changes from one event-loop turn; evaluation takes ~1 ms


class MainWindow(CaseActions, DecisionActions, PackActions, LayoutMemory, QMainWindow):
    def __init__(self, data_dir: Path, register_url: str | None = None, parent=None,
                 today=None):
        super().__init__(parent)
        self.setWindowTitle("LeadFit")
        self.data_dir = Path(data_dir)
        self.store = app_settings.settings()
        self.form: GuidedForm | None = None
        self.pack_bar = PackBar()
        self.panel = AssessmentPanel()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.tabs = QTabWidget()
        self.register = RegisterTab(self.data_dir, self.tell, register_url,
                                    current_case=lambda: (self.controller.case(),
                                                          self.controller.pack))
        self.reviews = ReviewsTab(self.tell, register_url, today or date.today)
        self.portfolio = PortfolioTab(self.register.controller, self.tell)
        self.welcome = WelcomeBar()
        self.reviews_bar = ReviewsDueBar()
        self.reviews_due = self.reviews_bar.text
        self.timer = QTimer(self, singleShot=True, interval=EVALUATE_AFTER_MS)
        self.background = Background(self)
        self.controller = CaseController(self, DraftStore(self.data_dir / "drafts", claim=True),
                                         self.store.value("pack") or None)
        self.controller.streams = self.portfolio.controller.read_streams  # F10 from the register
        self._connect()
        self._build()
        self.controller.start(assess=False)  # the form now; the assessment after the frame
        self._restore_layout()
        self._fill_pack_menu()
        self._fill_recent()
        self.welcome.setVisible(not self.store.value("guided"))  # the first run
        self.start_up = AfterFirstFrame(self, [self.controller.refresh,
                                               self.reviews.controller.refresh])

    def _connect(self) -> None:
        self.reviews.recorded.connect(self._review_recorded)
        self.reviews.counted.connect(self.reviews_bar.show_count)
        self.reviews_bar.show_requested.connect(lambda: self.tabs.setCurrentWidget(self.reviews))
        self.welcome.guide_requested.connect(self.show_guide)
        self.welcome.dismissed.connect(self._dismiss_welcome)
        self.timer.timeout.connect(self.controller.refresh)
        self.panel.jump_to.connect(self.reveal)
        self.panel.decide_requested.connect(self.record_decision)
        self.pack_bar.bundled_requested.connect(self.choose_bundled)
        self.pack_bar.folder_requested.connect(self.choose_pack_folder)
        self.pack_bar.reload_requested.connect(self.reload_pack)
        self.pack_bar.rules_requested.connect(self.show_pack_rules)
        for view in (self.panel.findings, self.panel.signals, self.panel.mitigations):
            view.code_activated.connect(self.show_glossary)

    def _build(self) -> None:
        case_tab = QWidget()
        layout = QVBoxLayout(case_tab)
        layout.setContentsMargins(10, 6, 10, 10)
        layout.addWidget(self.splitter)
        self.splitter.addWidget(QWidget())  # the form takes this place once a pack is known
        side = QScrollArea()  # the panel scrolls rather than push the window off a small screen
        side.setWidgetResizable(True)
        # the panel wraps to the width it is given: scrolling sideways hid the recommendation
        side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side.setFrameShape(QFrame.Shape.NoFrame)
        side.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to what the panel holds
        side.setWidget(self.panel)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.tabs.addTab(case_tab, "Case")
        self.tabs.addTab(self.register, "Register")
        self.tabs.addTab(self.reviews, "Reviews")
        self.tabs.addTab(self.portfolio, "Portfolio")
        self.tabs.currentChanged.connect(self._tab_shown)
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.pack_bar)
        outer.addWidget(self.welcome)
        outer.addWidget(self.reviews_bar)
        outer.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.actions_by_name = build_menus(self)

    def settled(self) -> bool:
        """Whether the start-up work after the first frame is done (see window_start)."""
        return self.start_up.done()

    def _tab_shown(self, index: int) -> None:
        if self.tabs.widget(index) is self.register:
            self.register.controller.refresh()
        elif self.tabs.widget(index) is self.reviews:
            self.reviews.controller.refresh()
        elif self.tabs.widget(index) is self.portfolio:
            self.portfolio.controller.refresh()
            self.schedule_evaluation()  # the case may now read other streams

    def _dismiss_welcome(self) -> None:
        self.store.setValue("guided", True)
        self.welcome.hide()

    # -- CaseView ---------------------------------------------------------
    def show_pack(self, pack) -> None:
        self.pack_bar.show_pack(pack)
        self.panel.show_pack(pack)
        self.register.set_outcome_titles({o: pack.catalogue.title(o)
                                          for o in pack.settings.outcomes})
        ids = list(pack.questionnaire.questions)
        if self.form is None or list(self.form.questionnaire.questions) != ids:
            self._install_form(pack)

    def _install_form(self, pack) -> None:
        form = GuidedForm(pack.questionnaire, pack.catalogue)
        form.answer_changed.connect(self.controller.answer_changed)
        form.code_requested.connect(self.show_glossary)
        old = self.splitter.widget(0)
        self.splitter.replaceWidget(0, form)
        old.deleteLater()
        self.form = form

    def show_answers(self, raw: dict[str, Any]) -> None:
        self.form.set_answers(raw)

    def show_field_error(self, question_id: str, message: str | None) -> None:
        self.form.show_error(question_id, message)

    def show_answer_source(self, question_id: str, words: str | None) -> None:
        self.form.show_source(question_id, words)

    def show_relevance(self, asked: dict[str, bool]) -> None:
        self.form.set_relevance(asked)

    def show_assessment(self, assessment, invalid: list[str]) -> None:
        self.panel.show_assessment(assessment, invalid)

    def show_problems(self, title: str, problems: list[str]) -> None:
        show_problems(self, title, problems)

    def show_alternatives(self, alternatives) -> None:
        self.panel.show_alternatives(alternatives)

    def run_in_background(self, work, done) -> None:
        self.background.run(work, done)

    def schedule_evaluation(self) -> None:
        self.timer.start()

    def show_title(self, title: str, modified: bool) -> None:
        self.setWindowTitle(f"{title}[*] – LeadFit")
        self.setWindowModified(modified)

    def tell(self, message: str) -> None:
        self.statusBar().showMessage(message, 6000)

    # -- moving about the form -----------------------------------------------
    def reveal(self, question_id: str) -> None:
        self.tabs.setCurrentIndex(0)
        self.form.reveal(question_id)

    def step(self, delta: int) -> None:
        self.form.go_to(self.form.current_section() + delta, focus=True)

    # -- showing and closing ----------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._split_on_first_show()

    def closeEvent(self, event) -> None:
        self.start_up.cancel()
        if self.timer.isActive():
            self.timer.stop()
            self.controller.refresh()
        self._save_layout()
        self.register.controller.close()
        self.background.wait()
        self.controller.drafts.release()
        super().closeEvent(event)
