"""The register tab and the decision dialogs: the DecisionController's view."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QVBoxLayout, QWidget

from leadfit.desktop.decision_controller import DecisionController
from leadfit.files import named_as
from leadfit.desktop.problems_dialog import show_problems
from leadfit.desktop.register_view import RegisterView

if TYPE_CHECKING:  # the dialogs bring in the decision records' models: loaded when opened
    from leadfit.desktop.decision_dialog import DecisionChoice, DecisionDialog
    from leadfit.desktop.record_dialog import RecordDialog


def correcting_words(record) -> str:
    """What a correction does to the version corrected, as true of this one: only a signed
    version's signatures stay (it said 'the signed version stays' of one nobody signed)."""
    then = f"; this becomes version {record.version + 1}, to be signed."
    if record.status == "signed":
        return f"Correcting {record.ref}: the signed version stays as it was" + then
    signed = len(record.signoffs)
    return (f"Correcting {record.ref}, not signed yet: it stays in the register as it was"
            + (f", with its {signed} sign-off{'s' if signed != 1 else ''} so far" if signed else "")
            + then)


class RegisterTab(QWidget):
    def __init__(self, data_dir: Path, tell, register_url: str | None = None, parent=None,
                 current_case=None):
        super().__init__(parent)
        self._tell = tell
        self.current_case = current_case  # () -> (case, pack) on the Case tab, for corrections
        self.view = RegisterView()
        self.controller = DecisionController(self, Path(data_dir) / "rationales", register_url)
        self.decision_dialog: DecisionDialog | None = None
        self.record_dialog: RecordDialog | None = None
        self.outcome_titles: dict[str, str] = {}
        self.recorded_by = ""  # the last name typed in 'Recorded by', offered again
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.open_requested.connect(self.open_record)
        self.view.open_pdf_requested.connect(self.controller.open_pdf)
        self.view.save_pdf_requested.connect(self.save_pdf)
        self.view.export_requested.connect(self.export_csv)
        self.view.verify_requested.connect(self.verify)
        self.view.filter_changed.connect(
            lambda text, status: self.controller.filter(text, status, self.outcome_titles))

    def set_outcome_titles(self, titles: dict[str, str]) -> None:
        self.outcome_titles = dict(titles)
        self.view.model.set_titles(titles)

    # -- DecisionView ------------------------------------------------------
    def show_problems(self, title: str, problems: list[str]) -> None:
        show_problems(self.window(), title, problems)

    def show_register(self, rows) -> None:
        self.view.show_rows(rows, self.controller.page, self.controller.missing)

    def show_record(self, record) -> None:
        self.view.select_ref(record.ref)
        if self.record_dialog is not None and self.record_dialog.isVisible():
            self.record_dialog.show_record(record, self._replaced_by(record),
                                           self.controller.can_correct(record.ref))

    def open_file(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def tell(self, message: str) -> None:
        self._tell(message)

    # -- actions -----------------------------------------------------------
    def record_decision(self, case, pack, assessment, considered=None) -> None:
        """Open the decision dialog for the assessment on screen (a non-blocking modal);
        ``considered``: the other candidates compared, named in the record."""
        if not assessment.decided:
            self.show_problems("There is no recommendation to decide on yet; answer:",
                               [m.title for m in assessment.missing])
            return
        earlier = self.controller.already_recorded(case)
        if earlier and QMessageBox.question(
                self.window(), "Already recorded",
                f"This candidate and stream are already recorded as {', '.join(earlier)}."
                " To change that decision, open it in the Register and correct it.\n\n"
                "Record a new, separate decision anyway?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel) != QMessageBox.StandardButton.Yes:
            return
        self.set_outcome_titles({o: pack.catalogue.title(o) for o in pack.settings.outcomes})
        review = str(case.answers.get("org.review_date") or "")

        from leadfit.decisions.making import recommendation
        from leadfit.desktop.decision_dialog import DecisionDialog, PlanStep

        def submit(choice: DecisionChoice):
            self.recorded_by = choice.recorded_by or self.recorded_by
            record = self.controller.decide(
                case, pack, decision=choice.decision, justification=choice.justification,
                conditions=choice.conditions, review_date=choice.review_date, plan=choice.plan,
                plan_later=choice.plan_later, recorded_by=choice.recorded_by,
                again=bool(earlier), considered=considered)
            if record is not None:
                self.open_record(record.ref)
            return record
        self.decision_dialog = DecisionDialog(
            self.window(), outcomes=self.outcome_titles,
            recommended=recommendation(assessment, pack),  # None: nothing is (find out first)
            summary=f"Recommendation: {assessment.outcome_title} (risk {assessment.risk.level})"
            + (f"; chosen from {len(considered) + 1} candidates compared" if considered else ""),
            submit=submit, review_date=review, recorded_by=self.recorded_by,
            steps=[PlanStep(m.id, m.title) for m in assessment.mitigations],
            assessed=str(case.answers.get("org.assessed_on") or ""))
        self.decision_dialog.open()

    def _replaced_by(self, record) -> str:
        versions = self.controller.versions(record.record_id)
        return f"{record.record_id}@{versions}" if versions > record.version else ""

    def open_record(self, ref: str) -> None:
        record = self.controller.record(ref)
        if record is None:
            return
        if self.record_dialog is not None:
            self.record_dialog.close()
        from leadfit.desktop.record_dialog import RecordDialog
        dialog = RecordDialog(self.window(), record, self.outcome_titles,
                              self._replaced_by(record),
                              correctable=self.controller.can_correct(ref))
        dialog.sign_requested.connect(
            lambda r, name, role, st, dis: self.controller.sign(
                r, name=name, role=role, statement=st, dissent=dis))
        dialog.withdraw_requested.connect(
            lambda r, reason, name: self.controller.withdraw(r, reason=reason, name=name))
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
        from leadfit.decisions.record_words import found_out_first
        from leadfit.desktop.decision_dialog import DecisionChoice, DecisionDialog, PlanStep

        def submit(choice: DecisionChoice):
            case, pack = self.current_case() if choice.use_case_answers and self.current_case \
                else (None, None)
            self.recorded_by = choice.recorded_by or self.recorded_by
            return self.controller.correct(
                ref, reason=choice.reason, decision=choice.decision,
                justification=choice.justification, conditions=choice.conditions,
                review_date=choice.review_date, case=case, pack=pack, plan=choice.plan,
                plan_later=choice.plan_later, recorded_by=choice.recorded_by,
                rename=choice.rename)
        steps = [PlanStep(p.id, p.title, p.owner, p.due or "") for p in d.plan]
        self.decision_dialog = DecisionDialog(
            self.window(), outcomes=titles,
            recommended=None if found_out_first(record) else d.recommended or d.outcome,
            summary=correcting_words(record), submit=submit, review_date=d.review_date or "",
            start=DecisionChoice(d.outcome, d.justification, d.conditions, d.review_date or "",
                                 plan_later=d.deferred_to),
            correcting=ref, steps=steps, recorded_by=self.recorded_by,  # who corrects
            assessed=str(record.answers.get("org.assessed_on") or ""))
        self.decision_dialog.open()

    def verify(self) -> None:
        lines = self.controller.verify()
        if lines is None:
            return
        self.controller.refresh()
        if len(lines) == 1:
            QMessageBox.information(self.window(), "Register checked", lines[0])
        else:
            self.show_problems(lines[0], lines[1:])

    def save_pdf(self, ref: str) -> None:
        name, _ = QFileDialog.getSaveFileName(self.window(), f"Save the PDF of {ref}",
                                              f"{ref.replace('@', '-v')}.pdf", "PDF (*.pdf)")
        if name:
            self.controller.save_pdf(ref, named_as(Path(name), ".pdf"))

    def export_csv(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self.window(), "Export the register",
                                              "register.csv", "CSV (*.csv)")
        if name:
            self.controller.export_csv(Path(name))

