"""What would change it: every reported change, for every default scenario, is applied
and evaluated again by the engine; and no change of fewer answers leads there."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leadfit.forms.case import build_case
from leadfit.rules.runtime.answer_space import reading
from leadfit.rules.runtime.assess import evaluate
from leadfit.rules.runtime.changes import MAX_CHANGES
from leadfit.rules.runtime.explain import evaluate_explained
from leadfit.rules.model.library import resolve_pack

PACK = resolve_pack(None)
Q = PACK.questionnaire
SCENARIOS = [s for s in PACK.scenarios if s.expect.outcome]


def _explained(scenario):
    case = build_case(scenario.answers, Q)
    return case, evaluate_explained(case, PACK)


def _outcome_after(case, values: dict):
    return evaluate(case.with_answers(values), PACK).outcome


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_each_reported_change_leads_to_its_outcome_and_none_smaller_does(scenario):
    case, a = _explained(scenario)
    assert {alt.outcome for alt in a.alternatives} == set(PACK.settings.outcomes) - {a.outcome}
    for alt in a.alternatives:
        if not alt.nearest:  # too far: the search says so, and no small change gets there
            assert alt.note == f"No change of up to {MAX_CHANGES} answers leads to {alt.title}."
            assert not _smaller_change_reaches(case, alt.outcome, 3)
            continue
        sizes = {len(s.changes) for s in alt.nearest}
        assert len(sizes) == 1  # every one reported is as near as the nearest
        for change_set in alt.nearest + ([alt.levers_only] if alt.levers_only else []):
            values = {c.question: Q.questions[c.question] and _typed(c) for c in change_set.changes}
            assert _outcome_after(case, values) == alt.outcome, change_set.words
        if not any(n.startswith(("The failure modes add up", "Together the findings make the risk"))
                   for n in a.notes):  # the risk raised the outcome (words 2, words 3)
            # Where the risk decides (semantics 2), the search (rules/runtime/changes.py) follows the rules'
            # recommendations, not the risk: what it reports leads there (above) but may not be
            # the smallest change. Known limitation, reported for issue 11.
            assert not _smaller_change_reaches(case, alt.outcome, sizes.pop())
        if alt.levers_only:
            assert all(c.lever for c in alt.levers_only.changes)
            assert any(not c.lever for s in alt.nearest for c in s.changes)


def _typed(change):
    from datetime import date
    question = Q.questions[change.question]
    return date.fromisoformat(change.value) if question.type == "date" else change.value


def _smaller_change_reaches(case, target: str, size: int) -> dict | None:
    """Brute force over every class of every answer an outcome rule reads."""
    space = reading(PACK).regions
    current = {**case.answers}
    for k in range(1, size):
        for qids in itertools.combinations(sorted(space), k):
            for combo in itertools.product(*(space[q] for q in qids)):
                values = {q: r.value for q, r in zip(qids, combo)}
                if any(current.get(q) == v for q, v in values.items()):
                    continue
                if _outcome_after(case, values) == target:
                    return values
    return None


def test_levers_are_preferred_on_a_tie_and_marked():
    # One answer moves this hire to a coached appointment: a CPO to mentor them (a lever)
    # or a fact of the candidate's history; the lever is named first.
    case, a = _explained(next(s for s in SCENARIOS if s.name == "nobody to coach a learner"))
    coach = next(alt for alt in a.alternatives if alt.outcome == "coach")
    assert len(coach.nearest) > 1 and not all(c.lever for s in coach.nearest for c in s.changes)
    assert all(c.lever for c in coach.nearest[0].changes)
    assert "(now no; a lever)" in coach.nearest[0].words


def test_taking_support_away_is_a_fact_not_a_lever():
    # The coach not coming would lead to hiring, but it is no advice (lever_values, 2.1).
    case, a = _explained(next(s for s in SCENARIOS if s.name == "outside coach instead of a CPO"))
    hire = next(alt for alt in a.alternatives if alt.outcome == "hire_external")
    gone = [c for s in hire.nearest for c in s.changes if c.question == "org.coach_available"]
    assert gone and not any(c.lever for c in gone)
    # 2.4: a worse situation is said as one, never as a route to aim for; 2.5 (words 3): as one
    # change that alone would do
    assert ("It would become Hire an experienced Product Director if “Can you bring in an outside"
            " coach?” were no (now yes)") in " ".join(s.words for s in hire.nearest)


def test_changes_are_in_words_only():
    case, a = _explained(next(s for s in SCENARIOS if s.name == "nobody to coach a learner"))
    coach = next(alt for alt in a.alternatives if alt.outcome == "coach")
    assert coach.nearest[0].words == ("Becomes Appoint with coaching if “Is there a CPO who can mentor"
                                      " the candidate?” is yes (now no; a lever)")
    for alt in a.alternatives:
        for text in alt.why_not + [s.words for s in alt.nearest]:
            assert "hire_external" not in text and "org." not in text and "candidate." not in text
            assert not any(r.id in text for r in PACK.rules)


# Every outcome's search tries the same one-answer changes, so each is evaluated once per
# case (rules/runtime/changes.py outcome_with): the kept outcome must be the engine's.
_REGIONS = [(qid, r.value) for qid, regions in reading(PACK).regions.items() for r in regions]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(range(len(SCENARIOS))), st.sampled_from(_REGIONS)),
                min_size=1, max_size=6))
def test_each_change_tried_once_gives_what_evaluating_it_gives(tries):
    """Interleaved cases and repeated changes, as the window's searches make them."""
    from leadfit.rules.runtime.changes import outcome_with
    from leadfit.rules.runtime.unknowns import cautious_outcome
    cases = {}
    for index, (qid, value) in tries + tries[:2]:
        case = cases.setdefault(index, build_case(SCENARIOS[index].answers, Q))
        expected = cautious_outcome(case.with_answers({qid: value}), PACK)
        assert outcome_with(case, PACK, {qid: value}) == expected


def _pack_where_raising_the_stakes_drops_a_hire(tmp_path):
    """The default pack, except that hiring stays possible always and gaps too wide decide
    for hiring only on a stream of high or critical revenue: on a low-revenue stream the
    appetite to develop the executive (a follow-up asked only there) decides instead."""
    import shutil
    from leadfit.rules.model.library import load_pack
    from tests.helpers import DEFAULT_PACK
    folder = tmp_path / "default"
    shutil.copytree(DEFAULT_PACK, folder)
    rules = (folder / "rules.yaml").read_text(encoding="utf-8")
    stakes = ("        - ne: {stream.revenue_impact: low}\n    then:\n      - finding: {id: F3, severity:"
              " critical}\n      - recommend: hire_external\n  - id: gaps-too-wide-no-appetite")
    cannot_hire = "      - signal: R2\n      - unavailable: hire_external\n"
    assert rules.count(stakes) == 1 and rules.count(cannot_hire) == 1
    rules = rules.replace(stakes, stakes.replace("ne: {stream.revenue_impact: low}",
                                                 "in: {stream.revenue_impact: [high, critical]}"))
    (folder / "rules.yaml").write_text(rules.replace(cannot_hire, "      - signal: R2\n"), encoding="utf-8")
    return load_pack(folder)


def test_a_change_that_stops_a_follow_up_being_asked_is_found(tmp_path):
    """Hire, for two reasons: an earlier attempt the executive did not adjust in, and gaps
    too wide with little appetite to develop them. Coaching is two changes away; one of them
    may be the stream's revenue, which stops the appetite being asked (so it no longer counts).
    The search fixed the appetite at today's answer and never tried that pair."""
    from leadfit.rules.runtime.changes import nearest
    from leadfit.rules.runtime.unknowns import cautious_outcome
    pack = _pack_where_raising_the_stakes_drops_a_hire(tmp_path)
    ready = {s.name: s for s in SCENARIOS}["ready candidate is appointed"].answers
    case = build_case({**ready, "stream.revenue_impact": "low", "org.develop_appetite": "low",
                       "candidate.digital_years": 0, "candidate.led_multidisciplinary": False,
                       "candidate.mvp_delivery": "never", "candidate.earlier_attempt": "not_adjusted",
                       "org.tradeoffs_stated": True}, pack.questionnaire)
    assert cautious_outcome(case, pack) == "hire_external"
    space = reading(pack).regions
    reaching = set()  # brute force: every pair of questions some classes of which lead to coach
    for pair in itertools.combinations(sorted(space), 2):
        for combo in itertools.product(*(space[q] for q in pair)):
            values = {q: r.value for q, r in zip(pair, combo)}
            if all(case.answers.get(q) != v for q, v in values.items()) and cautious_outcome(
                    case.with_answers(values), pack) == "coach":
                reaching.add(frozenset(pair))
                break
    assert frozenset({"stream.revenue_impact", "candidate.earlier_attempt"}) in reaching
    found = nearest(case, pack, "coach", most=len(reaching) + 1).found
    assert {frozenset(f.values) for f in found} == reaching
    for f in found:
        assert cautious_outcome(case.with_answers(f.values), pack) == "coach"
