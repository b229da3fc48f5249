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

    An empty ``owner`` or ``due`` was not agreed when the decision was recorded;
    :attr:`who` and :attr:`by_when` say so in words.
    """

    if TYPE_CHECKING:
        owner: str
        due: str | None

    @property
    def who(self) -> str:
        return self.owner or UNAGREED

    @property
    def by_when(self) -> str:
        return self.due or UNAGREED

    @property
    def agreed(self) -> bool:
        return bool(self.owner or self.due)

    def words(self, date_words: Callable[[str], str] = lambda iso: iso) -> str:
        """'Sam Lee, by 15 January 2027'; never 'to be agreed, by to be agreed'."""
        if not self.agreed:
            return "owner and date to be agreed"
        owner = self.owner or "owner to be agreed"
        return f"{owner}, by {date_words(self.due)}" if self.due else f"{owner}, date to be agreed"


class DecisionLogic:
    if TYPE_CHECKING:
        outcome: str
        recommended: str | None

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
