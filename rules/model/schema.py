"""Strict schemas for rule pack files: unknown keys and loose types refused."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Annotated, Any, Literal, get_args

from leadfit.plain import Plain, check, check_whole

if TYPE_CHECKING:  # read in the annotations by the validator only (leadfit/plain.py)
    from pydantic import Field

Severity = Literal["low", "medium", "high", "critical"]
Outcome = Literal["appoint", "coach", "hire_external"]
Status = Literal["met", "partial", "not_met"]
RULE_ID = r"^[a-z][a-z0-9-]{1,63}$"
# Plain models (leadfit/plain.py): a fresh `leadfit evaluate` reads its pack compiled and
# validates none of these, so it never imports pydantic (issue 15); loading a pack does.
_STRICT: dict[str, Any] = {"strict": True, "extra": "forbid"}


class FindingSpec(Plain):
    plain_config = _STRICT
    id: str
    severity: Severity
    because: list[str] | None = None


class ActionSpec(Plain):
    """Exactly one of the fixed action words."""

    plain_config = _STRICT
    finding: FindingSpec | None = None
    mitigation: str | None = None
    readiness: dict[str, Status] | None = None
    signal: str | None = None
    recommend: Outcome | None = None
    unavailable: str | None = None   # an outcome, or a mitigation the answers say cannot happen
    precondition: str | None = None  # a mitigation due before the appointment
    unverified: list[str] | None = None  # readiness IDs the answers cannot vouch for
    choice: Outcome | None = None    # an open choice: the risk does not raise the outcome above it
    note: str | None = None          # a sentence the rationale must carry

    @check_whole
    def _one_word(self):
        given = [k for k, v in self.__dict__.items() if v is not None]
        if len(given) != 1:
            raise ValueError("an action is exactly one of: " + ", ".join(ACTION_WORDS)
                             + f" (found {len(given)})")
        return self

    @property
    def word(self) -> str:
        return next(k for k, v in self.__dict__.items() if v is not None)


ACTION_WORDS = ("finding", "mitigation", "readiness", "signal", "recommend", "unavailable",
                "precondition", "unverified", "choice", "note")


class RuleSpec(Plain):
    plain_config = _STRICT
    id: Annotated[str, Field(pattern=RULE_ID)]
    summary: str
    when: dict[str, Any]
    then: Annotated[list[ActionSpec], Field(min_length=1)]


class RulesFileSpec(Plain):
    plain_config = _STRICT
    rules: list[RuleSpec]


class WordingSpec(Plain):
    plain_config = _STRICT
    title: str | None = None
    meaning: str | None = None


class OverrideSpec(Plain):
    """Changes a client pack makes to one rule of the pack it extends."""

    plain_config = _STRICT
    summary: str | None = None
    when: dict[str, Any] | None = None
    then: list[ActionSpec] | None = None
    severity: Severity | None = None


class QuestionWordsSpec(Plain):
    """A pack's words for one question: its title, help and option labels, never its meaning.

    ``id`` and ``type`` are accepted only so that changing them is refused by name.
    """

    plain_config = _STRICT
    title: str | None = None
    help: str | None = None
    options: dict[str, str] | None = None
    type: str | None = None
    id: str | None = None


class PackSpec(Plain):
    plain_config = _STRICT
    name: Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]{0,63}$")]
    version: Annotated[str, Field(pattern=r"^\d+(\.\d+){0,2}$")]
    title: str = ""
    description: str = ""
    extends: Annotated[str | None, Field(pattern=r"^[a-z][a-z0-9-]{0,63}@\d+(\.\d+){0,2}$")] = None
    outcomes: list[Outcome] = ["appoint", "coach", "hire_external"]
    fallback: Outcome = "coach"
    severities: dict[Severity, int] = {"low": 1, "medium": 3, "high": 6, "critical": 10}
    risk_bands: dict[Severity, int] = {"low": 0, "medium": 3, "high": 9, "critical": 16}
    outcome_requires: dict[Outcome, list[str]] = {}
    signoff_roles: list[str] = ["decision_maker", "hr"]
    wording: dict[str, WordingSpec] = {}
    # question id -> ask_if condition, or "never" (not asked) / "always" (asked)
    relevance: dict[str, dict[str, Any] | Literal["never", "always"]] = {}
    disable: list[str] = []
    override: dict[str, OverrideSpec] = {}
    # Judgement settings (semantics 2; docs/judgement.md). Absent, a pack means what it always did.
    semantics: Literal[1, 2] = 1
    questionnaire: int | None = None        # its version; None: the current one
    parameters: dict[str, Any] = {}         # named thresholds, used as {param: name}
    risk_outcomes: dict[Severity, Outcome] = {}   # risk level -> the least outcome it allows
    outcome_allows: dict[Outcome, list[str]] = {}  # the only mitigations an outcome's plan carries
    outcome_notes: dict[Outcome, str] = {}  # what every assessment with that outcome says
    if_unavailable: dict[Outcome, dict[str, str]] = {}  # outcome not possible: how steps read
    questions: dict[str, QuestionWordsSpec] = {}  # a question's title, help, option labels
    # lever -> the answers a change may move it to and still be advice (a lever); a change to
    # any other answer takes support or an option away: a circumstance (a fact), never advice
    lever_values: dict[str, list[Any]] = {}
    # Where the outcome depends on answers not known, the risk shown beside the (most cautious)
    # recommendation: "known" scores only what is known; "allowed_for" is the risk of the case
    # the recommendation allows for, so a hire never stands beside a milder risk (2.3);
    # "worst_allowed_for" the riskiest such case, so a stricter pack never shows a milder one (2.6)
    unknowns_risk: Literal["known", "allowed_for", "worst_allowed_for"] = "known"
    # outcome -> {step: title}: what the outcome is called where that step cannot happen here,
    # so a headline never promises it ("Appoint with coaching" with no one to coach; 2.3)
    titles_if_unavailable: dict[Outcome, dict[str, str]] = {}
    # outcome -> its title where steps come before the appointment (preconditions): an
    # appointment that stands on them is not called a plain one ("Appoint on conditions"; 2.4)
    titles_if_preconditions: dict[Outcome, str] = {}
    # outcome that cannot happen -> the headline where the fallback is taken in its place: "{outcome}"
    # is the fallback's title, so the headline says what was advised and what follows (2.6)
    titles_if_fallback: dict[Outcome, str] = {}
    # rule id -> {step: how it reads}: where that rule fires, the answers say the step is done,
    # so the plan says so rather than ask for it ("the trade-offs have been stated"; 2.4)
    step_words_if: dict[str, dict[str, str]] = {}
    # Finding IDs that weigh in the risk shown but never raise the outcome by adding up: a
    # selection step not yet taken is a step before the appointment, not a reason to rule the
    # candidate out (2.4)
    compounding_leaves_out: list[str] = []
    # finding ID -> its title as a finding, where the ID is a mitigation: a finding says what is
    # wrong ("Not interviewed as an outsider would be"), not the step that answers it (2.4)
    finding_titles: dict[str, str] = {}
    # Where the outcome depends on answers not known, the headline: "{outcome}" is the cautious
    # outcome's title, so finding out leads and the outcome stays beneath it (2.4)
    title_if_depends: str = ""
    # How reasons are worded: 2 (2.4) names an outcome as its headline does in a step's reason,
    # and says why not a milder outcome where the failure modes add up; 3 (2.5) the words an
    # executive reads after the third domain reader (docs/judgement.md). 1 keeps older records' words.
    # 4 (2.6): words new in 2.6 (leadfit/words.py left_out_words), so 2.5's records keep theirs.
    # 5 (2.7): a rule's note resting on steps before the appointment is not said beside a hire.
    # 6 (2.8): a milder outcome reached only by taking support or the option to hire away is not
    # listed as a change that would reach it (rules/runtime/explain.py).
    # 7 (2.9): the fifth domain reader's words (leadfit/words/, docs/judgement.md "Words 7").
    words_version: Literal[1, 2, 3, 4, 5, 6, 7] = 1
    # How answers not known are judged: 1 compares only the outcome each answer leads to and
    # finds each one out in the interview (M3); 2 (2.7) compares the steps before the
    # appointment too (the capable candidate whose share is not known, with no plan, was
    # "Appoint whatever the share"), and finds out in the interview only what the candidate
    # can say. 3 (2.8): a hire that holds whatever the answers not known are lists no interview
    # to find them out: the candidate does not lead, so nothing they could say changes it.
    # 1 keeps older records as they were.
    unknowns_version: Literal[1, 2, 3] = 1


    # Settings that would make records unsignable or outcomes disordered are errors.
    @check("outcomes")
    def _outcomes_mildest_first(cls, value: list[str]) -> list[str]:
        order = list(get_args(Outcome))
        if not value or len(set(value)) != len(value) or value != sorted(value, key=order.index):
            raise ValueError("outcomes must be listed once each, mildest first, as in"
                             f" {', '.join(order)} (the strongest matching outcome wins)")
        return value

    @check("signoff_roles")
    def _someone_signs(cls, value: list[str]) -> list[str]:
        if not value or len(set(value)) != len(value) or not all(
                re.fullmatch(r"[a-z][a-z0-9_]{0,31}", r) for r in value):
            raise ValueError("signoff_roles must name at least one role, each once, in"
                             " lower-case words joined by _ (e.g. decision_maker, hr):"
                             " a record nobody can sign never becomes final")
        return value

    @check("severities", "risk_bands")
    def _rising_from_zero(cls, value: dict[str, int]) -> dict[str, int]:
        order = [s for s in get_args(Severity) if s in value]
        numbers = [value[s] for s in order]
        if any(n < 0 for n in numbers) or numbers != sorted(numbers) or len(set(numbers)) != len(numbers):
            raise ValueError("must be zero or more and rise from low to critical, e.g."
                             " {low: 1, medium: 3, high: 6, critical: 10}")
        return value



# Settings added after the first pack format; left at their defaults they are not part
# of a pack's fingerprint, so packs and records made before them keep theirs.
LATER_SETTINGS = ("semantics", "questionnaire", "parameters", "risk_outcomes", "outcome_allows",
                  "outcome_notes", "if_unavailable", "questions", "lever_values",
                  "unknowns_risk", "titles_if_unavailable", "compounding_leaves_out",
                  "finding_titles", "title_if_depends", "words_version", "titles_if_preconditions",
                  "step_words_if", "titles_if_fallback", "unknowns_version")


class ExpectSpec(Plain):
    plain_config = _STRICT
    outcome: Outcome | None
    includes: list[str] = []
    excludes: list[str] = []
    missing: list[str] = []
    # answers "not known": what the recommendation does with them, as evaluate says it
    # ("The recommendation holds whatever ..." or "It depends on ...")
    unknowns: str | None = None


class ScenarioSpec(Plain):
    plain_config = _STRICT
    name: str
    description: str = ""        # why: the article's sentence it tests, and the prediction
    like: str | None = None      # an earlier scenario whose answers this one starts from
    answers: dict[str, Any] = {}  # with 'like': only the answers that differ
    expect: ExpectSpec


class ScenariosFileSpec(Plain):
    plain_config = _STRICT
    scenarios: list[ScenarioSpec]
