"""Several candidates for one stream, side by side, read against an experienced external
Product Director (the article's M2-M4: look for experienced people, interview insiders
as outsiders would be, choose on aptitude).

Each candidate and the reference profile are assessed by the engine of record under one
pack, with their nearest changes (rules/explain.py). The reference profile is data
(reference/experienced-pd.yaml): the answers about the person and how they were chosen;
the stream's and the organisation's answers are the candidates' own, so the benchmark is
the same stream led by someone who has done the job before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from leadfit.decisions.record import Considered
from leadfit.errors import InputError, PackError, Problem
from leadfit.forms.case import Case, build_case
from leadfit.forms.unanswered import unanswered_informing
from leadfit.rules.runtime.assess import evaluate
from leadfit.rules.model.assessment import Assessment
from leadfit.rules.runtime.explain import evaluate_explained
from leadfit.rules.model.pack import Pack
from leadfit.yamlsafe import load_file

FEWEST, MOST = 2, 6
REFERENCE_FILE = Path(__file__).with_name("reference") / "experienced-pd.yaml"
NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


class ComparisonError(InputError):
    """Candidates that cannot be compared: too few, too many, other streams, unreadable."""


@dataclass(frozen=True)
class Candidate:
    """One column of the comparison: who, where their answers came from, what the pack said."""

    name: str
    source: str            # in words: a file name, "the current case", a record
    case: Case
    assessment: Assessment
    reference: bool = False
    # {idea id: titles of its asked questions left blank} (forms/unanswered.py): a mark
    # resting on one is said 'not answered' side by side, as the main window says it
    unanswered: dict[str, list[str]] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Comparison:
    stream: str
    candidates: tuple[Candidate, ...]
    reference: Candidate

    @property
    def columns(self) -> tuple[Candidate, ...]:
        """The candidates, then the benchmark, as they are shown side by side."""
        return (*self.candidates, self.reference)

    def considered(self, chosen: str) -> list[Considered]:
        """The other candidates, as the record of the one ``chosen`` names them."""
        if chosen not in {c.name for c in self.candidates}:
            raise ComparisonError(f"'{chosen}' is not one of the candidates compared")
        return [considered_entry(c.name, c.assessment)
                for c in self.candidates if c.name != chosen]


def considered_entry(name: str, a: Assessment) -> Considered:
    return Considered(name=name, outcome=a.outcome,
                      outcome_title=a.outcome_title or "No recommendation (answers missing)",
                      risk=a.risk.level)


def compare(named: Sequence[tuple[str, Case]], pack: Pack,
            assess: Callable[[Case, Pack], Assessment] = evaluate_explained) -> Comparison:
    """Assess each (source, case) and the reference profile side by side; raise
    ComparisonError naming every problem (count, streams, names) before any work."""
    stream = check_candidates(named, pack)
    def blank(case: Case) -> dict[str, list[str]]:
        return unanswered_informing(case, pack.questionnaire)

    candidates = tuple(Candidate(name_of(case), source, case, assess(case, pack),
                                 unanswered=blank(case)) for source, case in named)
    ref_case = reference_case(pack, named[0][1])
    reference = Candidate(name_of(ref_case), "the reference profile shipped with LeadFit",
                          ref_case, assess(ref_case, pack), reference=True,
                          unanswered=blank(ref_case))
    return Comparison(stream, candidates, reference)


def considered_with(chosen: tuple[str, Case], others: Sequence[tuple[str, Case]],
                    pack: Pack) -> list[Considered]:
    """The other candidates a decision on ``chosen`` names, checked as a comparison is
    (one stream, two to six in all, each once) and assessed under the same pack."""
    check_candidates([chosen, *others], pack)
    return [considered_entry(name_of(case), evaluate(case, pack)) for _, case in others]


def check_candidates(named: Sequence[tuple[str, Case]], pack: Pack, counting: bool = True) -> str:
    """The stream they are all for; every reason they cannot be compared, at once
    (``counting`` False: not yet whether there are enough, for a list still being built)."""
    problems = count_problems(len(named)) if counting else []
    streams: dict[str, list[str]] = {}
    names: dict[str, list[str]] = {}
    for source, case in named:
        stream, name = stream_of(case), name_of(case)
        if not stream:
            problems.append(Problem("names no value stream (the stream's name is not answered)",
                                    source))
        else:
            streams.setdefault(_key(stream), []).append(source)
        if not name:
            problems.append(Problem("names no candidate (the candidate's name is not answered)",
                                    source))
        else:
            names.setdefault(_key(name), []).append(source)
    if len(streams) > 1:
        problems.append(Problem(
            "the candidates are for different value streams: "
            + "; ".join(f"'{_stream_in(named, key)}' ({', '.join(found)})"
                        for key, found in streams.items())
            + ". Compare the candidates for one stream at a time"))
    for key, sources in names.items():
        if len(sources) > 1:
            problems.append(Problem(f"the same candidate, '{_name_in(named, key)}', appears"
                                    f" {_times(len(sources))} ({', '.join(sources)}); give each"
                                    " candidate once"))
    if problems:
        raise ComparisonError(problems)
    return stream_of(named[0][1]) if named else ""


def count_problems(count: int) -> list[Problem]:
    if count < FEWEST:
        return [Problem(f"a comparison needs at least {NUMBER_WORDS[FEWEST]} candidates for one"
                        f" stream; {_count(count)} given")]
    if count > MOST:
        return [Problem(f"at most {NUMBER_WORDS[MOST]} candidates can be compared side by side;"
                        f" {_count(count)} given")]
    return []


def reference_case(pack: Pack, base: Case) -> Case:
    """The reference profile in ``base``'s stream: the profile's answers about the person
    and their selection, every other answer as ``base`` gives it. Profile answers to
    questions the pack does not ask are left out, so a client pack's questionnaire works."""
    profile = reference_answers(pack)
    q = pack.questionnaire
    kept = {k: v for k, v in base.to_data().items()
            if k in q.questions and q.questions[k].section != "candidate" and k not in profile}
    return build_case({**kept, **profile}, q, source=f"{REFERENCE_FILE.name} in this stream")


def reference_answers(pack: Pack) -> dict:
    located = load_file(REFERENCE_FILE)
    data = located.data
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
        raise PackError([Problem("the reference profile needs an 'answers' mapping",
                                 str(REFERENCE_FILE))])
    asked = {q.id for q in pack.questionnaire.asked}
    answers = {k: v for k, v in data["answers"].items() if k in asked}
    try:  # checked on its own too, so a bad profile is blamed on its own lines
        build_case(answers, pack.questionnaire, source=str(REFERENCE_FILE),
                   line_of=lambda key: located.line_of(("answers", key)))
    except InputError as exc:
        raise PackError(exc.problems) from None
    return answers


def stream_of(case: Case) -> str:
    return str(case.answers.get("stream.name", "") or "").strip()


def name_of(case: Case) -> str:
    return str(case.answers.get("candidate.name", "") or "").strip()


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _name_in(named: Sequence[tuple[str, Case]], key: str) -> str:
    return next(name_of(c) for _, c in named if _key(name_of(c)) == key)


def _stream_in(named: Sequence[tuple[str, Case]], key: str) -> str:
    return next(stream_of(c) for _, c in named if _key(stream_of(c)) == key)


def _times(n: int) -> str:
    return "twice" if n == 2 else f"{_count(n)} times"


def _count(n: int) -> str:
    return NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else str(n)
