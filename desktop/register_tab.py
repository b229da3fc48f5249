"""The register tab and the decision dialogs: the DecisionController's view."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QVBoxLayout, QWidget

from leadfit.desktop.decision_controller import DecisionController
from leadfit.desktop.decision_dialog import DecisionChoice, DecisionDialog
from leadfit.desktop.problems_dialog import show_problems
from leadfit.desktop.record_dialog import RecordDialog
from leadfit.desktop.register_view import RegisterView


class RegisterTab(QWidget):
    def __init__(self, data_dir: Path, tell, register_url: str | None = None, parent=None):
        super().__init__(parent)
        self._tell = tell
        self.view = RegisterView()
        self.controller = DecisionController(self, Path(data_dir) / "rationales", register_url)
        self.decision_dialog: DecisionDialog | None = None
        self.record_dialog: RecordDialog | None = None
        self.outcome_titles: dict[str, str] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.open_requested.connect(self.open_record)
        self.view.open_pdf_requested.connect(self.controller.open_pdf)
        self.view.save_pdf_requested.connect(self.save_pdf)
        self.view.export_requested.connect(self.export_csv)

    # -- DecisionView ------------------------------------------------------
    def show_problems(self, title: str, problems: list[str]) -> None:
        show_problems(self.window(), title, problems)

    def show_register(self, rows) -> None:
        self.view.show_rows(rows, self.controller.page)

    def show_record(self, record) -> None:
        self.view.select_ref(record.ref)
        if self.record_dialog is not None and self.record_dialog.isVisible():
            self.record_dialog.show_record(record)

    def open_file(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def tell(self, message: str) -> None:
        self._tell(message)

    # -- actions -----------------------------------------------------------
    def record_decision(self, case, pack, assessment) -> None:
        """Open the decision dialog for the assessment on screen (a non-blocking modal)."""
        if not assessment.decided:
            names = [f"{m.title} ({m.question})" for m in assessment.missing]
            self.show_problems("There is no recommendation to decide on yet; answer:", names)
            return
        self.outcome_titles = {o: pack.catalogue.title(o) for o in pack.settings.outcomes}
        review = str(case.answers.get("org.review_date") or "")

        def submit(choice: DecisionChoice):
            record = self.controller.decide(
                case, pack, decision=choice.decision, justification=choice.justification,
                conditions=choice.conditions, review_date=choice.review_date)
            if record is not None:
                self.open_record(record.ref)
            return record
        self.decision_dialog = DecisionDialog(
            self.window(), outcomes=self.outcome_titles, recommended=assessment.outcome,
            summary=f"Recommendation: {assessment.outcome_title} (risk {assessment.risk.level})",
            submit=submit, review_date=review)
        self.decision_dialog.open()

    def open_record(self, ref: str) -> None:
        record = self.controller.record(ref)
        if record is None:
            return
        if self.record_dialog is not None:
            self.record_dialog.close()
        dialog = RecordDialog(self.window(), record, self.outcome_titles,
                              correctable=self.controller.can_correct(ref))
        dialog.sign_requested.connect(
            lambda r, name, role, st, dis: self.controller.sign(
                r, name=name, role=role, statement=st, dissent=dis))
        dialog.correct_requested.connect(self.correct)
        dialog.open_pdf_requested.connect(self.controller.open_pdf)
        dialog.save_pdf_requested.connect(self.save_pdf)
        self.record_dialog = dialog
        dialog.open()

    def correct(self, ref: str) -> None:
        record = self.controller.record(ref)
        if record is None:
            return
        d = record.decision
        titles = self.outcome_titles or {o: o for o in (d.outcome, d.recommended) if o}

        def submit(choice: DecisionChoice):
            return self.controller.correct(
                ref, reason=choice.reason, decision=choice.decision,
                justification=choice.justification, conditions=choice.conditions,
                review_date=choice.review_date)
        self.decision_dialog = DecisionDialog(
            self.window(), outcomes=titles, recommended=d.recommended or d.outcome,
            summary=f"Correcting {ref}: the signed version stays; this becomes version"
                    f" {record.version + 1}.", submit=submit, review_date=d.review_date or "",
            start=DecisionChoice(d.outcome, d.justification, d.conditions, d.review_date or ""),
            correcting=ref)
        self.decision_dialog.open()

    def save_pdf(self, ref: str) -> None:
        name, _ = QFileDialog.getSaveFileName(self.window(), f"Save the PDF of {ref}",
                                              f"{ref.replace('@', '-v')}.pdf", "PDF (*.pdf)")
        if name:
            self.controller.save_pdf(ref, Path(name))

    def export_csv(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self.window(), "Export the register",
                                              "register.csv", "CSV (*.csv)")
        if name:
            self.controller.export_csv(Path(name))
