"""What a decision record's parts work out from their fields, written once for both ways a
stored record is read: as pydantic models (decisions/record.py, built to be written) and
as the sealed text itself (decisions/sealed.py, for the reading commands: issue 15).

Plain classes: the models and the sealed views both inherit them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from leadfit.decisions.texts import make_ref

UNAGREED = "to be agreed"


class PlanItemLogic:
    """One required mitigation as a plan step: what, who, by when.

    A step is *given* when it has both an owner and a due date. A step not given was
    either deferred explicitly, with the date by which its owner and due date will be
    agreed (``agree_by``), or -- in a draft, or a record written before that was asked --
    left "to be agreed" with no date; :meth:`words` says which.
    """

    if TYPE_CHECKING:
        owner: str
        due: str | None
        agree_by: str | None

    @property
    def who(self) -> str:
        return self.owner or UNAGREED

    @property
    def by_when(self) -> str:
        from leadfit.words import date_words
        return self.due or self._later("", date_words)

    @property
    def agreed(self) -> bool:
        return bool(self.owner or self.due)

    @property
    def given(self) -> bool:
        """Both who and by when were agreed when the decision was recorded."""
        return bool(self.owner and self.due)

    def words(self, date_words: Callable[[str], str] = lambda iso: iso) -> str:
        """'Sam Lee, by 15 January 2027'; never 'to be agreed, by to be agreed'."""
        if not self.agreed:
            return self._later("owner and date ", date_words)
        if self.due:
            return f"{self.owner or self._later('owner ', date_words)}, by {date_words(self.due)}"
        return f"{self.owner}, {self._later('date ', date_words)}"

    def _later(self, what: str, date_words: Callable[[str], str] = lambda iso: iso) -> str:
        """'date to be agreed by 1 March 2027', or '... to be agreed (no date set)'."""
        if self.agree_by:
            return f"{what}{UNAGREED} by {date_words(self.agree_by)}"
        return f"{what}{UNAGREED} (no date set)"


class DecisionLogic:
    if TYPE_CHECKING:
        outcome: str
        recommended: str | None
        plan: list[Any]
        plan_later: bool

    @property
    def later_note(self) -> str:
        """What a record says of steps deferred before a date was asked for ('' when each
        step says its own date, or none was deferred)."""
        if self.plan_later and not any(p.agree_by for p in self.plan):
            return "The decision maker chose to agree the steps after sign-off, without a date."
        return ""

    @property
    def deferred_to(self) -> bool | str:
        """The date the steps not given were deferred to (True: deferred with no date, as
        records written before it was asked; False: none deferred)."""
        return next((p.agree_by for p in self.plan if p.agree_by), None) or self.plan_later

    @property
    def differs(self) -> bool:
        return self.outcome != self.recommended


class FindingChangeLogic:
    """One finding compared between the decision and the review ('' = not raised)."""

    if TYPE_CHECKING:
        before: str
        after: str

    @property
    def change(self) -> str:
        if not self.before:
            return "new"
        if not self.after:
            return "gone"
        return "same" if self.before == self.after else "changed"


class StreamsReadingLogic:
    if TYPE_CHECKING:
        experienced: int
        learners: int

    @property
    def total(self) -> int:
        return self.experienced + self.learners


class RecordLogic:
    if TYPE_CHECKING:
        record_id: str
        version: int
        review: Any
        decision: Any
        signoffs: list[Any]
        required_roles: list[str]

    @property
    def next_review(self) -> str | None:
        """When the next fail-fast review falls due from this record (None: none): a
        review's own next date, else a coached decision's first review date."""
        if self.review is not None:
            return self.review.next_review
        return self.decision.review_date if self.decision.outcome == "coach" else None

    @property
    def reviews_record(self) -> str | None:
        """The record id this one reviews (None for a decision)."""
        return self.review.of.partition("@")[0] if self.review is not None else None

    @property
    def ref(self) -> str:
        return make_ref(self.record_id, self.version)

    def missing_roles(self) -> list[str]:
        signed = {s.role for s in self.signoffs}
        return [r for r in self.required_roles if r not in signed]
