"""The case controller: answers in, assessment out. No Qt; the view is injected.

The view is anything with the methods of ``CaseView``; tests pass a small
hand-written fake. Every judgement comes from the core (forms, rules).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from leadfit.desktop.active_pack import ActivePack
from leadfit.desktop.case_file import CaseFile
from leadfit.desktop.drafts import DraftStore
from leadfit.desktop.typed import typed_input
from leadfit.errors import InputError, LeadFitError
from leadfit.forms.answers import BadAnswer, clean
from leadfit.forms.case import Case, build_case, is_asked, order_errors, relevant_from
from leadfit.forms.migrate import guess_version, migrate_answers
from leadfit.forms.unanswered import unanswered_informing
from leadfit.rules.model.library import resolve_pack
from leadfit.words import not_a_choice_words

if TYPE_CHECKING:  # the engine and its models load at the first assessment, which the
    # window makes after its first frame (see main_window); the form needs only the pack
    from leadfit.rules.model.assessment import Alternative, Assessment
    from leadfit.rules.model.pack import Pack


def evaluate(case: Case, pack: Pack) -> Assessment:
    """The core's evaluate(), its engine loaded at the first call, not at import."""
    from leadfit.rules.runtime.assess import evaluate as assess
    return assess(case, pack)


@runtime_checkable
class CaseView(Protocol):
    def show_pack(self, pack: Pack) -> None: ...
    def show_answers(self, raw: dict[str, Any]) -> None: ...
    def show_field_error(self, question_id: str, message: str | None) -> None: ...
    def show_relevance(self, asked: dict[str, bool]) -> None: ...
    def show_answer_source(self, question_id: str, words: str | None) -> None: ...
    def show_assessment(self, assessment: Assessment, invalid: list[str]) -> None: ...
    def show_problems(self, title: str, problems: list[str]) -> None: ...
    def schedule_evaluation(self) -> None: ...
    def tell(self, message: str) -> None: ...
    def show_title(self, title: str, modified: bool) -> None: ...
    def show_alternatives(self, alternatives: list[Alternative] | None) -> None: ...
    def run_in_background(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None: ...


class CaseController(CaseFile, ActivePack):
    """The answers, their checks and the assessment; the case file (case_file.py) and the
    rule pack in use (active_pack.py) are its parts."""

    def __init__(self, view: CaseView, drafts: DraftStore, pack_source: str | None = None):
        self.view = view
        self.drafts = drafts
        self.pack_source: str | None = None
        self.pack: Pack = resolve_pack(None)
        self.raw: dict[str, Any] = {}
        self.field_errors: dict[str, str] = {}   # an answer wrong on its own
        self.order_problems: dict[str, str] = {}  # answers wrong together (core's order_errors)
        self.assessment: Assessment | None = None
        self.alternatives: list[Alternative] | None = None
        self._generation = 0  # which refresh a background result belongs to
        self._initial_pack = pack_source
        self.case_path: Path | None = None   # the named case file, once opened or saved
        self.saved_raw: dict[str, Any] = {}  # the answers as last opened or saved
        self.undo_stack: list[dict[str, Any]] = []
        self.redo_stack: list[dict[str, Any]] = []
        self._typing_in: str | None = None    # keystrokes in one field are one undo step
        # (case, questionnaire) -> (case with the register's answers about the other streams,
        # {question: where its answer came from, in words}); set by the window
        self.streams: Callable[[Case, Any], tuple[Case, dict[str, str]]] | None = None
        self.sourced: dict[str, str] = {}
        self._relevance_of: dict[str, Any] | None = None  # answers whose relevance is shown
        # {readiness id: titles of its asked questions with no answer}, with the assessment
        self.unanswered: dict[str, list[str]] = {}

    # -- lifecycle -------------------------------------------------------
    def start(self, assess: bool = True) -> None:
        """Restore the draft (and its pack) if there is one, then assess (``assess=False``:
        the view calls refresh() itself, as the window does once its first frame is up)."""
        draft = self.drafts.load() or {}
        source = draft.get("pack", self._initial_pack) if draft else self._initial_pack
        if source and not self._restore_pack(source):
            source = None
        self.view.show_pack(self.pack)
        if draft.get("case"):
            self.case_path = Path(draft["case"])
            self.saved_raw = dict(draft.get("saved") or {})
        if draft:
            self._load_answers(draft.get("answers", {}), assess)
        else:
            self._start_blank(assess)

    def new_case(self) -> None:
        self.drafts.clear()
        self.case_path, self.saved_raw = None, {}
        self.undo_stack, self.redo_stack = [], []
        self._start_blank()

    def _start_blank(self, assess: bool = True) -> None:
        """A new case: the date other dates are measured from (the assessment) is today."""
        questions = self.pack.questionnaire.questions
        anchors = {q.not_before for q in questions.values() if q.not_before}
        today = {qid: date.today().isoformat() for qid in sorted(anchors) if qid in questions}
        self.saved_raw = dict(today)
        self._load_answers(today, assess)

    # -- undo ------------------------------------------------------------
    def undo(self) -> bool:
        return self._step(self.undo_stack, self.redo_stack)

    def redo(self) -> bool:
        return self._step(self.redo_stack, self.undo_stack)

    def _step(self, source: list, target: list) -> bool:
        if not source:
            return False
        target.append(dict(self.raw))
        self._typing_in = None
        self._load_answers(source.pop())
        return True

    def _load_answers(self, raw: dict[str, Any], assess: bool = True) -> None:
        target = self.pack.questionnaire.version  # a draft typed under an earlier questionnaire
        raw = migrate_answers(raw, min(guess_version(raw), target), target)
        known = [q.id for q in self.pack.questionnaire.asked]
        self.raw = {k: v for k, v in raw.items() if k in known}
        self.view.show_answers(dict(self.raw))
        self.field_errors, self.order_problems, self._relevance_of = {}, {}, None  # afresh
        for qid in known:
            self._check(qid)
        self._check_order()
        if assess:
            self.refresh()
        else:
            self._show_relevance()

    # -- answers ---------------------------------------------------------
    def answer_changed(self, question_id: str, raw: Any) -> None:
        """A field changed: mark it at once; assessment follows when the view asks."""
        before = dict(self.raw)
        if raw is None or raw == "":
            self.raw.pop(question_id, None)
        else:
            self.raw[question_id] = raw
        if self.raw != before:
            if self._typing_in != question_id or not self.undo_stack:
                self.undo_stack.append(before)
            self.redo_stack.clear()
            self._typing_in = question_id
        self._check(question_id)
        self._check_order()
        self._show_relevance()
        self.view.schedule_evaluation()

    def _check(self, question_id: str) -> None:
        question = self.pack.questionnaire.questions[question_id]
        message = None
        if question_id in self.raw:
            try:
                clean(question, typed_input(question, self.raw[question_id]))
            except BadAnswer as exc:
                message = str(exc)
                if question.type in ("choice", "yes_no"):  # the box shows the options' words
                    message = not_a_choice_words(self.raw[question_id])
        if message:
            self.field_errors[question_id] = message
        else:
            self.field_errors.pop(question_id, None)
        self.view.show_field_error(question_id, message)

    def _check_order(self) -> None:
        """Answers valid alone but not together (a review date before the assessment)."""
        q = self.pack.questionnaire
        typed = {k: clean(q.questions[k], typed_input(q.questions[k], v)) for k, v in self.raw.items()
                 if k not in self.field_errors}
        found = order_errors(typed, q)
        for qid in set(self.order_problems) | set(found):
            if qid not in self.field_errors:
                self.view.show_field_error(qid, found.get(qid))
        self.order_problems = found

    @property
    def errors(self) -> dict[str, str]:
        return {**self.order_problems, **self.field_errors}

    def valid_answers(self) -> dict[str, Any]:
        """Answers that pass the core's checks, typed as the core wants them."""
        q = self.pack.questionnaire.questions
        return {k: typed_input(q[k], v) for k, v in self.raw.items() if k not in self.errors}

    def case(self) -> Case:
        return build_case(self.valid_answers(), self.pack.questionnaire, source="window")

    def relevance(self) -> dict[str, bool]:
        """Which questions are asked, read over the answers to questions asked (the core's
        relevant_from): a follow-up's follow-ups go with it when an answer removes it."""
        case, q = self.case(), self.pack.questionnaire
        answers = relevant_from(case.answers, q)
        return {question.id: is_asked(question, answers, case.unknown) for question in q.asked}

    def _show_relevance(self) -> None:
        """Once per set of answers: the refresh after an answer has nothing new to show."""
        if self.raw != self._relevance_of:
            self._relevance_of = dict(self.raw)
            self.view.show_relevance(self.relevance())

    def refresh(self) -> Assessment | None:
        """Assess the current answers, show it, and keep the draft on disk."""
        self._show_relevance()
        self._save_draft()
        case = self.case()
        if self.streams is not None:  # F10 from the portfolio, as decide will read it
            case = self._read_elsewhere(case)
        try:
            self.assessment = evaluate(case, self.pack)
        except LeadFitError as exc:  # e.g. an engine failure: say so, keep the answers
            self.assessment = None
            self.view.show_problems("The assessment could not be made",
                                    [str(p) for p in exc.problems])
            return None
        if self.sourced:
            self.assessment = self.assessment.model_copy(update={
                "notes": [*self.assessment.notes, *(f"{self.pack.questionnaire.questions[q].title}"
                                                    f" {words}" for q, words in self.sourced.items())]})
        self.unanswered = unanswered_informing(case, self.pack.questionnaire)
        self.view.show_assessment(self.assessment, sorted(self.errors))
        self._explain_later(case)
        return self.assessment

    def _read_elsewhere(self, case: Case) -> Case:
        case, sourced = self.streams(case, self.pack.questionnaire)
        for qid in {*self.sourced, *sourced}:
            if self.sourced.get(qid) != sourced.get(qid):
                self.view.show_answer_source(qid, sourced.get(qid))
        self.sourced = sourced
        return case

    def _explain_later(self, case: Case) -> None:
        """Why not and what would change it take a search: done off the GUI thread,
        shown when it ends unless the answers changed meanwhile."""
        self._generation += 1
        self.alternatives = None
        self.view.show_alternatives(None)
        if self.assessment is None or not self.assessment.decided:
            return
        from leadfit.rules.runtime.explain import alternatives
        generation, pack, assessment = self._generation, self.pack, self.assessment

        def wanted() -> bool:  # read from the worker: a newer refresh makes this search moot
            return generation == self._generation
        self.view.run_in_background(lambda: alternatives(case, pack, assessment, wanted),
                                    lambda found: self._explained(generation, found))

    def _explained(self, generation: int, found: list[Alternative] | Exception) -> None:
        from leadfit.rules.runtime.changes import Superseded
        if isinstance(found, Superseded):
            return  # newer answers have their own search
        if isinstance(found, Exception):
            self.view.tell(f"What would change it could not be worked out: {found}")
        elif generation == self._generation:
            self.alternatives = found
            self.assessment = self.assessment.model_copy(update={"alternatives": found})
            self.view.show_alternatives(found)

    def _save_draft(self) -> None:
        self._show_title()
        try:
            self.drafts.save(dict(self.raw), self.pack_source, case=self.case_path,
                             saved=self.saved_raw)
        except OSError as exc:  # typing goes on; the user is told where saving failed
            self.view.tell(f"Draft not saved in {self.drafts.folder}: {exc.strerror or exc}")

    def case_problems(self) -> list[str]:
        """What the core says about the answers as typed (empty when all are valid)."""
        q = self.pack.questionnaire.questions
        try:
            build_case({k: typed_input(q[k], v) for k, v in self.raw.items()},
                       self.pack.questionnaire, source="window")
        except InputError as exc:
            return [p.message for p in exc.problems]
        return []

