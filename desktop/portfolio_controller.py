"""The portfolio tab's logic, and F10's reading for the case on screen (no Qt here).

It shares the register the Register tab opened. The other streams' reading is
cached per stream until the register changes (a decision recorded or signed here,
or the portfolio refreshed), so typing in the form never waits on the database.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from leadfit.errors import LeadFitError

if TYPE_CHECKING:
    from leadfit.decisions.portfolio import Portfolio
    from leadfit.forms.case import Case


def _service():
    from leadfit.decisions import service
    return service


@runtime_checkable
class PortfolioView(Protocol):
    def show_portfolio(self, board: Portfolio) -> None: ...
    def show_problems(self, title: str, problems: list[str]) -> None: ...
    def tell(self, message: str) -> None: ...


class PortfolioController:
    def __init__(self, view: PortfolioView, decisions):
        self.view = view
        self.decisions = decisions   # the DecisionController: its register and its writes
        self.board: Portfolio | None = None
        self._readings: dict[str, tuple[int, object]] = {}
        self._seen_writes = -1
        self._exists = False

    def _register_known(self) -> bool:
        """Whether there is a register to read: the case tab never creates one."""
        if not self._exists:
            if self.decisions.is_open:
                self._exists = True
            else:
                try:
                    _service().open_register(self.decisions.register_url, create=False,
                                             readonly=True).close()
                    self._exists = True
                except LeadFitError:
                    return False
        return True

    def refresh(self) -> Portfolio | None:
        try:
            self.board = _service().portfolio(self.decisions.register)
        except LeadFitError as exc:
            self.view.show_problems("The portfolio cannot be read", [str(p) for p in exc.problems])
            return None
        self._readings.clear()   # the register may have changed in another LeadFit too
        self.view.show_portfolio(self.board)
        return self.board

    def save_pdf(self, path: Path) -> Path | None:
        try:  # overwrite: the save dialog already asked before replacing a file
            from leadfit.reports.printing import portfolio_report
            result = portfolio_report(self.decisions.register, path, overwrite=True)
        except LeadFitError as exc:
            self.view.show_problems("The portfolio PDF was not written",
                                    [str(p) for p in exc.problems])
            return None
        if result.unsupported:
            self.view.show_problems(f"{path.name} was written, but its font cannot draw:",
                                    list(result.unsupported))
        self.view.tell(f"Portfolio written to {path}")
        return path

    def read_streams(self, case: Case, questionnaire) -> tuple[Case, dict[str, str]]:
        """The case with the register's answer about the other streams when it knows any,
        and that in words by question (none when the form's own answer stands)."""
        if not self._register_known():
            return case, {}
        from leadfit.decisions import streams_reading
        if self.decisions.writes != self._seen_writes:
            self._readings.clear()
            self._seen_writes = self.decisions.writes
        key = " ".join(str(case.answer("stream.name") or "").split()).casefold()
        form = streams_reading.form_answer(case)
        if key not in self._readings or self._readings[key][0] != hash(form):
            try:
                reading = _service().other_streams(self.decisions.register, case)
            except LeadFitError as exc:
                return case, {streams_reading.QUESTION: "The form's answer is used: the register"
                              f" could not be read ({exc})."}
            self._readings[key] = (hash(form), reading)
        reading = self._readings[key][1]
        if reading is None:
            return case, {}
        said = streams_reading.words(reading, questionnaire)
        return streams_reading.applied(case, reading), {
            streams_reading.QUESTION: said[0].upper() + said[1:] + "."}
