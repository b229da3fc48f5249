"""Decisions from the window: record, sign, correct, list, export. No Qt; the view is injected.

Every rule about decisions lives in ``leadfit.decisions.service``; this only
calls it and tells the view what happened, or what the service refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from leadfit.words import role_words
from leadfit.errors import LeadFitError

PAGE = 500  # register rows listed at a time: the table opens on the newest, more load as it scrolls

if TYPE_CHECKING:  # the service pulls in SQLAlchemy and ReportLab: load it on first use
    from leadfit.decisions import service
    from leadfit.decisions.record import DecisionRecord
    from leadfit.forms.case import Case
    from leadfit.rules.model.pack import Pack


def _service():
    from leadfit.decisions import service
    return service


def _printing():
    from leadfit.reports import printing
    return printing


@runtime_checkable
class DecisionView(Protocol):
    def show_problems(self, title: str, problems: list[str]) -> None: ...
    def show_register(self, rows: list[RegisterRow]) -> None: ...
    def show_record(self, record: DecisionRecord) -> None: ...
    def open_file(self, path: Path) -> None: ...
    def tell(self, message: str) -> None: ...


@dataclass(frozen=True)
class RegisterRow:
    """One line of the register as the window lists it. ``intact`` is False for a
    record altered since it was written: listed, marked, never hidden."""

    ref: str
    stream: str
    candidate: str
    recommended: str
    decision: str
    status: str
    created_at: str
    pack: str
    intact: bool = True
    review_of: str = ""  # the record this one reviews; '' for a decision


def verify_words(report) -> list[str]:
    """A check of the register as a person reads it."""
    counted = (f"{report.records} record version{'s' if report.records != 1 else ''} and"
               f" {report.entries} audit entr{'ies' if report.entries != 1 else 'y'} checked")
    if report.ok:
        return [f"Nothing in the register was changed outside LeadFit ({counted})."]
    return [f"The register was changed outside LeadFit: {len(report.problems)} problem"
            f"{'s' if len(report.problems) != 1 else ''} found ({counted}). Keep the file as it"
            " is and tell whoever looks after the register; records marked 'altered' must not"
            " be relied on.", *report.problems]


class DecisionController:
    def __init__(self, view: DecisionView, pdf_folder: Path, register_url: str | None = None):
        self.view = view
        self.pdf_folder = Path(pdf_folder)
        self.register_url = register_url
        self.writes = 0   # records written from this window: the portfolio re-reads after one
        self._register: service.Register | None = None
        self._filter: dict = {}  # the register tab's find box and status choice (see filter)
        self.missing = ""  # words when rows the audit log names are gone (see refresh)
        # versions the last check found altered: a page of the list reads no text, so a
        # text edit shows only on a check; from then on its row is marked too
        self.found_altered: set[str] = set()

    @property
    def register(self) -> service.Register:
        if self._register is None:
            self._register = _service().open_register(self.register_url)
        return self._register

    @property
    def is_open(self) -> bool:
        return self._register is not None

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
               conditions: str = "", review_date: str | None = None, plan=None,
               plan_later: bool = False, recorded_by: str = "",
               again: bool = False, considered=None) -> DecisionRecord | None:
        """``again``: the person was told it is already recorded and chose a second one;
        ``considered``: the other candidates compared, named in the record."""
        record = self._attempt("The decision was not recorded", lambda: _service().decide(
            self.register, case, pack, decision=decision, justification=justification,
            conditions=conditions, review_date=review_date or None, plan=plan or None,
            plan_later=plan_later, recorded_by=recorded_by, again=again, considered=considered))
        if record is not None:
            from leadfit.decisions.making import left_out
            for note in left_out(record):
                self.view.show_problems("Left out of the record", [note])
        return self._done(record, "recorded; it now awaits sign-off")

    def already_recorded(self, case: Case) -> list[str]:
        return self._attempt("The register cannot be read",
                             lambda: _service().already_recorded(self.register, case)) or []

    def sign(self, ref: str, *, name: str, role: str, statement: str = "",
             dissent: str = "") -> DecisionRecord | None:
        record = self._attempt("The sign-off was not recorded", lambda: _service().sign(
            self.register, ref, name=name, role=role, statement=statement, dissent=dissent))
        return self._done(record, f"signed by {name} ({role_words(role)})")

    def withdraw(self, ref: str, *, reason: str, name: str) -> DecisionRecord | None:
        record = self._attempt("The record was not withdrawn", lambda: _service().withdraw(
            self.register, ref, reason=reason, name=name))
        return self._done(record, "withdrawn; it stays in the register, marked withdrawn")

    def correct(self, ref: str, *, reason: str, decision: str, justification: str,
                conditions: str, review_date: str | None, case: Case | None = None,
                pack: Pack | None = None, plan=None,
                plan_later: bool | None = None, recorded_by: str = "",
                rename: bool = False) -> DecisionRecord | None:
        """``rename``: the answers spell the candidate's or stream's name differently on
        purpose (a misspelling put right); otherwise the core refuses another name."""
        old = self.record(ref)
        record = self._attempt("The correction was not recorded", lambda: _service().correct(
            self.register, ref, reason=reason, decision=decision, justification=justification,
            conditions=conditions, review_date=review_date or None, case=case, pack=pack,
            plan=plan or None, plan_later=plan_later, recorded_by=recorded_by, rename=rename))
        if record is not None and old is not None:
            from leadfit.decisions.making import dropped
            for note in dropped(old.decision, record.decision):
                self.view.show_problems("Dropped from the corrected version", [note])
        return self._done(record, f"corrects {ref}; it now awaits sign-off")

    def _done(self, record: DecisionRecord | None, what: str) -> DecisionRecord | None:
        if record is not None:
            self.writes += 1
            self.view.tell(f"{record.ref} {what}")
            self.view.show_record(record)
            self.refresh()
        return record

    # -- reading ---------------------------------------------------------
    def refresh(self) -> list[RegisterRow] | None:
        """Show the newest page of the register; the view asks ``page`` for more.
        One altered record is marked, not fatal."""
        rows = self._rows(0, PAGE)
        if rows is not None:
            # rows deleted outside LeadFit: the banner above the table says so (integrity.py)
            self.missing = self._attempt("The register cannot be read",
                                         lambda: _service().missing(self.register)) or ""
            self.view.show_register(rows)
        return rows

    def filter(self, text: str, status: str, titles: dict[str, str] | None = None
               ) -> list[RegisterRow] | None:
        """List only what matches ``text`` (any listed field; ``titles``: outcome titles
        that match too) and ``status``: asked of the register, a page at a time."""
        self._filter = {"text": text, "status": status or None, "titles": dict(titles or {})}
        return self.refresh()

    def page(self, offset: int, limit: int | None) -> list[RegisterRow]:
        return self._rows(offset, limit) or []

    def _rows(self, offset: int, limit: int | None) -> list[RegisterRow] | None:
        summaries = self._attempt("The register cannot be read", lambda: _service().list_records(
            self.register, limit=limit, offset=offset, **self._filter))
        if summaries is None:
            return None
        return [RegisterRow(s.ref, s.stream, s.candidate, s.recommended, s.outcome, s.status,
                            s.created_at, s.pack, s.intact and s.ref not in self.found_altered,
                            s.review_of) for s in summaries]

    def can_correct(self, ref: str) -> bool:
        """The core's answer: only a record's latest version can be corrected."""
        return bool(self._attempt(f"{ref} cannot be opened",
                                  lambda: _service().can_correct(self.register, ref)))

    def record(self, ref: str) -> DecisionRecord | None:
        return self._attempt(f"{ref} cannot be opened", lambda: _service().show(self.register, ref))

    def versions(self, record_id: str) -> int:
        """How many versions of the record there are (the latest is the one that stands)."""
        return self._attempt(f"{record_id} cannot be opened",
                             lambda: _service().versions(self.register, record_id)) or 0

    def verify(self) -> list[str] | None:
        """Check the whole register; the result in words, first line the verdict."""
        report = self._attempt("The register could not be checked",
                               lambda: _service().verify(self.register))
        if report is None:
            return None
        self.found_altered = set(report.altered)
        return verify_words(report)

    # -- files -----------------------------------------------------------
    def save_pdf(self, ref: str, path: Path) -> Path | None:
        # overwrite: the save dialog already asked before replacing a file (and the PDF
        # folder of open_pdf is LeadFit's own); the open register is still refused.
        result = self._attempt(f"The PDF of {ref} was not written",
                               lambda: _printing().report(self.register, ref, path,
                                                          overwrite=True))
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
        count = self._attempt("The register was not exported",  # the dialog asked first
                              lambda: _service().export_csv(self.register, path,
                                                            overwrite=True))
        if count is not None:
            self.view.tell(f"{count} records written to {path}")
        return count
