"""``@frozen``: ``@dataclass(frozen=True)`` without compiling code at import.

The standard decorator writes the source of ``__init__``, ``__repr__``, ``__eq__``,
``__hash__``, ``__setattr__`` and ``__delattr__`` for each class and compiles it: about a
millisecond a class, and a fresh `leadfit evaluate` imports some twenty of them (half the
time Python takes to import durable-rules, issue 15). Here the class is still made a
dataclass by the standard machinery (its fields, ``dataclasses.fields``, ``replace``,
``asdict`` and ``is_dataclass`` as before) but asked for none of those methods; they are
shared functions reading the class's field table instead. Same behaviour: positional or
keyword arguments with defaults and factories, equality and hash over the compared fields,
the same repr, FrozenInstanceError on assignment. tests/test_frozen.py holds each class
equal to its standard frozen dataclass over generated values.
"""

from __future__ import annotations

import dataclasses
import reprlib
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

_C = TypeVar("_C", bound=type)
_MISSING = dataclasses.MISSING


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
def frozen(given: _C) -> _C:
    """The frozen dataclass of ``cls`` (eq, hash and repr as ``@dataclass(frozen=True)``)."""
    undocumented = not given.__doc__
    if undocumented:  # else dataclass reads a signature from object's text one (tokenize, 2 ms)
        given.__doc__ = given.__name__
    cls: Any = dataclasses.dataclass(init=False, repr=False, eq=False)(given)
    fields = [f for f in dataclasses.fields(cls)]
    names = tuple(f.name for f in fields if f.init)
    every = frozenset(f.name for f in fields)
    compared = tuple(f.name for f in fields if f.compare)
    shown = tuple(f.name for f in fields if f.repr)
    defaults = {f.name: (f.default, f.default_factory) for f in fields if f.init and (
        f.default is not _MISSING or f.default_factory is not _MISSING)}
    values_of = _getter(compared)
    if undocumented:  # as dataclass documents it: the class's call
        cls.__doc__ = f"{cls.__name__}({', '.join(f.name for f in fields if f.init)})"
    set_fields = _setter(names)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        set_fields(self, _bound(cls, names, defaults, args, kwargs)
                   if kwargs or len(args) != len(names) else args)

    def __eq__(self, other: object) -> Any:
        if other.__class__ is self.__class__:
            return values_of(self) == values_of(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(values_of(self))

    @reprlib.recursive_repr()
    def __repr__(self) -> str:
        return f"{self.__class__.__qualname__}(" + ", ".join(
            f"{name}={getattr(self, name)!r}" for name in shown) + ")"

    def __setattr__(self, name: str, value: Any) -> None:
        if type(self) is cls or name in every:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name: str) -> None:
        if type(self) is cls or name in every:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    made = {"__init__": __init__, "__repr__": __repr__, "__eq__": __eq__,
            "__setattr__": __setattr__, "__delattr__": __delattr__}
    for name, fn in made.items():
        if name not in cls.__dict__ or name in ("__setattr__", "__delattr__"):
            fn.__qualname__ = f"{cls.__qualname__}.{name}"
            setattr_type(cls, name, fn)
    if "__hash__" not in cls.__dict__ or cls.__dict__["__hash__"] is None:
        __hash__.__qualname__ = f"{cls.__qualname__}.__hash__"
        setattr_type(cls, "__hash__", __hash__)
    made_class: _C = cls
    return made_class


def setattr_type(cls: type, name: str, value: Any) -> None:
    type.__setattr__(cls, name, value)


def _getter(names: tuple[str, ...]) -> Any:
    """The compared fields of an instance, as a tuple (what dataclasses compare and hash)."""
    if not names:
        return lambda obj: ()
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return attrgetter(*names)


def _setter(names: tuple[str, ...]) -> Any:
    def set_fields(obj: Any, values: tuple | list) -> None:
        obj.__dict__.update(zip(names, values))
    return set_fields


def _bound(cls: type, names: tuple[str, ...], defaults: dict[str, tuple[Any, Any]],
           args: tuple, kwargs: dict[str, Any]) -> list:
    """The arguments in field order, as the generated ``__init__`` binds them."""
    where = f"{cls.__qualname__}.__init__()"
    if len(args) > len(names):
        raise TypeError(f"{where} takes {len(names) + 1} positional arguments but"
                        f" {len(args) + 1} were given")
    values = list(args)
    for name in names[:len(args)]:
        if name in kwargs:
            raise TypeError(f"{where} got multiple values for argument '{name}'")
    missing = []
    for name in names[len(args):]:
        if name in kwargs:
            values.append(kwargs.pop(name))
        elif name in defaults:
            default, factory = defaults[name]
            values.append(default if default is not _MISSING else factory())
        else:
            missing.append(name)
            values.append(None)
    if kwargs:
        raise TypeError(f"{where} got an unexpected keyword argument '{next(iter(kwargs))}'")
    if missing:
        raise TypeError(f"{where} missing {len(missing)} required argument"
                        f"{'s' if len(missing) > 1 else ''}: " + ", ".join(map(repr, missing)))
    return values
