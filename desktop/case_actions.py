"""The Case menu and Edit menu of the main window: new, open, save, recent cases, undo.

A mixin of MainWindow: it uses the window's ``controller`` (CaseController), ``form``,
``store`` (the settings), ``data_dir``, ``recent_menu`` and ``tell``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from leadfit.desktop import settings as app_settings
from leadfit.errors import LeadFitError
from leadfit.words import counted


class CaseActions:
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
            unasked = len(self.controller.not_asked_in_file())  # not on the form: kept, said
            kept = "it is" if unasked == 1 else "they are"
            self.tell(f"Opened {path}" + (f"; it also answers {counted(unasked, 'question')} this"
                                          f" form does not ask, kept in the file as {kept}"
                                          if unasked else ""))

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
        except (OSError, LeadFitError) as exc:  # a folder not writable: said, answers kept
            self.show_problems(f"The case was not saved in {path}", _why(exc))
            return
        self._remember(str(path))
        mistakes = len(self.controller.errors)  # kept as typed, still marked at their fields
        self.tell(f"Case saved as {path}" + (f", with {counted(mistakes, 'answer')} still to correct"
                                              if mistakes else ""))

    def export_answers(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export answers as a case file",
                                              "case.yaml", "Case files (*.yaml)")
        if not name:
            return
        try:
            self.controller.export_case(Path(name))
        except (OSError, LeadFitError) as exc:
            self.show_problems(f"The answers were not written to {name}", _why(exc))
            return
        self.tell(f"Answers written to {name}")

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


def _why(exc: Exception) -> list[str]:
    """Why a file was not written, in the words the core gives (FileWriteError names the
    file and the reason) or the system's."""
    problems = getattr(exc, "problems", None)
    return [str(p) for p in problems] if problems else [getattr(exc, "strerror", None) or str(exc)]
