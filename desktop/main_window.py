"""The main window: pack bar, guided form beside the live assessment, menus and shortcuts.

It is the controller's view (see controller.CaseView): it shows what it is
told and reports what the user did. It decides nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from leadfit.desktop import settings as app_settings
from leadfit.desktop.assessment_panel import AssessmentPanel
from leadfit.desktop.background import Background
from leadfit.desktop.controller import CaseController
from leadfit.desktop.drafts import DraftStore
from leadfit.desktop.guided_form import GuidedForm
from leadfit.desktop.menus import build_menus
from leadfit.desktop.pack_bar import PackBar
from leadfit.desktop.problems_dialog import show_problems
from leadfit.desktop.register_tab import RegisterTab

EVALUATE_AFTER_MS = 0  # coalesce changes from one event-loop turn; evaluation takes ~1 ms


class MainWindow(QMainWindow):
    def __init__(self, data_dir: Path, register_url: str | None = None, parent=None):
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
        self.register = RegisterTab(self.data_dir, self.tell, register_url)
        self.timer = QTimer(self, singleShot=True, interval=EVALUATE_AFTER_MS)
        self.background = Background(self)
        self.controller = CaseController(self, DraftStore(self.data_dir / "drafts"),
                                         self.store.value("pack") or None)
        self.timer.timeout.connect(self.controller.refresh)
        self.panel.jump_to.connect(self.reveal)
        self.panel.decide_requested.connect(self.record_decision)
        self.pack_bar.default_requested.connect(lambda: self.choose_pack(None))
        self.pack_bar.folder_requested.connect(self.choose_pack_folder)
        self.pack_bar.rules_requested.connect(self.show_pack_rules)
        self._build()
        self.controller.start()
        self._restore_layout()

    def _build(self) -> None:
        case_tab = QWidget()
        layout = QVBoxLayout(case_tab)
        layout.setContentsMargins(10, 6, 10, 10)
        layout.addWidget(self.splitter)
        self.splitter.addWidget(QWidget())  # the form takes this place once a pack is known
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.tabs.addTab(case_tab, "Case")
        self.tabs.addTab(self.register, "Register")
        self.tabs.currentChanged.connect(lambda i: i == 1 and self.register.controller.refresh())
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.pack_bar)
        outer.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.actions_by_name = build_menus(self)

    # -- CaseView ---------------------------------------------------------
    def show_pack(self, pack) -> None:
        self.pack_bar.show_pack(pack)
        self.register.outcome_titles = {o: pack.catalogue.title(o) for o in pack.settings.outcomes}
        ids = list(pack.questionnaire.questions)
        if self.form is None or list(self.form.questionnaire.questions) != ids:
            self._install_form(pack)

    def _install_form(self, pack) -> None:
        form = GuidedForm(pack.questionnaire, pack.catalogue)
        form.answer_changed.connect(self.controller.answer_changed)
        old = self.splitter.widget(0)
        self.splitter.replaceWidget(0, form)
        old.deleteLater()
        self.form = form

    def show_answers(self, raw: dict[str, Any]) -> None:
        self.form.set_answers(raw)

    def show_field_error(self, question_id: str, message: str | None) -> None:
        self.form.show_error(question_id, message)

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

    # -- user actions -------------------------------------------------------
    def reveal(self, question_id: str) -> None:
        self.tabs.setCurrentIndex(0)
        self.form.reveal(question_id)

    def step(self, delta: int) -> None:
        self.form.go_to(self.form.current_section() + delta)

    def new_case(self) -> None:
        self.controller.new_case()
        self.form.go_to(0)

    def tell(self, message: str) -> None:
        self.statusBar().showMessage(message, 6000)

    def save_draft(self) -> None:
        self.controller.refresh()
        self.tell(f"Draft saved in {self.controller.drafts.folder}")

    def record_decision(self) -> None:
        self.timer.stop()
        assessment = self.controller.refresh()
        if assessment is not None:
            self.register.record_decision(self.controller.case(), self.controller.pack, assessment)

    def export_answers(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export answers as a case file",
                                              "case.yaml", "Case files (*.yaml)")
        if name:
            self.controller.export_case(Path(name))
            self.tell(f"Answers written to {name}")

    def choose_pack(self, source) -> None:
        if self.controller.choose_pack(source):
            self.store.setValue("pack", self.controller.pack_source or "")

    def show_pack_rules(self) -> None:
        """The active pack's rules by catalogue ID (read-only; the core groups them)."""
        from leadfit.desktop.pack_rules_dialog import PackRulesDialog
        from leadfit.rules.docs import rules_by_id
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
            self.resize(1360, 860)
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
        self.register.controller.close()
        self.background.wait()
        super().closeEvent(event)
