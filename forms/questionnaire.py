"""The questionnaire: sections and questions loaded from data, never widgets."""

from __future__ import annotations

from dataclasses import field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leadfit.frozen import frozen
from leadfit.errors import PackError, Problem
from leadfit.forms import conditions
from leadfit import objcache
from leadfit.paths import package_folder
from leadfit.yamlsafe import LocatedData, load_text, read_text_file

if TYPE_CHECKING:  # the file's schema loads with the first questionnaire read from YAML
    from leadfit.forms.questionnaire_spec import QuestionnaireSpec, QuestionSpec


@frozen
class Question:
    id: str
    title: str
    type: str
    section: str
    help: str = ""
    informs: tuple[str, ...] = ()
    required: bool = True
    min: int | None = None
    max: int | None = None
    max_length: int | None = None
    options: dict[str, str] = field(default_factory=dict)
    ask_if: Any = None
    derived_from: tuple[str, tuple[str, ...]] | None = None
    not_before: str | None = None
    min_days_after: int = 0       # with not_before: at least this many days after it (v4)
    may_be_unknown: bool = False  # "Not known" is an allowed answer
    lever: bool = False           # the organisation can change it (else a fact)

    @property
    def label(self) -> str:
        """How errors and reports name the question: title and id."""
        return f"{self.title} ({self.id})"

    @property
    def bounds(self) -> tuple[int | None, int | None]:
        """Lowest and highest answer a number question takes (None: no limit that side).

        A percentage is always within 0 to 100, whatever min and max say.
        """
        if self.type == "percent":
            low, high = max(self.min or 0, 0), min(100 if self.max is None else self.max, 100)
            return low, high
        if self.type == "integer":
            return self.min, self.max
        return None, None

    def range_words(self) -> str:
        """A number question's bounds in words: 'from 0 to 50', '0 or more', 'up to 9', ''."""
        return range_words(*self.bounds)

    def domain_words(self) -> str:
        """What the question takes, in plain words ('whole number from 0 to 50')."""
        if self.type == "choice":
            return "one of: " + "; ".join(f"{key} ({label})" for key, label in self.options.items())
        if self.type in ("integer", "percent"):
            noun = "whole number" if self.type == "integer" else "percentage"
            bounds = self.range_words()
            if not bounds:
                return f"any {noun}"
            return f"{noun}, {bounds}" if bounds.endswith("or more") else f"{noun} {bounds}"
        if self.type == "text" and self.max_length:
            return f"text, at most {self.max_length} characters"
        return {"yes_no": "yes or no", "date": "date written YYYY-MM-DD", "text": "text"}[self.type]


def range_words(low: int | None, high: int | None) -> str:
    """Bounds in words: 'from 0 to 50', '0 or more', 'up to 9', '' (none)."""
    if low is not None and high is not None:
        return f"from {low} to {high}"
    if low is not None:
        return f"{low} or more"
    return f"up to {high}" if high is not None else ""


@frozen
class Section:
    id: str
    title: str
    help: str
    questions: tuple[Question, ...]


@frozen
class Questionnaire:
    version: int
    sections: tuple[Section, ...]
    questions: dict[str, Question]  # asked and derived, by id
    source: str = ""

    @property
    def asked(self) -> list[Question]:
        return list(self.in_form_order)

    @property
    def derived(self) -> list[Question]:
        return list(self.derived_facts)

    @cached_property
    def in_form_order(self) -> tuple[Question, ...]:
        """The asked questions, in form order (worked out once: every evaluation reads them)."""
        return tuple(q for s in self.sections for q in s.questions)

    @cached_property
    def asked_if(self) -> tuple[tuple[str, ...], tuple[tuple[str, Any], ...]]:
        """(the asked questions' ids in form order, (id, its ask_if compiled) of each with an
        ask_if): what every evaluation reads to find the relevant answers (forms/case.py
        relevant_from)."""
        return (tuple(q.id for q in self.in_form_order),
                tuple((q.id, conditions.compiled(q.ask_if)) for q in self.in_form_order
                      if q.ask_if is not None))

    @cached_property
    def required(self) -> tuple[Question, ...]:
        """The asked questions that must be answered, in form order (worked out once)."""
        return tuple(q for q in self.in_form_order if q.required)

    @cached_property
    def required_ids(self) -> frozenset[str]:
        """The required questions' ids: a case answering them all misses none (one set test)."""
        return frozenset(q.id for q in self.required)

    @cached_property
    def derived_facts(self) -> tuple[Question, ...]:
        """The questions derived from others (worked out once)."""
        return tuple(q for q in self.questions.values() if q.derived_from)

    def bounds_of(self, question_id: str) -> tuple[int | None, int | None]:
        """What a number answer can be, a derived one too: the days from one date to another
        that may not come before it (a review after the assessment) are 0 or more."""
        question = self.questions[question_id]
        if question.derived_from and question.derived_from[0] == "days_between":
            first, second = question.derived_from[1]
            later = self.questions.get(second)
            return (later.min_days_after if later is not None and later.not_before == first else None), None
        return question.bounds

    def describe(self, cond: Any) -> str:
        """A condition in words as the form asks it: each question by its title, each choice
        by its option's label (“Experienced Product Directors”, not experienced_pds)."""
        return conditions.describe(cond, self.titles(), self.value_words)

    def value_words(self, question_id: str, value: Any) -> str:
        """One value of a question in words: a choice's option label, quoted; yes or no."""
        question = self.questions.get(question_id)
        if question is not None and question.options and isinstance(value, str) and value in question.options:
            return f"\u201c{question.options[value]}\u201d"
        return conditions.value_words(value)

    def titles(self) -> dict[str, str]:
        return {q.id: q.title for q in self.questions.values()}

    def with_relevance(self, overrides: dict[str, Any]) -> Questionnaire:
        """A copy whose questions' ask_if is replaced (client packs do this)."""
        return self._with_changed({qid: {"ask_if": cond} for qid, cond in overrides.items()})

    def with_words(self, words: dict[str, dict[str, Any]]) -> Questionnaire:
        """A copy with questions' title, help or option labels replaced (client packs do this)."""
        return self._with_changed({qid: _worded(self.questions[qid], w) for qid, w in words.items()
                                   if qid in self.questions})

    def _with_changed(self, changes: dict[str, dict[str, Any]]) -> Questionnaire:
        """A copy in which the named questions take the given field values."""
        sections = tuple(
            Section(s.id, s.title, s.help, tuple(
                _replace(q, **changes[q.id]) if q.id in changes else q for q in s.questions))
            for s in self.sections)
        questions = dict(self.questions)
        for s in sections:
            for q in s.questions:
                questions[q.id] = q
        return Questionnaire(self.version, sections, questions, self.source)


def _worded(question: Question, words: dict[str, Any]) -> dict[str, Any]:
    changes = {k: v for k, v in words.items() if k in ("title", "help") and v is not None}
    if words.get("options"):
        changes["options"] = {**question.options, **words["options"]}
    return changes


def _replace(question: Question, **changes) -> Question:
    from dataclasses import replace
    return replace(question, **changes)


DERIVATIONS = ("days_between", "any_true")
NOT_KNOWN = "not known"  # how case files, records and drafts write a "Not known" answer


CURRENT_VERSION = 4
# Earlier versions, kept so records and packs made with them replay exactly.
_ARCHIVED = {1: "archive/questionnaire-v1.yaml", 2: "archive/questionnaire-v2.yaml",
             3: "archive/questionnaire-v3.yaml"}


@lru_cache(maxsize=1)
def default_questionnaire() -> Questionnaire:
    """The questionnaire shipped with LeadFit."""
    return questionnaire_version(CURRENT_VERSION)


@lru_cache(maxsize=4)
def questionnaire_version(version: int) -> Questionnaire:
    """The shipped questionnaire of that version (the current one or an archived one)."""
    name = "questionnaire.yaml" if version == CURRENT_VERSION else _ARCHIVED.get(version)
    if name is None:
        raise PackError([Problem(f"there is no questionnaire version {version}; known: "
                                 + ", ".join(map(str, known_versions())), "questionnaire")])
    return load_questionnaire(package_folder("leadfit.forms") / name, display=f"forms/{name}")


def known_versions() -> list[int]:
    return sorted([*_ARCHIVED, CURRENT_VERSION])


# What a questionnaire is made of, as leadfit/objcache.py keeps it (and a compiled pack).
CLASSES: dict[str, type] = {c.__name__: c for c in (
    Question, Section, Questionnaire, conditions.Compare, conditions.Member, conditions.Never,
    conditions.Answered, conditions.Unanswered, conditions.Group)}
_FORMAT = "leadfit-questionnaire-1"


def load_questionnaire(path: Path, display: str | None = None) -> Questionnaire:
    """The questionnaire in ``path``, checked; one read before from the same text by the same
    code comes back kept (leadfit/objcache.py), without its schema or checks (issue 15)."""
    name = display or str(path)
    text = read_text_file(path, display)
    key = objcache.key_of(_FORMAT, [name, text])
    kept = objcache.lookup(key, _FORMAT, lambda: CLASSES)
    if isinstance(kept, Questionnaire):
        return kept
    from leadfit.datafiles import parse_model
    from leadfit.forms.questionnaire_spec import QuestionnaireSpec
    located = load_text(text, name, cached=True)
    questionnaire = _build(parse_model(QuestionnaireSpec, located), located)
    objcache.store(key, _FORMAT, questionnaire, lambda: CLASSES)
    return questionnaire


def _build(spec: QuestionnaireSpec, located: LocatedData) -> Questionnaire:
    problems: list[Problem] = []
    questions: dict[str, Question] = {}
    for si, sec in enumerate(spec.sections):
        for qi, q in enumerate(sec.questions):
            where = located.line_of(("sections", si, "questions", qi))
            problems += _check_question(q, questions, located.file, where)
            questions[q.id] = Question(
                q.id, q.title, q.type, sec.id, q.help, tuple(q.informs), q.required,
                q.min, q.max, q.max_length, dict(q.options or {}), not_before=q.not_before,
                min_days_after=q.min_days_after)
    for si, sec in enumerate(spec.sections):  # v4: a date may follow one asked later in the form
        for qi, q in enumerate(sec.questions):
            problems += _check_order(q, questions, located.file,
                                     located.line_of(("sections", si, "questions", qi)))
    for di, d in enumerate(spec.derived):
        where = located.line_of(("derived", di))
        (how, sources), = d.from_.items() if len(d.from_) == 1 else ((None, []),)
        if how not in DERIVATIONS or any(s not in questions for s in sources):
            problems.append(Problem(
                f"derived '{d.id}': 'from' takes one of {', '.join(DERIVATIONS)} with known question ids",
                located.file, where))
            continue
        questions[d.id] = Question(d.id, d.title, d.type, "derived", informs=tuple(d.informs),
                                   required=False, derived_from=(how, tuple(sources)))
    sections = []
    for si, sec in enumerate(spec.sections):
        built = []
        for qi, q in enumerate(sec.questions):
            ask_if = None
            if q.ask_if is not None:
                try:
                    ask_if = conditions.parse(q.ask_if, questions)
                except conditions.ConditionProblem as exc:
                    base = ("sections", si, "questions", qi, "ask_if")
                    problems += [Problem(one.message, located.file, located.line_of(base + one.path))
                                 for one in exc.each()]
            built.append(_replace(questions[q.id], ask_if=ask_if))
            questions[q.id] = built[-1]
        sections.append(Section(sec.id, sec.title, sec.help, tuple(built)))
    problems += _mark_kinds(spec, questions, sections, located)
    if problems:
        raise PackError(problems)
    return Questionnaire(spec.version, tuple(sections), questions, located.file)


# "Not known" is for what a person may honestly not know: never names, roles or dates.
_UNKNOWABLE_TYPES = ("yes_no", "integer", "percent", "choice")


def _mark_kinds(spec: QuestionnaireSpec, questions: dict, sections: list, located) -> list[Problem]:
    """Apply the not_known and levers blocks to the questions they name."""
    problems = []
    for key, ids in (("not_known", spec.not_known), ("levers", spec.levers)):
        for index, qid in enumerate(ids):
            question = questions.get(qid)
            where = located.line_of((key, index))
            if question is None:
                problems.append(Problem(f"{key}: unknown question '{qid}'"
                                        f"{conditions.did_you_mean(qid, questions)}", located.file, where))
            elif key == "not_known" and (question.type not in _UNKNOWABLE_TYPES or question.derived_from):
                problems.append(Problem(
                    f"not_known: '{qid}' is a {question.type} question; only "
                    + ", ".join(_UNKNOWABLE_TYPES) + " questions may be answered 'not known'",
                    located.file, where))
    unknown, levers = set(spec.not_known), set(spec.levers)
    for question in list(questions.values()):
        for option in question.options:
            if option.strip().lower() == NOT_KNOWN:
                problems.append(Problem(f"'{question.id}': option '{option}' is the word for an"
                                        " unknown answer; name it otherwise", located.file))
        sources = question.derived_from[1] if question.derived_from else ()
        lever = question.id in levers or bool(sources) and all(s in levers for s in sources)
        questions[question.id] = _replace(question, may_be_unknown=question.id in unknown, lever=lever)
    for si, sec in enumerate(sections):
        sections[si] = Section(sec.id, sec.title, sec.help, tuple(questions[q.id] for q in sec.questions))
    return problems


def _check_question(q: QuestionSpec, seen: dict, file: str, line: int | None) -> list[Problem]:
    problems = []
    if q.id in seen:
        problems.append(Problem(f"question id '{q.id}' is used twice", file, line))
    if q.type == "choice" and not q.options:
        problems.append(Problem(f"choice question '{q.id}' needs 'options'", file, line))
    if q.type != "choice" and q.options:
        problems.append(Problem(f"only choice questions take 'options' ('{q.id}' is {q.type})", file, line))
    if q.min is not None and q.max is not None and q.min > q.max:
        problems.append(Problem(f"'{q.id}': min is greater than max", file, line))
    return problems


def _check_order(q: QuestionSpec, questions: dict, file: str, line: int | None) -> list[Problem]:
    """not_before names another date question of this questionnaire; min_days_after needs it."""
    if q.not_before is None:
        return [] if not q.min_days_after else [Problem(
            f"'{q.id}': min_days_after needs not_before (the date it counts from)", file, line)]
    other = questions.get(q.not_before)
    if q.type != "date" or other is None or other.type != "date" or q.not_before == q.id:
        return [Problem(f"'{q.id}': not_before names another date question; got '{q.not_before}'",
                        file, line)]
    if q.min_days_after < 0:
        return [Problem(f"'{q.id}': min_days_after is a number of days, 0 or more", file, line)]
    return []
