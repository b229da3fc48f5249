"""The main window: pack bar, guided form beside the live assessment, the register,
reviews and portfolio tabs, menus and shortcuts.

It is the controller's view (see controller.CaseView): it shows what it is
told and reports what the user did. It decides nothing. What its menus do is in
case_actions (Case, Edit), decision_actions (Decision) and pack_actions (Pack, Help);
its size and split are kept by window_layout; window_start runs what waits for the
first frame.

The first frame is drawn from a lean module graph: on the bundled pack the form comes
from the questionnaire's data (first_frame), and the pack, its models, the controller
and the Register, Reviews and Portfolio tabs are made by ``_complete()``, the first task
after that frame (or at once by whatever asks for one of them first).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QMainWindow, QSplitter, QTabWidget, QVBoxLayout, QWidget

from leadfit.desktop import settings as app_settings
from leadfit.desktop import first_frame
from leadfit.desktop.assessment_panel import AssessmentPanel
from leadfit.desktop.background import Background
from leadfit.desktop.case_actions import CaseActions
from leadfit.desktop.decision_actions import DecisionActions
from leadfit.desktop.drafts import DraftStore
from leadfit.desktop.guided_form import GuidedForm
from leadfit.desktop.menus import build_menus
from leadfit.desktop.pack_actions import PackActions
from leadfit.desktop.pack_bar import PackBar
from leadfit.desktop.window_banners import ReviewsDueBar, WelcomeBar
from leadfit.desktop.window_layout import LayoutMemory, PanelScroll
from leadfit.desktop.window_start import AfterFirstFrame

TABS = ("Case", "Register", "Reviews", "Portfolio")
GAP = 14  # logical pixels between the form and the panel (the splitter's handle)
COMPACT_BELOW = (900, 560)  # points: narrower or lower than this, the form is compact
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
        # a real gap between the form and the panel: the style's 1-pixel handle put the Next
        # button against the recommendation (at scale 1.5 they touched)
        self.splitter.setHandleWidth(GAP)
        self.tabs = QTabWidget()
        self._register_url, self._today = register_url, today or date.today
        self._parts: dict[str, Any] = {}  # controller, register, reviews, portfolio: _complete()
        self.welcome = WelcomeBar()
        self.reviews_bar = ReviewsDueBar()
        self.reviews_due = self.reviews_bar.text
        self.timer = QTimer(self, singleShot=True, interval=EVALUATE_AFTER_MS)
        self.background = Background(self)
        self.drafts = DraftStore(self.data_dir / "drafts", claim=True)
        self._connect()
        self._build()
        self._preview = first_frame.preview() if self._starts_bundled() else None
        if self._preview:
            self._install_form(*self._preview)
        else:  # a chosen pack: loaded now, so the first frame shows its own form
            self._complete()
        self._restore_layout()
        self.welcome.setVisible(not self.store.value("guided"))  # the first run
        self.start_up = AfterFirstFrame(self, [self._complete, lambda: self.controller.refresh(),
                                               lambda: self.reviews.controller.refresh()])

    def _starts_bundled(self) -> bool:
        """Whether the window opens on the bundled default pack (no pack chosen, none in the draft)."""
        return not self.store.value("pack") and not (self.drafts.load() or {}).get("pack")

    controller = property(lambda self: self._part("controller"))
    register = property(lambda self: self._part("register"))
    reviews = property(lambda self: self._part("reviews"))
    portfolio = property(lambda self: self._part("portfolio"))

    def _part(self, name: str):
        self._complete()
        return self._parts[name]

    def _complete(self) -> None:
        """Make what the first frame did not need: the pack, the controller, the other tabs."""
        if self._parts:
            return
        from leadfit.desktop.controller import CaseController
        from leadfit.desktop.portfolio_tab import PortfolioTab
        from leadfit.desktop.register_tab import RegisterTab
        from leadfit.desktop.reviews_tab import ReviewsTab
        parts = self._parts
        parts["register"] = RegisterTab(self.data_dir, self.tell, self._register_url,
                                        current_case=lambda: (self.controller.case(),
                                                              self.controller.pack))
        parts["reviews"] = ReviewsTab(self.tell, self._register_url, self._today)
        parts["portfolio"] = PortfolioTab(parts["register"].controller, self.tell)
        parts["controller"] = controller = CaseController(self, self.drafts,
                                                          self.store.value("pack") or None)
        controller.streams = parts["portfolio"].controller.read_streams  # F10 from the register
        shown = self.tabs.currentIndex()
        self.tabs.blockSignals(True)  # the tab shown stays the tab shown
        for index, name in enumerate(("register", "reviews", "portfolio"), start=1):
            self.tabs.widget(index).deleteLater()
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, parts[name], TABS[index])
        self.tabs.setCurrentIndex(shown)
        self.tabs.blockSignals(False)
        self.reviews.recorded.connect(self._review_recorded)
        self.reviews.counted.connect(self.reviews_bar.show_count)
        self.timer.timeout.connect(controller.refresh)
        controller.start(assess=False)  # the form now; the assessment after the frame
        self._fill_pack_menu()
        self._fill_recent()

    def _connect(self) -> None:
        self.reviews_bar.show_requested.connect(lambda: self.tabs.setCurrentWidget(self.reviews))
        self.welcome.guide_requested.connect(self.show_guide)
        self.welcome.dismissed.connect(self._dismiss_welcome)
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
        side = self.side = PanelScroll()  # the panel scrolls rather than push the window off a small screen
        side.setWidgetResizable(True)
        # the panel wraps to the width it is given: scrolling sideways hid the recommendation
        side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side.setFrameShape(QFrame.Shape.NoFrame)
        side.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to what the panel holds
        side.setWidget(self.panel)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.tabs.addTab(case_tab, TABS[0])
        for title in TABS[1:]:  # a place held; the tab itself is made by _complete()
            self.tabs.addTab(QWidget(), title)
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
        self._complete()
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
        if self._preview and first_frame.same_form(self._preview, pack):
            self.form.questionnaire = pack.questionnaire  # the first frame's form shows this pack's
        elif self.form is None or first_frame.shown_sections(self.form.questionnaire) != (
                first_frame.shown_sections(pack.questionnaire)):  # a client pack's own words too
            self._install_form(pack.questionnaire, pack.catalogue)
        self._preview = None

    def _install_form(self, questionnaire, catalogue) -> None:
        form = GuidedForm(questionnaire, catalogue)
        form.answer_changed.connect(lambda qid, raw: self.controller.answer_changed(qid, raw))
        form.code_requested.connect(self.show_glossary)
        old = self.splitter.widget(0)
        self.splitter.replaceWidget(0, form)
        old.deleteLater()
        self.form = form
        self._fit_form()

    def show_answers(self, raw: dict[str, Any]) -> None:
        self.form.set_answers(raw)

    def show_field_error(self, question_id: str, message: str | None) -> None:
        self.form.show_error(question_id, message)

    def show_answer_source(self, question_id: str, words: str | None) -> None:
        self.form.show_source(question_id, words)

    def show_relevance(self, asked: dict[str, bool]) -> None:
        self.form.set_relevance(asked)

    def show_assessment(self, assessment, invalid: list[str]) -> None:
        self.panel.show_assessment(assessment, invalid, self.controller.unanswered)
        self.side.panel_changed()

    def show_problems(self, title: str, problems: list[str]) -> None:
        from leadfit.desktop.problems_dialog import show_problems
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

    def choose_section(self) -> None:
        """Go > Section…: the keyboard to the list of every section, on any screen."""
        self.tabs.setCurrentIndex(0)
        self.form.choose_section()

    # -- showing and closing ----------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_form()
        self._split_on_first_show()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_form()

    def _fit_form(self) -> None:
        """A small window (1024x700 at 150% is 683x467 points) shows the form compact:
        beside the full form the panel was cut at its right edge, a third of it shown."""
        if self.form is not None:
            was = self.form.compact
            self.form.set_compact(self.width() < COMPACT_BELOW[0] or self.height() < COMPACT_BELOW[1])
            if self.form.compact and not was:
                # shrunk onto a small screen, the split kept the big window's shares: the
                # panel got a third, its links and findings cut; it gets the larger share
                QTimer.singleShot(0, self._panel_share_when_compact)

    def _panel_share_when_compact(self) -> None:
        form, side = self.splitter.sizes()
        if self.form is not None and self.form.compact and side < form:
            self._default_split()

    def closeEvent(self, event) -> None:
        self.start_up.cancel()
        self._complete()  # closing at once still keeps the draft and the layout
        if self.timer.isActive():
            self.timer.stop()
            self.controller.refresh()
        self._save_layout()
        self.register.controller.close()
        self.background.wait()
        self.controller.drafts.release()
        super().closeEvent(event)
