"""Decisions from the window: record, sign, correct, list, export. No Qt; the view is injected.

Every rule about decisions lives in ``leadfit.decisions.service``; this only
calls it and tells the view what happened, or what the service refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from leadfit.errors import LeadFitError

PAGE = 500  # register rows listed at a time: the table opens on the newest, more load as it scrolls

if TYPE_CHECKING:  # the service pulls in SQLAlchemy and ReportLab: load it on first use
    from leadfit.decisions import service
    from leadfit.decisions.record import DecisionRecord
    from leadfit.forms.case import Case
    from leadfit.rules.pack import Pack


def _service():
    from leadfit.decisions import service
    return service


@runtime_checkable
class DecisionView(Protocol):
    def show_problems(self, title: str, problems: list[str]) -> None: ...
    def show_register(self, rows: list[RegisterRow]) -> None: ...
    def show_record(self, record: DecisionRecord) -> None: ...
    def open_file(self, path: Path) -> None: ...
    def tell(self, message: str) -> None: ...


@dataclass(frozen=True)
class RegisterRow:
    """One line of the register as the window lists it."""

    ref: str
    stream: str
    candidate: str
    recommended: str
    decision: str
    status: str
    created_at: str
    pack: str


class DecisionController:
    def __init__(self, view: DecisionView, pdf_folder: Path, register_url: str | None = None):
        self.view = view
        self.pdf_folder = Path(pdf_folder)
        self.register_url = register_url
        self._register: service.Register | None = None

    @property
    def register(self) -> service.Register:
        if self._register is None:
            self._register = _service().open_register(self.register_url)
        return self._register

    def close(self) -> None:
        if self._register is not None:
            self._register.close()
            self._register = None

    def _attempt(self, title: str, call):
        """Run one service call; a refusal goes to the view with every problem named."""
        try:
            return call()
        except LeadFitError as exc:
            self.view.show_problems(title, [str(p) for p in exc.problems])
            return None

    # -- writing ---------------------------------------------------------
    def decide(self, case: Case, pack: Pack, *, decision: str, justification: str = "",
               conditions: str = "", review_date: str | None = None) -> DecisionRecord | None:
        record = self._attempt("The decision was not recorded", lambda: _service().decide(
            self.register, case, pack, decision=decision, justification=justification,
            conditions=conditions, review_date=review_date or None))
        return self._done(record, "recorded; it now awaits sign-off")

    def sign(self, ref: str, *, name: str, role: str, statement: str = "",
             dissent: str = "") -> DecisionRecord | None:
        record = self._attempt("The sign-off was not recorded", lambda: _service().sign(
            self.register, ref, name=name, role=role, statement=statement, dissent=dissent))
        return self._done(record, f"signed by {name} ({role})")

    def correct(self, ref: str, *, reason: str, decision: str, justification: str,
                conditions: str, review_date: str | None) -> DecisionRecord | None:
        record = self._attempt("The correction was not recorded", lambda: _service().correct(
            self.register, ref, reason=reason, decision=decision, justification=justification,
            conditions=conditions, review_date=review_date or None))
        return self._done(record, f"corrects {ref}; it now awaits sign-off")

    def _done(self, record: DecisionRecord | None, what: str) -> DecisionRecord | None:
        if record is not None:
            self.view.tell(f"{record.ref} {what}")
            self.view.show_record(record)
            self.refresh()
        return record

    # -- reading ---------------------------------------------------------
    def refresh(self) -> list[RegisterRow] | None:
        """Show the newest page of the register; the view asks ``page`` for more."""
        rows = self._rows(0, PAGE)
        if rows is not None:
            self.view.show_register(rows)
        return rows

    def page(self, offset: int, limit: int | None) -> list[RegisterRow]:
        return self._rows(offset, limit) or []

    def _rows(self, offset: int, limit: int | None) -> list[RegisterRow] | None:
        summaries = self._attempt("The register cannot be read", lambda: _service().list_records(
            self.register, limit=limit, offset=offset))
        if summaries is None:
            return None
        return [RegisterRow(s.ref, s.stream, s.candidate, s.recommended, s.outcome, s.status,
                            s.created_at, s.pack) for s in summaries]

    def can_correct(self, ref: str) -> bool:
        """The core's answer: only a record's latest version can be corrected."""
        return bool(self._attempt(f"{ref} cannot be opened",
                                  lambda: _service().can_correct(self.register, ref)))

    def record(self, ref: str) -> DecisionRecord | None:
        return self._attempt(f"{ref} cannot be opened", lambda: _service().show(self.register, ref))

    # -- files -----------------------------------------------------------
    def save_pdf(self, ref: str, path: Path) -> Path | None:
        result = self._attempt(f"The PDF of {ref} was not written",
                               lambda: _service().report(self.register, ref, path))
        if result is None:
            return None
        if result.unsupported:
            self.view.show_problems(f"{path.name} was written, but its font cannot draw:",
                                    list(result.unsupported))
        self.view.tell(f"PDF of {ref} written to {path}")
        return path

    def open_pdf(self, ref: str) -> Path | None:
        self.pdf_folder.mkdir(parents=True, exist_ok=True)
        path = self.save_pdf(ref, self.pdf_folder / f"{ref.replace('@', '-v')}.pdf")
        if path is not None:
            self.view.open_file(path)
        return path

    def export_csv(self, path: Path) -> int | None:
        count = self._attempt("The register was not exported",
                              lambda: _service().export_csv(self.register, path))
        if count is not None:
            self.view.tell(f"{count} records written to {path}")
        return count
