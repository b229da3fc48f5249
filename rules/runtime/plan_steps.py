"""A semantics-2 plan read off the fired rules as bits (rules/runtime/judgement.py).

Which steps a plan holds, and who asks for each, is fixed per step: the fired rules asking
for it (``mitigation``), those making it due first (``precondition``) and the outcome's own
requirement. So a case's plan is one pass over the pack's step IDs, in ID order, each an AND
or two; each step is made once per pack for its askers and words (``SharedParts``), and what
depends on the outcome and the rules rewording steps or ruling things out is worked out once
per pack for each of those (``_context``). ``Judgement.plan_by_needs`` is the same plan
from the askers as dicts; tests/test_plan_steps.py holds the two equal over generated cases.
"""

from __future__ import annotations

from leadfit.rules.model.assessment import Mitigation

_APPOINTING = ("appoint", "coach")


class StepAskers:
    """One step ID of a pack: the bits of the rules asking for it as a step of the plan and
    as a precondition, and those rules (bit, rule), in pack order."""

    __slots__ = ("id", "plan_bits", "before_bits", "plan_rules", "before_rules")

    def __init__(self, step_id: str):
        self.id = step_id
        self.plan_bits = self.before_bits = 0
        self.plan_rules: list = []
        self.before_rules: list = []


def step_askers(pack, bits: dict[str, int], order_key) -> tuple[StepAskers, ...]:
    """Every step ID the pack's rules or outcomes can ask for, in ID order (once per pack)."""
    steps: dict[str, StepAskers] = {}
    for rule in pack.rules:
        bit = bits[rule.id]
        for action in rule.actions:
            if action.word in ("mitigation", "precondition"):
                step = steps.get(action.value) or steps.setdefault(action.value, StepAskers(action.value))
                if action.word == "mitigation" and not step.plan_bits & bit:
                    step.plan_bits |= bit
                    step.plan_rules.append((bit, rule))
                elif action.word == "precondition" and not step.before_bits & bit:
                    step.before_bits |= bit
                    step.before_rules.append((bit, rule))
    for required in pack.settings.outcome_requires.values():
        for step_id in required:
            steps.setdefault(step_id, StepAskers(step_id))
    return tuple(sorted(steps.values(), key=lambda s: order_key(s.id)))


def plan_of(judgement, outcome: str | None) -> tuple[list[Mitigation], list[Mitigation]]:
    """(the plan, the preconditions) of the judgement's fired rules under ``outcome``, and the
    constraints they state (added to the judgement's): what Judgement.plan_by_needs gives."""
    b = judgement.b
    shared = b.shared
    reword, headline, cannot, allowed, hiring, required = _context(judgement, outcome)
    mask = b.mask
    made = shared.tables["plan step"]
    plan: list[Mitigation] = []
    before: list[Mitigation] = []
    dropped: set[str] = set()
    for step in shared.steps:
        asked, due, req = mask & step.plan_bits, mask & step.before_bits, step.id in required
        if not (asked or due or req):
            continue
        if hiring:  # a hiring plan: the steps due first join it, asked for as the plan asks
            into, kind = plan, ("plan", asked, req) if (asked or req) else ("before", due, False)
        elif due:
            into, kind = before, ("before", due, False)
        else:
            into, kind = plan, ("plan", asked, req)
        if into is plan and allowed is not None and step.id not in allowed:
            continue
        if step.id in cannot:
            dropped.add(step.id)
            continue
        meaning = reword.get(step.id)
        key = (step.id, meaning, headline, *kind)
        found = made.get(key)
        if found is None:
            found = shared.remember(made, key, _made(b, step, kind, outcome, meaning, headline))
        into.append(found)
    for step_id, rule in cannot.items():  # said in the order the rules name them
        if step_id in dropped:
            judgement.constraints.append(
                f"{step_id} {b.cat.title(step_id)} is not in the plan because it cannot happen"
                f" here: {rule.summary}")
    return plan, before


def _made(b, step: StepAskers, kind: tuple, outcome: str | None, meaning: str | None,
          headline: str | None) -> Mitigation:
    which, bits, req = kind
    rules = step.plan_rules if which == "plan" else step.before_rules
    askers: dict = {rule.id: rule for bit, rule in rules if bits & bit}
    if req:
        askers[f"outcome_requires.{outcome}"] = None
    return b._mitigation(step.id, askers, meaning, headline)


def _context(judgement, outcome: str | None) -> tuple:
    """(rewordings, the headline's words, step ID -> the rule saying it cannot happen, the
    steps the outcome allows or None, whether it is a hiring plan, the steps the outcome
    requires): fixed by the outcome and the rules rewording steps, ruling things out or
    making steps due first; once per pack for each."""
    b = judgement.b
    masks = b.masks
    key = (outcome, b.mask & b.shared.reworded, masks.get("unavailable", 0), "precondition" in masks)
    table = b.shared.tables["plan context"]
    found = table.get(key)
    if found is None:
        settings = judgement.settings
        reword: dict[str, str] = {}
        for rule_id in judgement._steps_reworded():
            reword.update(settings.step_words_if[rule_id])
        for blocked in judgement.unavailable_outcomes():  # an outcome that cannot happen rewords last
            reword.update(settings.if_unavailable.get(blocked, {}))
        headline = judgement.title_of(outcome) if outcome and settings.words_version >= 2 else None
        cannot = {v: r for r, v in b.actions("unavailable") if v not in judgement.order}
        allowed = settings.outcome_allows.get(outcome) if outcome else None
        required = frozenset(b.shared.outcome_requires.get(outcome, ())) if outcome is not None else frozenset()
        found = b.shared.remember(table, key, (reword, headline, cannot, allowed,
                                               outcome not in _APPOINTING, required))
    return found
