"""Fail-fast reviews from the window: what is due, a review's preview, recording it.
No Qt; the view is injected. Every rule lives in ``leadfit.decisions.review_service``.

The clock is injected (``today``) so what is due can be tested across a date boundary.
Counting never creates a register: a user who has recorded nothing has nothing due.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from leadfit.errors import LeadFitError


class ReviewsView(Protocol):
    def show_due(self, rows: list, summary: str, overdue: int) -> None: ...
    def show_problems(self, title: str, problems: list[str]) -> None: ...
    def tell(self, message: str) -> None: ...


@dataclass(frozen=True)
class DueRow:
    ref: str
    due: str          # in words
    overdue: bool
    what: str         # "first review of LF-2026-0001"
    stream: str
    candidate: str
    intact: bool = True


class ReviewsController:
    def __init__(self, view: ReviewsView, register_url: str | None = None,
                 today: Callable[[], date] = date.today):
        self.view, self.register_url, self.today = view, register_url, today
        self.rows: list[DueRow] = []

    def _open(self, *, write: bool = False):
        from leadfit.decisions.register import open_register
        return open_register(self.register_url, create=False, readonly=not write)

    def _attempt(self, title: str, call):
        try:
            return call()
        except LeadFitError as exc:
            self.view.show_problems(title, [str(p) for p in exc.problems])
            return None

    def refresh(self) -> tuple[int, int]:
        """List what is due; (overdue, due soon). No register yet: nothing is due."""
        from leadfit.decisions import review_service, service
        from leadfit.decisions.errors import NoRegister
        from leadfit.decisions.review_words import KIND_WORDS, awaiting_words, due_words
        from leadfit.words import date_words
        try:
            with self._open() as reg:
                found = review_service.due_reviews(reg, self.today())
                counts = review_service.due_counts(reg, self.today())
                missing = service.missing(reg)
        except NoRegister:
            found, counts, missing = [], (0, 0), ""
        except LeadFitError as exc:
            self.view.show_problems("The reviews due cannot be read", [str(p) for p in exc.problems])
            return 0, 0
        self.rows = [DueRow(r.ref, date_words(r.due), r.overdue,
                            f"{KIND_WORDS.get(r.kind, 'review')} of {r.decision_id}"
                            f"{awaiting_words(r.awaiting, named=False)}", r.stream,
                            r.candidate, r.intact) for r in found]
        summary = due_words(*counts)
        if missing:  # rows deleted outside LeadFit: said above the list (integrity.py)
            summary = f"{missing.replace('run leadfit verify', 'run a register check')}. {summary}"
        self.view.show_due(self.rows, summary, counts[0])
        return counts

    def record(self, ref: str):
        from leadfit.decisions import service
        return self._attempt(f"{ref} cannot be opened", lambda: self._with(
            lambda reg: service.show(reg, ref)))

    def questionnaire(self, record):
        from leadfit.decisions import service
        return service._questionnaire(record)

    def preview(self, ref: str, verdict: str, asked: dict):
        """(Review, assessment) or the problems as a list of words (never raises)."""
        from leadfit.decisions import review_service
        try:
            with self._open() as reg:
                return review_service.preview_review(reg, ref, verdict=verdict,
                                                     today=self.today(), **asked)
        except LeadFitError as exc:
            return [str(p) for p in exc.problems]

    def conduct(self, ref: str, verdict: str, asked: dict):
        from leadfit.decisions import review_service
        record = self._attempt("The review cannot be recorded", lambda: self._with(
            lambda reg: review_service.review(reg, ref, verdict=verdict, today=self.today(),
                                             **asked), write=True))
        if record is not None:
            self.view.tell(f"{record.ref} records the review of {ref}; it now awaits sign-off")
            self.refresh()
        return record

    def _with(self, call, *, write: bool = False):
        with self._open(write=write) as reg:
            return call(reg)
