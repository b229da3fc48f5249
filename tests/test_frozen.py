"""``@frozen`` (leadfit/frozen.py) makes what ``@dataclass(frozen=True)`` makes: for every
class on evaluate's path, over generated arguments (positional, keyword, defaults left out,
one missing, one unknown, one given twice), construction succeeds or fails alike, and
repr, equality, hash, assignment, ``dataclasses.replace`` and pickling agree with a
standard frozen dataclass of the same fields."""

from __future__ import annotations

import dataclasses
import pickle

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leadfit import errors
from leadfit.forms import conditions, questionnaire
from leadfit.rules.model import catalogue, pack
from leadfit.rules.runtime import answer_space, changes, satisfy, summary

MODULES = (errors, conditions, questionnaire, pack, catalogue, answer_space, changes, satisfy, summary)
CLASSES = [c for m in MODULES for c in vars(m).values()
           if isinstance(c, type) and c.__module__ == m.__name__ and dataclasses.is_dataclass(c)
           and c.__init__.__module__ == "leadfit.frozen"]
SETTINGS = settings(max_examples=60, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow])
VALUES = st.one_of(st.none(), st.integers(-3, 3), st.sampled_from(["a", "b", ""]),
                   st.tuples(st.integers(0, 2)), st.lists(st.integers(0, 2), max_size=2))


def _twin(cls: type) -> type:
    """A standard frozen dataclass with the same fields, defaults and flags."""
    body: dict = {"__annotations__": {}, "__qualname__": cls.__qualname__, "__module__": cls.__module__}
    for f in dataclasses.fields(cls):
        body["__annotations__"][f.name] = f.type
        body[f.name] = dataclasses.field(default=f.default, default_factory=f.default_factory,
                                         init=f.init, repr=f.repr, compare=f.compare, hash=f.hash)
    return dataclasses.dataclass(frozen=True)(type(cls.__name__, (), body))


def _made(cls, args, kwargs):
    try:
        return cls(*args, **kwargs)
    except TypeError as exc:
        return exc


def _call(cls):
    fields = [f for f in dataclasses.fields(cls) if f.init]
    names = [f.name for f in fields]
    optional = [f.name for f in fields if f.default is not dataclasses.MISSING
                or f.default_factory is not dataclasses.MISSING]
    return st.tuples(st.lists(VALUES, min_size=len(names), max_size=len(names)),
                     st.integers(0, len(names)), st.sets(st.sampled_from(optional)) if optional
                     else st.just(set()), st.sampled_from(["", "", "", "extra", "twice", "missing"])
                     ).map(lambda g: _arguments(names, *g))


def _arguments(names, values, positional, left_out, odd):
    args = tuple(values[:positional])
    kwargs = {n: v for n, v in zip(names[positional:], values[positional:]) if n not in left_out}
    if odd == "extra":
        kwargs["no_such_field"] = 1
    elif odd == "twice" and positional:
        kwargs[names[0]] = values[0]
    elif odd == "missing" and kwargs:
        kwargs.pop(next(iter(kwargs)))
    return args, kwargs


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__qualname__)
def test_a_frozen_class_behaves_as_its_standard_dataclass(cls):
    twin = _twin(cls)
    assert [(f.name, f.default, f.default_factory, f.compare, f.repr) for f in dataclasses.fields(cls)] == \
        [(f.name, f.default, f.default_factory, f.compare, f.repr) for f in dataclasses.fields(twin)]

    @SETTINGS
    @given(_call(cls), _call(cls))
    def check(one, other):
        ours, theirs = _made(cls, *one), _made(twin, *one)
        if isinstance(theirs, TypeError):
            assert isinstance(ours, TypeError)
            return
        assert not isinstance(ours, TypeError), ours
        assert repr(ours) == repr(theirs)
        assert dataclasses.astuple(ours) == dataclasses.astuple(theirs)
        second, second_twin = _made(cls, *other), _made(twin, *other)
        if not isinstance(second_twin, TypeError):
            assert (ours == second) == (theirs == second_twin)
            assert (ours != second) == (theirs != second_twin)
        assert ours != theirs and ours == _made(cls, *one)  # a twin is another class
        try:
            want = hash(theirs)
        except TypeError:
            with pytest.raises(TypeError):
                hash(ours)
        else:
            assert hash(ours) == want
        name = dataclasses.fields(cls)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(ours, name, 1)
        with pytest.raises(dataclasses.FrozenInstanceError):
            delattr(ours, name)
        assert dataclasses.replace(ours) == ours
        assert pickle.loads(pickle.dumps(ours)) == ours

    check()


def test_a_subclass_is_never_equal_to_its_base():
    """As dataclasses: equality needs the same class (a Never is not a Member)."""
    never = conditions.Never("in", "q", ())
    member = conditions.Member("in", "q", ())
    assert never != member and member != never and not (never == member)
    assert dataclasses.fields(never) == dataclasses.fields(conditions.Never)


def test_every_class_on_the_path_is_covered():
    assert len(CLASSES) >= 20 and conditions.Never in CLASSES and pack.Pack in CLASSES
