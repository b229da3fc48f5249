"""Turn pydantic validation errors on YAML data into file:line problems.

pydantic is imported only when something is validated: `leadfit evaluate` reads only
``shown_value`` from here (issue 15)."""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from typing import Any

from leadfit.errors import PackError, Problem
from leadfit.suggest import did_you_mean
from leadfit.plain import Plain
from leadfit.schema_words import allowed_words, path_words
from leadfit.yamlsafe import LocatedData

M = typing.TypeVar("M")


_WHOLE: Any = object()


def parse_model(model: type[M], located: LocatedData, data: Any = _WHOLE,
                base: tuple = ()) -> M:
    """Validate ``data`` (default: the whole file; ``base``: where it is in it) against
    ``model``. Every error names the file, the line and what is allowed there.
    """
    from pydantic import ValidationError
    data = located.data if data is _WHOLE else data
    try:
        return model.model_validate(data)  # type: ignore[attr-defined]
    except ValidationError as exc:
        errors = _misspelt_not_missing(exc.errors())
        problems = [_problem(err, model, located, base) for err in errors]
        raise PackError(_dedupe(problems)) from None


def _misspelt_not_missing(errors: list) -> list:
    """A required key written misspelt is one mistake: 'unknown key sumary (did you mean
    summary?)' says it all, so "'summary' is required" beside it is left out."""
    extra = {(tuple(e["loc"][:-1]), str(e["loc"][-1])) for e in errors
             if e["type"] == "extra_forbidden" and e["loc"]}
    def misspelt(e) -> bool:
        if e["type"] != "missing" or not e["loc"]:
            return False
        parent, name = tuple(e["loc"][:-1]), str(e["loc"][-1])
        return any(p == parent and did_you_mean(k, [name]) for p, k in extra)
    return [e for e in errors if not misspelt(e)]


def _problem(err: Mapping[str, Any], model: Any, located: LocatedData, base: tuple) -> Problem:
    loc = tuple(err["loc"])
    line = located.line_of(base + loc)
    where = path_words(base + loc) or "top level"
    kind = err["type"]
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        key = loc[-1]
        message = (f"unknown key '{key}'{did_you_mean(key, allowed)}; allowed here: "
                   + ", ".join(allowed))
    elif kind == "missing":
        parent = path_words(base + loc[:-1])
        message = f"{parent}: '{loc[-1]}' is required" if parent else f"'{loc[-1]}' is required"
    elif kind == "literal_error":
        got = err.get("input")
        expected = err.get("ctx", {}).get("expected", "")
        message = f"{where}: {got!r} is not allowed{did_you_mean(got, _literal_words(expected))}; expected {expected}"
    else:
        said = allowed_words(err, shown_value(err.get("input")))
        message = said if said.startswith(f"{where} ") else f"{where}: {said}"  # a check naming its key
        if isinstance(err.get("input"), bool) and kind not in ("bool_type", "string_type"):
            message += " (YAML reads yes/no/on/off as true/false; quote text, or write a number)"
    return Problem(message, located.file, line)


def shown_value(value: Any) -> str:
    """A bad value as an error message quotes it: true/false, 'a mapping', 'a list', or repr."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    return repr(value)


def _literal_words(expected: str) -> list[str]:
    return [w.strip().strip("'") for w in expected.replace(" or ", ",").split(",") if w.strip()]


def _allowed_keys(model: Any, loc: tuple) -> list[str]:
    current = model
    for part in loc:
        current = _step(current, part)
        if current is None:
            return []
    if _is_model(current):
        return [f.alias or name for name, f in current.model_fields.items()]
    return []


def _step(annotation: Any, part: Any) -> Any:
    annotation = _unwrap(annotation)
    if _is_model(annotation):
        field = annotation.model_fields.get(part) or next(
            (f for f in annotation.model_fields.values() if f.alias == part), None)
        return _unwrap(field.annotation) if field else None
    args = typing.get_args(annotation)
    origin = typing.get_origin(annotation)
    if origin in (list, tuple) and isinstance(part, int):
        return _unwrap(args[0]) if args else None
    if origin is dict:
        return _unwrap(args[1]) if len(args) == 2 else None
    return None


def _unwrap(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        models = [a for a in options if _is_model(a)]
        return models[0] if models else (options[0] if options else annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    return annotation


def _is_model(annotation: Any) -> bool:
    """A pydantic model or a plain one (leadfit/plain.py, validated by one)."""
    from pydantic import BaseModel
    return isinstance(annotation, type) and issubclass(annotation, (BaseModel, Plain))


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for p in problems:
        if (p.file, p.line, p.message) not in seen:
            seen.add((p.file, p.line, p.message))
            out.append(p)
    return out
