"""Plain models: the values an evaluation builds and reads (a case, a pack's settings, an
assessment) as plain Python classes, validated by pydantic only when something is validated.

A fresh `leadfit evaluate` validates nothing with pydantic (the case is typed by the
questionnaire's cleaning, the pack comes compiled), yet importing pydantic and building
some thirty model classes was half of its start (issue 15). So a model is declared once,
as a pydantic model is (annotated fields with defaults, ``plain_config`` for its config,
``@check``/``@check_whole`` for its validators), and:

- ``Model(**values)``, ``model_validate``, ``model_validate_json`` validate through the
  pydantic model made from that declaration on first use (``validator()``), then read the
  result into the plain class; inside a pydantic model (a record holds an assessment) the
  field validates and serialises through the same validator;
- ``model_construct``, ``model_copy``, ``model_dump``, ``model_dump_json``,
  ``model_fields_set``, ``==``, ``hash`` and ``repr`` work as pydantic's, without it (a
  value JSON cannot carry the same way, e.g. a datetime, is dumped by the validator).

tests/test_plain_models.py holds each model's dumps, copies and validation equal to its
pydantic validator's over generated values.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
import sys
from collections.abc import Callable, Iterator
from typing import Any, ClassVar, TypeVar

_P = TypeVar("_P", bound="Plain")
_set_attr = object.__setattr__
_new = object.__new__


def check(*fields: str) -> Callable[[Callable], Callable]:
    """A check of fields after their types (pydantic's ``field_validator``):
    ``fn(cls, value)`` returns the value or raises ValueError in plain words."""
    def mark(fn: Callable) -> Callable:
        fn.__plain_check__ = fields  # type: ignore[attr-defined]
        return fn
    return mark


def check_whole(fn: Callable) -> Callable:
    """A check of the whole model after its fields (``model_validator(mode="after")``)."""
    fn.__plain_check__ = ()  # type: ignore[attr-defined]
    return fn


class _Fallback(Exception):
    """A value plain JSON would not write as pydantic does: the validator dumps it."""


class _ModelFields:
    """``Model.model_fields``: the validator's (pydantic's FieldInfo), built when asked."""

    def __get__(self, obj: Any, owner: type[Plain]) -> dict[str, Any]:
        return owner.validator().model_fields


class Plain:
    """Base of the plain models (see the module's text)."""

    __slots__ = ("__dict__", "_fields_set")
    _fields_set: set[str]  # the fields given (pydantic's model_fields_set), beside __dict__
    plain_config: ClassVar[dict[str, Any]] = {"extra": "forbid", "frozen": True}
    plain_fields: ClassVar[tuple[str, ...]] = ()
    plain_defaults: ClassVar[dict[str, Any]] = {}
    model_fields: ClassVar[Any] = _ModelFields()
    _annotations: ClassVar[dict[str, Any]] = {}
    _validator: ClassVar[Any] = None
    # (name, default or _REQUIRED, how a default is copied or None): model_construct's plan
    _plan: ClassVar[tuple[tuple[str, Any, Any], ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        annotations: dict[str, Any] = {}
        defaults: dict[str, Any] = {}
        for base in reversed(cls.__mro__):
            if not issubclass(base, Plain) or base is Plain:
                continue
            for name, annotation in vars(base).get("__annotations__", {}).items():
                if name.startswith("_") or str(annotation).startswith(("ClassVar", "typing.ClassVar")):
                    continue
                annotations[name] = annotation
                if name in vars(base):
                    defaults[name] = vars(base)[name]
                else:
                    defaults.pop(name, None)
        cls._annotations, cls.plain_defaults = annotations, defaults
        cls.plain_fields = tuple(annotations)
        cls._validator = None
        cls._plan = tuple((name, defaults.get(name, _REQUIRED), _copier(defaults.get(name)))
                          for name in annotations)

    # -- validated: through pydantic, made from this declaration on first use
    def __init__(self, **values: Any) -> None:
        done = type(self).model_validate(values)
        _set_attr(self, "__dict__", done.__dict__)
        _set_attr(self, "_fields_set", done._fields_set)

    @classmethod
    def validator(cls) -> Any:
        """The pydantic model of this declaration (built once, on first use)."""
        if cls.__dict__.get("_validator") is None:
            cls._validator = _validator_of(cls)
        return cls._validator

    @classmethod
    def model_validate(cls: type[_P], obj: Any) -> _P:
        if isinstance(obj, cls):
            return obj  # as pydantic: an instance is not validated again
        return cls._of(cls.validator().model_validate(obj))

    @classmethod
    def model_validate_json(cls: type[_P], text: str | bytes) -> _P:
        return cls._of(cls.validator().model_validate_json(text))

    @classmethod
    def _of(cls: type[_P], validated: Any) -> _P:
        return cls._made(dict(validated.__dict__), set(validated.model_fields_set))

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema
        inner = handler(cls.validator())

        def validate(value: Any, then: Any) -> Any:
            return value if isinstance(value, cls) else cls._of(then(value))

        def serialise(value: Plain, info: Any) -> Any:
            return value.model_dump(mode=info.mode, exclude_unset=info.exclude_unset,
                                    exclude_defaults=info.exclude_defaults,
                                    exclude_none=info.exclude_none)
        return core_schema.no_info_wrap_validator_function(
            validate, inner, serialization=core_schema.plain_serializer_function_ser_schema(
                serialise, info_arg=True))

    # -- not validated (every value comes from checked files or code)
    @classmethod
    def _made(cls: type[_P], values: dict[str, Any], fields_set: set[str]) -> _P:
        model = _new(cls)
        _set_attr(model, "__dict__", values)
        _set_attr(model, "_fields_set", fields_set)
        return model

    @classmethod
    def model_construct(cls: type[_P], _fields_set: set[str] | None = None, **values: Any) -> _P:
        """No validation; the fields in declaration order (JSON follows it, and records hash
        the JSON); those left out take their defaults (a fresh copy of a list) and are not
        "set". An evaluation builds some thirty, each field given in order: the fast path."""
        if tuple(values) == cls.plain_fields:
            return cls._made(values, set(values) if _fields_set is None else set(_fields_set))
        ordered: dict[str, Any] = {}
        for name, default, copied in cls._plan:
            if name in values:
                ordered[name] = values[name]
            elif default is not _REQUIRED:
                ordered[name] = copied(default) if copied is not None else default
        given = set(values).intersection(cls.plain_fields) if _fields_set is None else set(_fields_set)
        return cls._made(ordered, given)

    def model_copy(self: _P, *, update: dict[str, Any] | None = None, deep: bool = False) -> _P:
        values = copy.deepcopy(self.__dict__) if deep else dict(self.__dict__)
        fields_set = set(self._fields_set)
        if update:
            values.update(update)
            fields_set.update(update)
        return type(self)._made(values, fields_set)

    @property
    def model_fields_set(self) -> set[str]:
        return self._fields_set

    # -- dumped as pydantic dumps
    def model_dump(self, *, mode: str = "python", exclude: set[str] | None = None,
                   exclude_unset: bool = False, exclude_defaults: bool = False,
                   exclude_none: bool = False, **others: Any) -> dict[str, Any]:
        options = (mode == "json", exclude_unset, exclude_defaults, exclude_none)
        if not others and mode in ("python", "json"):
            try:
                return _dump_model(self, options, exclude)
            except _Fallback:
                pass
        return self._as_validator().model_dump(
            mode=mode, exclude=exclude, exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults, exclude_none=exclude_none, **others)

    def model_dump_json(self, *, indent: int | None = None, exclude_unset: bool = False,
                        exclude_defaults: bool = False, exclude_none: bool = False,
                        **others: Any) -> str:
        if not others:
            try:
                data = _dump_model(self, (True, exclude_unset, exclude_defaults, exclude_none), None)
                return json.dumps(data, indent=indent, ensure_ascii=False,
                                  separators=(",", ":") if indent is None else (",", ": "))
            except _Fallback:
                pass
        return self._as_validator().model_dump_json(
            indent=indent, exclude_unset=exclude_unset, exclude_defaults=exclude_defaults,
            exclude_none=exclude_none, **others)

    def _as_validator(self) -> Any:
        return self.validator().model_construct(_fields_set=set(self._fields_set), **self.__dict__)

    # -- a value: equal by fields, frozen unless its config says otherwise
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Plain):
            return NotImplemented
        return type(self) is type(other) and self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((type(self), *self.__dict__.values()))

    def __setattr__(self, name: str, value: Any) -> None:
        if self.plain_config.get("frozen"):
            raise AttributeError(f"{type(self).__name__} is frozen: {name} cannot be set")
        if name not in self.plain_fields:
            raise AttributeError(f"{type(self).__name__} has no field {name!r}")
        self.__dict__[name] = value
        self._fields_set.add(name)

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__}: {name} cannot be deleted")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self.__dict__.items())})"

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        yield from self.__dict__.items()

    def __getstate__(self) -> tuple[dict[str, Any], set[str]]:
        return self.__dict__, self._fields_set

    def __setstate__(self, state: tuple[dict[str, Any], set[str]]) -> None:
        _set_attr(self, "__dict__", state[0])
        _set_attr(self, "_fields_set", state[1])


_REQUIRED: Any = object()


def _copier(default: Any) -> Callable[[Any], Any] | None:
    """How a default is copied for each model, as pydantic copies it (None: shared, as
    immutable); an empty list, dict or set is copied shallow, which is as deep."""
    if not isinstance(default, (list, dict, set)):
        return None
    return type(default).copy if not default and type(default) in (list, dict, set) else copy.deepcopy


def _dump_model(model: Plain, options: tuple[bool, bool, bool, bool],
                exclude: set[str] | None) -> dict[str, Any]:
    _, unset, defaults, none = options
    out = {}
    fields_set = model._fields_set
    declared = type(model).plain_defaults
    for name, value in model.__dict__.items():
        if (unset and name not in fields_set) or (exclude and name in exclude) or (
                none and value is None) or (defaults and name in declared and value == declared[name]):
            continue
        out[name] = _dump_value(value, options)
    return out


def _dump_value(value: Any, options: tuple[bool, bool, bool, bool]) -> Any:
    kind = type(value)
    if value is None or kind is str or kind is int or kind is bool:
        return value
    as_json = options[0]
    if kind is float:
        if as_json and not (value == 0 or (math.isfinite(value) and abs(value) >= 1e-4)):
            raise _Fallback  # pydantic writes 1e-5 as 0.00001, and inf as null
        return value
    if kind is list:
        return [_dump_value(v, options) for v in value]
    if kind is tuple:
        items = [_dump_value(v, options) for v in value]
        return items if as_json else tuple(items)
    if kind is dict:
        if as_json and not all(type(k) is str for k in value):
            raise _Fallback
        return {k: _dump_value(v, options) for k, v in value.items()}
    if isinstance(value, Plain):
        return _dump_model(value, options, None)
    if kind is dt.date:
        return value.isoformat() if as_json else value
    raise _Fallback


def _validator_of(cls: type[Plain], names: dict[str, Any] | None = None) -> Any:
    """The pydantic model of a plain declaration: the same fields, defaults, config and
    checks; its annotations read in the declaring module (pydantic's names beside it;
    ``names`` in place of some, e.g. a test's all-pydantic twins of the parts)."""
    import pydantic
    namespace = {"Field": pydantic.Field, **vars(sys.modules[cls.__module__]), **(names or {})}
    annotations = {name: eval(a, namespace) if isinstance(a, str) else a  # noqa: S307 (our code)
                   for name, a in cls._annotations.items()}
    config = {k: v for k, v in cls.plain_config.items() if k != "defer_build"}
    body: dict[str, Any] = {"__annotations__": annotations, "__module__": cls.__module__,
                            "__qualname__": cls.__qualname__, "__doc__": cls.__doc__,
                            "model_config": pydantic.ConfigDict(**config)}  # type: ignore[typeddict-item]
    body.update(cls.plain_defaults)
    for base in reversed(cls.__mro__):
        for attr, fn in vars(base).items():
            fields = getattr(fn, "__plain_check__", None)
            if fields is None:
                continue
            body[attr] = (pydantic.field_validator(*fields)(classmethod(fn)) if fields
                          else pydantic.model_validator(mode="after")(fn))
    metaclass: Any = type(pydantic.BaseModel)
    return metaclass(cls.__name__, (pydantic.BaseModel,), body)
