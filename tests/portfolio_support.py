"""A register of six value streams, each decided and signed from a pack scenario.

Each stream states, beside its scenario, who leads it as the article would count it
(an experienced Product Director, or an executive learning the role) and who mentors
a learner: the tests count those themselves, independently of the portfolio code.
"""

from __future__ import annotations

from dataclasses import dataclass

from leadfit.decisions import service
from leadfit.forms.case import build_case
from leadfit.rules.model.library import default_pack


@dataclass(frozen=True)
class Stream:
    name: str
    scenario: str         # the default pack scenario its case comes from
    decision: str
    experienced: bool     # the article's count: does an experienced PD lead it?
    mentor: str = ""      # who mentors a learner ('' for an experienced lead)
    changes: tuple = ()   # answers changed from the scenario
    plan: tuple = ()      # (mitigation, owner) agreed


SIX = (
    Stream("Mortgages", "ready candidate is appointed", "appoint", True),
    Stream("Payments", "gaps too wide to close in time", "hire_external", True),
    Stream("Savings", "a learner with two years", "coach", False, "the CPO"),
    Stream("Insurance", "outside coach instead of a CPO", "coach", False, "an outside coach"),
    Stream("Business banking", "learner not interviewed", "coach", False, "Sam Lee",
           plan=(("M7", "Sam Lee"),)),
    Stream("Wealth", "sponsors do not understand the mechanics", "coach", False, "the CPO"),
)


def scenario_answers(name: str, **changes) -> dict:
    pack = default_pack()
    found = next(s for s in pack.scenarios if s.name == name)
    return {**found.answers, **changes}


def case_for(stream: Stream, **changes):
    answers = scenario_answers(stream.scenario, **dict(stream.changes), **changes)
    answers["stream.name"] = stream.name
    answers["candidate.name"] = f"Lead of {stream.name}"
    return build_case(answers, default_pack().questionnaire)


def sign_both(reg, ref: str):
    service.sign(reg, ref, name="Dana Decider", role="decision_maker")
    return service.sign(reg, ref, name="Harper Hr", role="hr")


def decide_stream(reg, stream: Stream, **changes):
    kw = {"decision": stream.decision}
    if stream.decision == "coach":
        kw.update(conditions="Monthly review with the mentor", plan_later=True,
                  plan={m: (owner, None) for m, owner in stream.plan} or None)
    record = service.decide(reg, case_for(stream, **changes), default_pack(), **kw)
    return sign_both(reg, record.ref)


def fill(reg, streams=SIX) -> list:
    return [decide_stream(reg, s) for s in streams]
