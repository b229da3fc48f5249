"""The plain models (leadfit/plain.py: a case, a pack's settings, an assessment, which a
fresh `leadfit evaluate` builds without importing pydantic) behave as pydantic models of
the same declarations. The twins below are all pydantic, their parts too, so nothing of
the plain path is in the oracle. Over generated data (good, and with wrong values and
unknown keys) validating gives the same value or the same errors; every dump (python,
JSON, with unset, None or default fields left out), copy and comparison is the same; and
real assessments of generated cases dump to the same bytes as their twins."""

from __future__ import annotations

import types
import typing
from datetime import date, datetime
from typing import Any, Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from leadfit import plain
from leadfit.forms import case as case_module
from leadfit.forms.case import build_case
from leadfit.plain import Plain
from leadfit.rules.model import assessment, schema
from leadfit.rules.model.library import default_pack
from leadfit.rules.runtime.explain import evaluate_explained
from tests.test_diff_files import QUESTIONS

SETTINGS = settings(max_examples=40, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow])
MODULES = (assessment, schema, case_module)


def _plain_classes(module) -> list[type[Plain]]:
    return [c for c in vars(module).values() if isinstance(c, type) and issubclass(c, Plain)
            and c.__module__ == module.__name__]


def _twins() -> dict[type, type[BaseModel]]:
    twins: dict[type, type[BaseModel]] = {}
    for module in MODULES:
        names: dict[str, Any] = {}
        for cls in _plain_classes(module):  # in the order declared: parts come first
            twins[cls] = names[cls.__name__] = plain._validator_of(cls, names)
    return twins


TWINS = _twins()
PLAIN_OF = {twin: cls for cls, twin in TWINS.items()}
MODELS = list(TWINS)

WORDS = st.sampled_from(["", "appoint", "coach", "hire_external", "high", "met", "F1", "M3",
                         "default", "2.7", "r-one", "Zoë’s “plan”\n", "never", "always"])
# values JSON writes otherwise than pydantic (1e-05, inf, a datetime) among the usual ones
EDGES = st.sampled_from([1e-05, -2.5e-07, 1e16, 0.1, float("inf"), date(2026, 1, 2),
                         datetime(2026, 1, 2, 3, 4, 5), (1, "a"), {1: "a"}])
SCALAR = st.one_of(st.none(), st.booleans(), st.integers(-3, 300), WORDS, st.text(max_size=3),
                   st.floats(allow_nan=False), EDGES, st.dates(),
                   st.datetimes(max_value=datetime(2100, 1, 1)))
ANY = st.recursive(SCALAR, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.tuples(inner, inner),
    st.dictionaries(WORDS, inner, max_size=2)), max_leaves=5)


def _data(tp: Any) -> st.SearchStrategy:
    """Data of the annotated type (a twin's field), or now and then anything at all."""
    return st.one_of(_typed(tp), ANY) if tp is not Any else ANY


def _typed(tp: Any) -> st.SearchStrategy:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if tp in PLAIN_OF:
        return _model_data(tp)
    if origin is typing.Annotated:
        return _typed(args[0])
    if origin is Literal:
        return st.sampled_from(args)
    if origin in (typing.Union, types.UnionType):
        return st.one_of([_typed(a) for a in args])
    if origin in (list, tuple):
        items = st.lists(_typed(args[0]), max_size=2)
        return items if origin is list else items.map(tuple)
    if origin is dict:
        return st.dictionaries(_typed(args[0]), _typed(args[1]), max_size=2)
    simple = {str: WORDS, int: st.integers(-3, 300), bool: st.booleans(), type(None): st.none(),
              float: st.floats(allow_nan=False), date: st.dates(), Any: ANY}
    return simple.get(tp, ANY)


def _model_data(twin: type[BaseModel]) -> st.SearchStrategy:
    fields = twin.model_fields
    required = {n: _typed(f.annotation) for n, f in fields.items() if f.is_required()}
    optional = {n: _typed(f.annotation) for n, f in fields.items() if not f.is_required()}
    return st.fixed_dictionaries(required, optional=optional)


def _odd(twin: type[BaseModel]) -> st.SearchStrategy:
    """A model's data, sometimes with one field anything at all or one key unknown."""
    good = _model_data(twin)
    names = list(twin.model_fields)
    return st.one_of(good, good, st.tuples(good, st.sampled_from(names + ["no_such_key"]), ANY).map(
        lambda g: {**g[0], g[1]: g[2]}), st.tuples(good, st.sampled_from(names)).map(
        lambda g: {k: v for k, v in g[0].items() if k != g[1]}))


def _attempt(validate, data):
    try:
        return validate(data)
    except ValidationError as exc:
        return exc


def _errors(exc: ValidationError) -> list:
    return [(e["type"], e["loc"], e["msg"]) for e in exc.errors()]


DUMPS = [{}, {"mode": "json"}, {"exclude_unset": True}, {"mode": "json", "exclude_unset": True},
         {"exclude_none": True}, {"mode": "json", "exclude_defaults": True}]


def _same_dumps(got: Plain, want: BaseModel) -> None:
    for options in DUMPS:
        assert got.model_dump(**options) == want.model_dump(**options), options
    for indent in (None, 2):
        assert got.model_dump_json(indent=indent) == want.model_dump_json(indent=indent)
        assert got.model_dump_json(indent=indent, exclude_unset=True) == \
            want.model_dump_json(indent=indent, exclude_unset=True)
    assert got.model_fields_set == want.model_fields_set


def _as_twin(value: Any) -> Any:
    """A plain value as its twin holds it: the same fields, the same ones set."""
    if isinstance(value, Plain):
        return TWINS[type(value)].model_construct(
            _fields_set=set(value.model_fields_set),
            **{k: _as_twin(v) for k, v in value.__dict__.items()})
    if isinstance(value, list):
        return [_as_twin(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_as_twin(v) for v in value)
    if isinstance(value, dict):
        return {k: _as_twin(v) for k, v in value.items()}
    return value


@pytest.mark.parametrize("cls", MODELS, ids=lambda c: c.__name__)
def test_validating_gives_what_the_pydantic_model_gives(cls):
    twin = TWINS[cls]

    @SETTINGS
    @given(_odd(twin), st.data())
    def check(data, more):
        got, want = _attempt(cls.model_validate, data), _attempt(twin.model_validate, data)
        if isinstance(want, ValidationError):
            assert isinstance(got, ValidationError) and _errors(got) == _errors(want)
            return
        assert type(got) is cls and not isinstance(got, ValidationError)
        _same_dumps(got, want)
        assert got == cls.model_validate(data) and _as_twin(got) == want
        assert cls.model_validate_json(got.model_dump_json()) == _as_twin_back(
            twin.model_validate_json(want.model_dump_json()))
        name = more.draw(st.sampled_from(list(twin.model_fields)))
        value = getattr(got, name)
        copied, twin_copied = got.model_copy(update={name: value}), want.model_copy(update={name: _as_twin(value)})
        _same_dumps(copied, twin_copied)
        assert copied == got and got.model_copy() == got and got.model_copy(deep=True) == got
        built = cls.model_construct(**{k: got.__dict__[k] for k in got.model_fields_set})
        assert built == got and built.model_fields_set == got.model_fields_set

    check()


def _as_twin_back(value: Any) -> Any:
    """A twin's value as plain models hold it (for comparing two validations)."""
    if isinstance(value, BaseModel):
        cls = PLAIN_OF[type(value)]
        return cls.model_construct(_fields_set=set(value.model_fields_set),
                                   **{k: _as_twin_back(v) for k, v in value.__dict__.items()})
    if isinstance(value, list):
        return [_as_twin_back(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_as_twin_back(v) for v in value)
    if isinstance(value, dict):
        return {k: _as_twin_back(v) for k, v in value.items()}
    return value


_picks = st.lists(st.integers(0, 255), min_size=len(QUESTIONS), max_size=len(QUESTIONS))


@settings(max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(_picks, st.integers(0, 3))
def test_an_evaluated_assessment_dumps_as_its_pydantic_twin(picks, unknowns):
    pack = default_pack()
    answers = {qid: values[pick % len(values)] for (qid, values), pick in zip(QUESTIONS, picks)
               if pick < 240}
    for qid, _ in QUESTIONS[:unknowns]:
        answers[qid] = "not known"
    try:
        case = build_case(answers, pack.questionnaire)
    except Exception:  # noqa: BLE001  (an answer this question refuses: nothing to assess)
        return
    done = evaluate_explained(case, pack)
    twin = _as_twin(done)
    _same_dumps(done, twin)
    assert done.to_json() == twin.model_dump_json(indent=2)
    assert assessment.Assessment.model_validate_json(done.to_json()) == done
    _same_dumps(case, _as_twin(case))


def test_a_pack_setting_keeps_its_checks_and_a_frozen_model_refuses_a_change():
    with pytest.raises(ValidationError, match="mildest first"):
        schema.PackSpec(name="p", version="1", outcomes=["coach", "appoint"])
    with pytest.raises(ValidationError, match="exactly one of"):
        schema.ActionSpec(mitigation="M1", signal="S1")
    risk = assessment.Risk(level="high", score=7)
    with pytest.raises(AttributeError, match="frozen"):
        risk.score = 3  # type: ignore[misc]
    assert hash(risk) == hash(assessment.Risk(level="high", score=7))
