"""The YAML parser behind yamlsafe.py: PyYAML's safe loader with LeadFit's guards.

Apart from yamlsafe.py so that a command whose files all come from the parsed-file
cache (leadfit/yamlcache.py) never imports PyYAML. Guards (see the pitfalls note):
SafeLoader only, duplicate keys refused, aliases refused from the composed nodes
(alias bombs), deep nesting caught, a tag whose text does not fit named at its line.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from leadfit.errors import PackError, Problem
from leadfit.yamlflat import _flat, flat_mapping  # noqa: F401  (pack diff and tests read them here)

Path_ = tuple[Any, ...]
# libyaml's safe loader is ten times faster; both construct only plain values.
_SAFE_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _RefuseDuplicateKeys:
    """Mixin for a safe loader: a repeated key is an error, not a silent overwrite."""

    source_name = "<text>"

    def construct_mapping(self, node, deep=False):
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                kind = "a list" if isinstance(key_node, yaml.SequenceNode) else "a mapping"
                raise PackError([Problem(f"a key must be plain text, found {kind} used as a key",
                                         self.source_name, line)])
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise PackError([Problem(
                    f"duplicate key '{key}' (first at line {seen[key]}, again at line {line});"
                    " each key may appear once", self.source_name, line)])
            seen[key] = line
        return super().construct_mapping(node, deep=deep)


def _checked_timestamp(loader, node):
    """An unquoted date that is not a real one (2026-13-45) stays its text: the file's
    validation refuses it there, naming its question beside every other bad field."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


class _StrictLoader(_RefuseDuplicateKeys, _SAFE_BASE):  # type: ignore[misc,valid-type]  # C or pure base
    """The loader for every LeadFit file; never patches the global one."""


class _PureStrictLoader(_RefuseDuplicateKeys, yaml.SafeLoader):
    """The same checks on PyYAML's pure-Python loader (used where libyaml is absent)."""


def _checked(kind: str, construct):
    """An explicit tag whose text does not fit (`!!float x`, `!!int 1.5`) is a named
    error at its line, not a ValueError traceback."""
    def build(loader, node):
        try:
            return construct(loader, node)
        except (ValueError, TypeError, OverflowError, KeyError):
            digits = sum(c.isdigit() for c in str(node.value))
            if digits > 4000 and _DIGITS.fullmatch(str(node.value)):   # past Python's limit
                raise PackError([Problem(f"a number of {digits:,} digits"
                                         f" ('{node.value[:12]}…') is too large to be an answer",
                                         loader.source_name, node.start_mark.line + 1)]) from None
            shown = node.value if len(node.value) <= 60 else node.value[:57] + "…"
            raise PackError([Problem(f"'{shown}' is not {kind}; remove the !! tag or"
                                     " write a plain value", loader.source_name,
                                     node.start_mark.line + 1)]) from None
    return build


_DIGITS = re.compile(r"[-+]?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?")


for _loader in (_StrictLoader, _PureStrictLoader):  # add_constructor copies the table per class
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _checked_timestamp)
    _loader.add_constructor("tag:yaml.org,2002:float",
                            _checked("a number", yaml.SafeLoader.construct_yaml_float))
    _loader.add_constructor("tag:yaml.org,2002:int",
                            _checked("a whole number", yaml.SafeLoader.construct_yaml_int))
    _loader.add_constructor("tag:yaml.org,2002:bool",
                            _checked("true or false", yaml.SafeLoader.construct_yaml_bool))


def parse(text: str, file: str) -> tuple[Any, dict[Path_, int]]:
    """(data, the line of each key path), read once; a flat file without PyYAML's Python
    construction (see _flat), anything else composed and checked by the strict loader."""
    flat = _flat(text)
    return flat if flat is not None else _composed(text, file)


def _composed(text: str, file: str) -> tuple[Any, dict[Path_, int]]:
    lines: dict[Path_, int] = {}
    found = _Found(file)
    try:
        loader = _StrictLoader(text)
        loader.source_name = file
        try:
            node = loader.get_single_node()
            if node is not None:  # one parse: aliases are refused from the composed nodes
                found.tags = loader.yaml_constructors
                node = found.refused_root(node)
            if node is not None:
                _collect_lines(node, (), lines, set(), found)
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except RecursionError:
        raise PackError([Problem("nesting is too deep to read; flatten the structure", file)])
    except PackError as exc:  # a value's own problem: named beside the nodes refused before it
        raise PackError(found.problems + exc.problems) from None
    except (ValueError, TypeError, OverflowError, KeyError) as exc:  # a constructor's complaint
        raise PackError([Problem(f"a value cannot be read ({exc}); write a plain value",
                                 file)]) from None
    except yaml.YAMLError as exc:
        raise PackError([_yaml_problem(exc, file)]) from None
    if found.problems:  # the rest of the file was read: its other problems come in this run
        error = PackError(found.problems)
        error.partial = (data, lines, frozenset(found.pruned))
        raise error
    return data, lines


class _Found:
    """Node-level problems met while walking a composed file: each refused node is named
    and left out, and the walk goes on, so one bad node never hides the file's others."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.pruned: set[Path_] = set()
        self.tags: Any = {}

    def refused_root(self, node: yaml.Node) -> yaml.Node | None:
        return None if self.refused_tag(node, ()) else node

    def refused_tag(self, node: yaml.Node, path: Path_) -> bool:
        """A tag no safe constructor builds (!!python/..., !custom): named, the node left out."""
        if node.tag in self.tags:
            return False
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        self._drop(path, f"tags (here {tag}) are not allowed: a tag could run code; write a"
                   " plain value (text, a number, true/false, a list or a mapping)",
                   node.start_mark.line + 1)
        return True

    def repeated(self, key: str, first: int, again: int, path: Path_) -> None:
        self.problems.append(Problem(
            f"duplicate key '{key}' (first at line {first}, again at line {again}); each key"
            f" may appear once (the one at line {again} is left out)", self.file, again))

    def not_plain_key(self, key_node: yaml.Node, path: Path_) -> None:
        kind = "a list" if isinstance(key_node, yaml.SequenceNode) else "a mapping"
        self._drop(path, f"a key must be plain text, found {kind} used as a key",
                   key_node.start_mark.line + 1)

    def _drop(self, path: Path_, message: str, line: int) -> None:
        self.problems.append(Problem(message, self.file, line))
        self.pruned.add(path)


def _alias(file: str, line: int) -> PackError:
    return PackError([Problem("aliases (*name) are not allowed in LeadFit files; write the value out",
                              file, line)])


# Where YAML notices an unclosed list, mapping or quote, or a line without its ':', is the
# line after the author's mistake; the line that opened it is the one to edit.
_OPENED_AT = {
    "while parsing a flow sequence": "a list opened with '[' on this line is not closed: end it"
                                     " with ']' and put ',' between its items",
    "while parsing a flow mapping": "a mapping opened with '{' on this line is not closed: end it"
                                    " with '}' and put ',' between its entries",
    "while scanning a quoted scalar": "a quoted text opened on this line is never closed: end it"
                                      " with the same quote mark",
    "while scanning a simple key": "this line is neither 'key: value' nor a list item ('- ...'):"
                                   " a ':' is missing, or quote the text",
}


def _yaml_problem(exc: yaml.YAMLError, file: str) -> Problem:
    opened, context = getattr(exc, "context_mark", None), getattr(exc, "context", None)
    mark = getattr(exc, "problem_mark", None) or opened
    line = mark.line + 1 if mark is not None else None
    if context in _OPENED_AT and opened is not None:
        noticed = f" (YAML noticed it at line {line})" if line and line != opened.line + 1 else ""
        return Problem(f"YAML syntax error: {_OPENED_AT[context]}{noticed}", file, opened.line + 1)
    text = getattr(exc, "problem", None) or str(exc)
    if isinstance(exc, yaml.constructor.ConstructorError) and "tag" in str(exc):
        return Problem("tags (!!python/... and the like) are not allowed; write a plain value"
                       " (text, a number, true/false, a list or a mapping)", file, line)
    return Problem(f"YAML syntax error: {text}", file, line)


def _collect_lines(node: yaml.Node, path: Path_, lines: dict[Path_, int], seen: set[int],
                   found: _Found) -> None:
    """Each path's line; an alias (*name) is a node met twice, refused at the line of the
    key or list that holds it, before anything is built (so an alias bomb never expands).
    A refused tag, a repeated key or a key that is not text is named and its entry left
    out of the node (``found``), and the walk goes on."""
    file = found.file
    seen.add(id(node))
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        kept: list[tuple[yaml.Node, yaml.Node]] = []
        keys: dict[str, int] = {}
        for key_node, value_node in node.value:
            if id(value_node) in seen:
                raise _alias(file, key_node.start_mark.line + 1)
            if id(key_node) in seen:  # the key's own marks are the anchor's: its value's line
                raise _alias(file, value_node.start_mark.line + 1)
            if not isinstance(key_node, yaml.ScalarNode):
                found.not_plain_key(key_node, path + ("?",))
                continue
            if found.refused_tag(key_node, path + ("?",)):
                continue
            key, line = key_node.value, key_node.start_mark.line + 1
            if key_node.tag != "tag:yaml.org,2002:merge":
                if key in keys:
                    found.repeated(key, keys[key], line, path + (key,))
                    continue
                keys[key] = line
            if found.refused_tag(value_node, path + (key,)):
                continue
            kept.append((key_node, value_node))
            lines[path + (key,)] = line
            _collect_lines(value_node, path + (key,), lines, seen, found)
            lines[path + (key,)] = line
        node.value = kept
    elif isinstance(node, yaml.SequenceNode):
        items: list[yaml.Node] = []
        for item in node.value:
            if id(item) in seen:
                raise _alias(file, node.start_mark.line + 1)
            if found.refused_tag(item, path + (len(items),)):
                continue
            _collect_lines(item, path + (len(items),), lines, seen, found)
            items.append(item)
        node.value = items


_STR = "tag:yaml.org,2002:str"
_SCALAR_LOADER: Any = None


def built_scalar(text: str) -> Any:
    """What the strict loader's resolver and constructors build of one flat scalar (quoted:
    its quotes are in ``text``); the flat reader asks for the forms it does not read itself."""
    global _SCALAR_LOADER
    if _SCALAR_LOADER is None:
        _SCALAR_LOADER = _StrictLoader("")
    loader = _SCALAR_LOADER
    if text[0] in "'\"":
        value = text[1:-1].replace("''", "'") if text[0] == "'" else text[1:-1]
        tag = _STR
    else:
        value, tag = text, loader.resolve(yaml.ScalarNode, text, (True, False))
    mark = yaml.Mark("<flat>", 0, 0, 0, "", 0)  # unused: a problem sends the file to the full parse
    return loader.yaml_constructors[tag](loader, yaml.ScalarNode(tag, value, mark, mark))
