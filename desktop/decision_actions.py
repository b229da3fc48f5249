"""The Decision menu of the main window: record the case on screen as a decision, or
compare candidates for its stream first. The register tab does the recording.

A mixin of MainWindow: it uses the window's ``controller``, ``timer``, ``register`` and
``_case_folder`` (CaseActions).
"""

from __future__ import annotations


class DecisionActions:
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

    def _review_recorded(self, ref: str) -> None:
        self.register.controller.refresh()
        self.register.open_record(ref)   # to sign it, as a decision is signed
