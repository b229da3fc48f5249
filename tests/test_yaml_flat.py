"""A flat file (as case files are) is read line by line, and reads exactly as PyYAML's
strict loader reads it: the same values of the same types, the same lines, the same errors."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leadfit import yamlparse
from leadfit.errors import PackError
from leadfit.forms.questionnaire import default_questionnaire
from tests.test_matcher_oracle import _candidates

KEYS = ["answers", "candidate.name", "a", "b_2", "x.y-z", "yes", "No", "on", "null", "True", "_k",
        "stream.name", "org.assessed_on", "candidate.digital_years", "k1", "k2", "k3", "k4", "k5"]
PLAIN = [  # what a flat line may hold (each still resolved as YAML 1.1 says)
    "1", "01", "012", "0x1F", "0b101", "0o17", "1_000", "1__0", "1e3", "1.5", ".5", "0.", "-.inf",
    ".NaN", "+1", "-3", "+.5", "-_1", "yes", "Yes", "off", "ON", "y", "n", "~", "null", "Null",
    "NULL", "true", "FALSE", "2027-03-03", "2027-13-45", "2027-3-3", "Name 946", "a  b", "x(y)",
    "a/b", "x.y", "(x)", "a; b, c", "a'b\"c", "R&D", "a*b", "wow!", "x|y", "a\\b", "50%", "a [b] {c}",
    "1,000",
    "'quoted'", "'it''s'", "''", "' padded '", "'a # b'", '"dq"', '""',
]
OTHER = [  # what sends a file to the full parse
    "1:20", "C#", "a#b", "~x", "a\x07b", "'a\x07b'", '"a\x07b"', "2001-12-14 21:59:43",
    "2001-12-14t21:59:43.10-05:00", "a b ", '"a\\nb"',
    "'unclosed", "[1, 2]", "{a: 1}", "&x 3", "*x", "!!str 3", "!!int x", "- 1", "-", "a: b",
    "a #c", "#c", "|", ">", "%x", "@x", "`x`", "é", "Ünïcode 名前", "a\tb", "...", "---",
]
SETTINGS = settings(max_examples=400, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


def _typed(data):
    """Data with each value's type beside it (so 1, 1.0 and True are told apart)."""
    if isinstance(data, dict):
        return [(_typed(k), _typed(v)) for k, v in data.items()]
    if isinstance(data, list):
        return [_typed(x) for x in data]
    return (type(data).__name__, repr(data))


def _read(reader, text: str):
    try:
        data, lines = reader(text, "case.yaml")
    except PackError as exc:
        return "error", str(exc)
    return _typed(data), lines


_value = st.one_of(*[st.sampled_from(PLAIN)] * 5, st.sampled_from(OTHER))
_pair = st.tuples(st.sampled_from(KEYS), _value)
_noise = st.sampled_from(["", "# a comment", "  # indented comment", "---", "- item", "  ", "key:"])
_block = st.one_of(
    _pair.map(lambda kv: f"{kv[0]}: {kv[1]}"),
    st.tuples(st.sampled_from(KEYS), st.sampled_from([2, 4]),
              st.lists(st.tuples(_pair, st.sampled_from([0] * 8 + [1, -1])), max_size=5)).map(
        lambda t: "\n".join([f"{t[0]}:"] + [f"{' ' * (t[1] + shift)}{k}: {v}" for (k, v), shift in t[2]])),
)
_text = st.tuples(st.lists(_block, min_size=1, max_size=4), st.lists(_noise, max_size=1),
                  st.integers(0, 4)).map(
    lambda t: "\n".join(t[0][:t[2]] + t[1] + t[0][t[2]:]) + "\n")


def test_a_flat_text_reads_as_pyyaml_reads_it():
    flat = []

    @SETTINGS
    @given(_text)
    def check(text):
        assert _read(yamlparse.parse, text) == _read(yamlparse._composed, text), text
        flat.append(yamlparse._flat(text) is not None)

    check()
    assert sum(flat) >= 40  # the line-by-line reading was compared, often


def test_case_files_as_yaml_writes_them_read_as_pyyaml_reads_them():
    questionnaire = default_questionnaire()
    texts = ["Name 946", "x", "", "yes", "2027-01-01", "12", "Dr. A. Smith-Jones (CPO)"] * 3 + [
        "Ünïcode 名前", "a'b\"c"]
    questions = [(q.id, texts if q.type == "text" else _candidates(q, set())) for q in questionnaire.asked]
    flat = []

    @SETTINGS
    @given(st.binary(min_size=len(questions), max_size=len(questions)), st.booleans())
    def check(picks, unicode):
        answers = {qid: values[pick % len(values)] for (qid, values), pick in zip(questions, picks)
                   if pick < 240}
        text = yaml.safe_dump({"answers": answers}, sort_keys=False, allow_unicode=unicode)
        assert _read(yamlparse.parse, text) == _read(yamlparse._composed, text), text
        flat.append(yamlparse._flat(text) is not None)

    check()
    assert sum(flat) > len(flat) / 2


@pytest.mark.parametrize("text,expected", [
    ("answers:\n  candidate.digital_years: 4\n  org.assessed_on: 2027-04-07\n"
     "  candidate.name: 'yes'\n  org.cpo_available: yes\n",
     {"answers": {"candidate.digital_years": 4, "org.assessed_on": dt.date(2027, 4, 7),
                  "candidate.name": "yes", "org.cpo_available": True}}),
    ("questionnaire: 2\nanswers:\n", {"questionnaire": 2, "answers": None}),
])
def test_a_case_file_is_read_line_by_line(text, expected):
    assert yamlparse._flat(text) is not None  # the fast path took it
    assert yamlparse.parse(text, "case.yaml")[0] == expected


@pytest.mark.parametrize("text,said", [
    ("answers:\n  a: 1\n  a: 2\n", "case.yaml:3: duplicate key 'a'"),
])
def test_a_problem_in_a_flat_file_is_named_at_its_line(text, said):
    with pytest.raises(PackError) as caught:
        yamlparse.parse(text, "case.yaml")
    assert said in str(caught.value)


def test_a_date_that_does_not_exist_is_kept_as_its_text_by_both_readers():
    """Validation names it at its question, beside every other bad field (forms/answers.py)."""
    text = "answers:\n  org.assessed_on: 2027-13-45\n  org.review_date: 2027-02-30\n"
    expected = {"answers": {"org.assessed_on": "2027-13-45", "org.review_date": "2027-02-30"}}
    assert yamlparse._flat(text) == (expected, yamlparse._composed(text, "case.yaml")[1])
    assert yamlparse._composed(text, "case.yaml")[0] == expected
