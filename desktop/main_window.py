"""The main window: pack bar, guided form beside the live assessment, menus and shortcuts.

It is the controller's view (see controller.CaseView): it shows what it is
told and reports what the user did. It decides nothing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from leadfit.desktop import help_dialogs
from leadfit.desktop import settings as app_settings
from leadfit.desktop.assessment_panel import AssessmentPanel
from leadfit.desktop.background import Background
from leadfit.desktop.controller import CaseController
from leadfit.desktop.drafts import DraftStore
from leadfit.desktop.guided_form import GuidedForm
from leadfit.desktop.menus import build_menus
from leadfit.desktop.pack_bar import PackBar
from leadfit.desktop.problems_dialog import show_problems
from leadfit.desktop.portfolio_tab import PortfolioTab
from leadfit.desktop.register_tab import RegisterTab
from leadfit.desktop.reviews_tab import ReviewsTab
from leadfit.desktop.screen import fit_to_screen

EVALUATE_AFTER_MS = 0  # coalesce changes from one event-loop turn; evaluation takes ~1 ms


class MainWindow(QMainWindow):
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
        self.reviews.recorded.connect(self._review_recorded)
        self.reviews.counted.connect(self._show_reviews_due)
        self.portfolio = PortfolioTab(self.register.controller, self.tell)
        self.timer = QTimer(self, singleShot=True, interval=EVALUATE_AFTER_MS)
        self.background = Background(self)
        self.controller = CaseController(self, DraftStore(self.data_dir / "drafts", claim=True),
                                         self.store.value("pack") or None)
        self.controller.streams = self.portfolio.controller.read_streams  # F10 from the register
        self.timer.timeout.connect(self.controller.refresh)
        self.panel.jump_to.connect(self.reveal)
        self.panel.decide_requested.connect(self.record_decision)
        self.pack_bar.bundled_requested.connect(self.choose_bundled)
        self.pack_bar.folder_requested.connect(self.choose_pack_folder)
        self.pack_bar.reload_requested.connect(self.reload_pack)
        for view in (self.panel.findings, self.panel.signals, self.panel.mitigations):
            view.code_activated.connect(self.show_glossary)
        self.pack_bar.rules_requested.connect(self.show_pack_rules)
        self._build()
        self.controller.start()
        self._restore_layout()
        self._fill_pack_menu()
        self._fill_recent()
        self.welcome.setVisible(not self.store.value("guided"))  # the first run
        QTimer.singleShot(0, self.reviews.controller.refresh)  # after the window is shown

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
        outer.addWidget(self._welcome())
        outer.addWidget(self._reviews_bar())
        outer.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.actions_by_name = build_menus(self)

    def _welcome(self) -> QWidget:
        """First run: what happens next, one click away, without a window in the way."""
        self.welcome = QWidget()
        self.welcome.setObjectName("welcome")
        row = QHBoxLayout(self.welcome)
        row.setContentsMargins(12, 4, 12, 4)
        text = QLabel("New to LeadFit? Answer the questions on the left; the recommendation"
                      " appears on the right. Getting started (F1) says what happens next.")
        text.setWordWrap(True)
        guide, dismiss = QPushButton("Getting started"), QPushButton("Dismiss")
        guide.clicked.connect(self.show_guide)
        dismiss.clicked.connect(self._dismiss_welcome)
        for button in (guide, dismiss):
            button.setAccessibleName(button.text())
        row.addWidget(text, 1)
        row.addWidget(guide)
        row.addWidget(dismiss)
        return self.welcome

    def _reviews_bar(self) -> QWidget:
        """On start, when reviews are overdue: "2 reviews are overdue", one click from the list."""
        self.reviews_bar = QWidget()
        self.reviews_bar.setObjectName("reviewsDue")
        row = QHBoxLayout(self.reviews_bar)
        row.setContentsMargins(12, 4, 12, 4)
        self.reviews_due = QLabel()
        self.reviews_due.setObjectName("reviewsDueText")
        show = QPushButton("Show reviews")
        show.setAccessibleName("Show the reviews due")
        show.clicked.connect(lambda: self.tabs.setCurrentWidget(self.reviews))
        row.addWidget(self.reviews_due, 1)
        row.addWidget(show)
        self.reviews_bar.hide()
        return self.reviews_bar

    def _show_reviews_due(self, summary: str, overdue: int) -> None:
        self.reviews_due.setText(f"<b>{summary[:1].upper() + summary[1:]}</b>")
        self.reviews_bar.setVisible(overdue > 0)

    def _tab_shown(self, index: int) -> None:
        if self.tabs.widget(index) is self.register:
            self.register.controller.refresh()
        elif self.tabs.widget(index) is self.reviews:
            self.reviews.controller.refresh()
        elif self.tabs.widget(index) is self.portfolio:
            self.portfolio.controller.refresh()
            self.schedule_evaluation()  # the case may now read other streams

    def _review_recorded(self, ref: str) -> None:
        self.register.controller.refresh()
        self.register.open_record(ref)   # to sign it, as a decision is signed

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

    # -- user actions -------------------------------------------------------
    def reveal(self, question_id: str) -> None:
        self.tabs.setCurrentIndex(0)
        self.form.reveal(question_id)

    def step(self, delta: int) -> None:
        self.form.go_to(self.form.current_section() + delta, focus=True)

    def new_case(self) -> None:
        if not self._may_discard("start a new case"):
            return
        self.controller.new_case()
        self.form.go_to(0)

    def _may_discard(self, doing: str) -> bool:
        """Never lose answers without asking."""
        if not self.controller.raw or not self.controller.modified:
            return True
        answer = QMessageBox.question(
            self, "Unsaved answers",
            f"The answers for {self.controller.title()} are not saved as a case. Discard them"
            f" and {doing}?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer in (QMessageBox.StandardButton.Discard, QMessageBox.StandardButton.Yes)

    def open_case(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, "Open a case", str(self._case_folder()),
                                                  "Case files (*.yaml *.yml)")
        if path and self._may_discard("open another case") and self.controller.open_case(Path(path)):
            self._remember(path)
            self.tell(f"Opened {path}")

    def save_case(self) -> None:
        if self.controller.case_path is None:
            self.save_case_as()
            return
        self._write_case(self.controller.case_path)

    def save_case_as(self) -> None:
        suggested = self._case_folder() / f"{self.controller.title()}.yaml"
        name, _ = QFileDialog.getSaveFileName(self, "Save the case as", str(suggested),
                                              "Case files (*.yaml)")
        if name:
            self._write_case(Path(name))

    def _write_case(self, path: Path) -> None:
        try:
            self.controller.save_case(path)
        except OSError as exc:
            self.show_problems(f"The case was not saved in {path}", [exc.strerror or str(exc)])
            return
        self._remember(str(path))
        self.tell(f"Case saved as {path}")

    def _case_folder(self) -> Path:
        return self.controller.case_path.parent if self.controller.case_path else self.data_dir

    def _remember(self, path: str) -> None:
        app_settings.remember_case(self.store, path)
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = app_settings.recent_cases(self.store)
        for path in recent:
            self.recent_menu.addAction(path, lambda p=path: self.open_case(p))
        self.recent_menu.setEnabled(bool(recent))

    def undo_answer(self) -> None:
        if not self.controller.undo():
            self.tell("Nothing to undo")

    def redo_answer(self) -> None:
        if not self.controller.redo():
            self.tell("Nothing to redo")

    def tell(self, message: str) -> None:
        self.statusBar().showMessage(message, 6000)

    def record_decision(self) -> None:
        self.timer.stop()
        assessment = self.controller.refresh()
        if assessment is not None:
            self.register.record_decision(self.controller.case(), self.controller.pack, assessment)

    def compare_candidates(self) -> None:
        """Open the comparison of candidates (its own window, so the case stays in reach)."""
        from leadfit.desktop.compare_window import CompareWindow
        if getattr(self, "compare_window", None) is None:
            self.compare_window = CompareWindow(
                self, current=self._case_on_screen, case_folder=self._case_folder,
                record_choice=lambda case, pack, assessment, others: self.register.record_decision(
                    case, pack, assessment, considered=others))
        self.compare_window.show()
        self.compare_window.raise_()

    def _case_on_screen(self):
        path = self.controller.case_path
        source = path.name if path and not self.controller.modified else "the case on screen"
        return self.controller.case(), self.controller.pack, source

    def export_answers(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export answers as a case file",
                                              "case.yaml", "Case files (*.yaml)")
        if name:
            self.controller.export_case(Path(name))
            self.tell(f"Answers written to {name}")

    def choose_pack(self, source) -> None:
        if self.controller.choose_pack(source):
            self.store.setValue("pack", self.controller.pack_source or "")
            self.store.sync()

    def choose_bundled(self, name: str) -> None:
        self.choose_pack(None if name == "default" else name)

    def reload_pack(self) -> None:
        if self.controller.reload_pack():
            self.tell(f"Rule pack {self.controller.pack.label} reloaded")

    def _fill_pack_menu(self) -> None:
        from leadfit.rules.model.library import bundled_pack_names
        self.bundled_menu.clear()
        for name in bundled_pack_names():
            self.bundled_menu.addAction(name, lambda n=name: self.choose_bundled(n))

    def show_about(self) -> None:
        self.help_dialog = help_dialogs.about(self, self.controller.pack)
        self.help_dialog.show()

    def show_guide(self) -> None:
        self._dismiss_welcome()
        self.help_dialog = help_dialogs.guide(self)
        self.help_dialog.show()

    def show_glossary(self, item_id: str = "") -> None:
        self.help_dialog = help_dialogs.glossary(self, self.controller.pack.catalogue, item_id)
        self.help_dialog.show()

    def show_pack_rules(self) -> None:
        """The active pack's rules by catalogue ID (read-only; the core groups them)."""
        from leadfit.desktop.pack_rules_dialog import PackRulesDialog
        from leadfit.rules.authoring.docs import rules_by_id
        pack = self.controller.pack
        self.pack_rules = PackRulesDialog(self, pack, rules_by_id(pack))
        self.pack_rules.show()

    def choose_pack_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Choose a rule pack folder")
        if folder:
            self.choose_pack(folder)

    # -- layout memory ------------------------------------------------------
    def _restore_layout(self) -> None:
        if not self.restoreGeometry(self.store.value("geometry", b"")):
            fit_to_screen(self, 1360, 860)
        else:  # a layout saved on a bigger screen or at another scale must still fit
            fit_to_screen(self, self.width(), self.height())
        self._split_restored = bool(self.store.value("splitter")) and \
            self.splitter.restoreState(self.store.value("splitter"))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._split_restored:  # first run: give the form a little more room
            self._split_restored = True
            QTimer.singleShot(0, self._default_split)

    def _default_split(self) -> None:
        width = self.splitter.width()
        self.splitter.setSizes([int(width * 0.55), width - int(width * 0.55)])

    def closeEvent(self, event) -> None:
        if self.timer.isActive():
            self.timer.stop()
            self.controller.refresh()
        self.store.setValue("geometry", self.saveGeometry())
        self.store.setValue("splitter", self.splitter.saveState())
        self.store.sync()
        self.register.controller.close()
        self.background.wait()
        self.controller.drafts.release()
        super().closeEvent(event)
