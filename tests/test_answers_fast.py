"""clean()'s fast path for answers YAML already typed gives exactly what every check gives:
the same typed answer, or the same refusal in the same words."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from leadfit.forms.answers import BadAnswer, checked, clean
from leadfit.forms.questionnaire import default_questionnaire

QUESTIONS = [q for q in default_questionnaire().asked]
VALUES = st.one_of(
    st.booleans(), st.integers(-10**13, 10**13), st.integers(-5, 120),
    st.floats(allow_nan=True, allow_infinity=True), st.floats(-1, 101), st.floats(-1e-3, 1e-3),
    st.dates(), st.datetimes().map(datetime.date), st.datetimes(),
    st.sampled_from(["not known", " Not Known ", "", "yes", "no", "3", "4.5", "2026-11-02"]),
    st.sampled_from(sorted({k for q in QUESTIONS for k in q.options})), st.text(max_size=6), st.none())


def _outcome(fn, question, value):
    try:
        typed = fn(question, value)
        return ("typed", type(typed), typed)
    except BadAnswer as exc:
        return ("refused", str(exc))


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(QUESTIONS), VALUES)
def test_the_fast_path_gives_what_every_check_gives(question, value):
    assert _outcome(clean, question, value) == _outcome(checked, question, value)


def test_typed_answers_are_taken_as_they_are_and_a_bad_one_still_refused():
    q = {x.id: x for x in QUESTIONS}
    assert clean(q["candidate.digital_years"], 3) == 3
    assert clean(q["org.assessed_on"], date(2026, 11, 2)) == date(2026, 11, 2)
    assert _outcome(clean, q["stream.digital_revenue_share"], 101)[0] == "refused"
    assert _outcome(clean, q["stream.revenue_impact"], "huge")[0] == "refused"
