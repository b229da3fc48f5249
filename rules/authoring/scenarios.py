"""Run a pack's scenarios: each is a case with the outcome and IDs it must give.

A client pack's scenarios are its own plus every scenario of the pack it
extends whose name it does not reuse (rules/model/layers.py): a scenario with the
same name as a base scenario replaces it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from leadfit.errors import InputError
from leadfit.forms.case import build_case
from leadfit.rules.runtime.assess import evaluate
from leadfit.rules.model.pack import Pack, Scenario
from leadfit.words import outcome_short_words


@dataclass(frozen=True)
class ScenarioResult:
    scenario: Scenario
    expected_outcome: str | None
    actual_outcome: str | None
    missing_ids: list[str] = field(default_factory=list)     # expected to appear, absent
    unwanted_ids: list[str] = field(default_factory=list)    # expected absent, present
    missing_answers: list[str] = field(default_factory=list)  # expected missing, not reported
    error: str | None = None
    raised: list[str] = field(default_factory=list)          # every ID the case raised
    unknowns_said: str | None = None                         # set when it differs from expect

    @property
    def passed(self) -> bool:
        return (self.error is None and self.expected_outcome == self.actual_outcome
                and not self.missing_ids and not self.unwanted_ids and not self.missing_answers
                and self.unknowns_said is None)

    def report(self) -> str:
        """What differed, in words a pack author can act on."""
        s = self.scenario
        lines = [f"scenario '{s.name}' ({s.file}:{s.line}, {s.layer})"]
        if self.error:
            lines.append(f"  the case itself is invalid: {self.error}")
            return "\n".join(lines)
        if self.expected_outcome != self.actual_outcome:
            lines.append(f"  outcome: expected {outcome_short_words(self.expected_outcome)},"
                         f" got {outcome_short_words(self.actual_outcome)}")
        if self.missing_ids:
            lines.append("  expected IDs not raised: " + ", ".join(self.missing_ids))
        if self.unwanted_ids:
            lines.append("  IDs raised that must not be: " + ", ".join(self.unwanted_ids))
        if self.missing_answers:
            lines.append("  expected missing answers not reported: " + ", ".join(self.missing_answers))
        if self.unknowns_said is not None:
            lines.append(f"  not known answers: expected \"{self.scenario.expect.unknowns}\","
                         f" got \"{self.unknowns_said}\"")
        if self.raised:
            lines.append("  IDs it raised: " + ", ".join(self.raised))
        return "\n".join(lines)


def run_scenario(pack: Pack, scenario: Scenario) -> ScenarioResult:
    expect = scenario.expect
    try:
        case = build_case(scenario.answers, pack.questionnaire, source=scenario.file)
    except InputError as exc:
        return ScenarioResult(scenario, expect.outcome, None, error=str(exc))
    assessment = evaluate(case, pack)
    cited = assessment.cited_ids()
    reported = {m.question for m in assessment.missing}
    return ScenarioResult(
        scenario, expect.outcome, assessment.outcome,
        missing_ids=[i for i in expect.includes if i not in cited],
        unwanted_ids=[i for i in expect.excludes if i in cited],
        missing_answers=[q for q in expect.missing if q not in reported],
        raised=sorted(cited, key=lambda i: (i[0], int(i[1:]) if i[1:].isdigit() else 0)),
        # the words are the pack's own: a client pack's wording and rules may say it otherwise
        unknowns_said=_unknowns_differ(expect.unknowns, assessment) if scenario.layer in (
            "", pack.label) else None,
    )


def _unknowns_differ(expected: str | None, assessment) -> str | None:
    """What the assessment says about unknown answers, when a scenario expects otherwise."""
    if expected is None:
        return None
    said = assessment.unknowns.summary if assessment.unknowns else "(no answer is not known)"
    return None if " ".join(expected.split()) == " ".join(said.split()) else said


def run_all(pack: Pack) -> list[ScenarioResult]:
    return [run_scenario(pack, s) for s in pack.scenarios]
