"""The flat reader: a file of "key: scalar" lines (as case files are) read without PyYAML.

Apart from leadfit/yamlparse.py so that `leadfit evaluate` on a case file written as LeadFit
writes it never imports PyYAML (its import was a twentieth of the command's start, issue 15).
What it cannot read exactly (see below) it leaves to the full parse.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

Path_ = tuple[Any, ...]


# A flat file, as case files are: "key: scalar" lines, or a key whose "key: scalar" lines
# sit one indent deeper; printable ASCII, no tab, no ':' or '#' in a plain value (so no
# comment after one), no flow, anchor, tag or block scalar. Read line by line (four times
# faster than PyYAML's Python construction), each distinct scalar resolved once: the usual
# forms here (_plain), the rest by the strict loader's own resolver and constructors, so
# values are exactly what PyYAML makes of them. Anything else, and any problem (a repeated key), goes to the full parse,
# which names it at its line. tests/test_yaml_flat.py holds both equal over generated texts.
_PLAIN_IN = r"[ !\"$-9;-~]*[!\"$-9;-~]"  # printable ASCII but ':' and '#'; never ends in a space
_FLAT_LINE = re.compile(r"( *)([A-Za-z_][A-Za-z0-9_.-]*):(?: +("
                        rf"[A-Za-z0-9_(](?:{_PLAIN_IN})?|[-+.][A-Za-z0-9_.](?:{_PLAIN_IN})?"
                        r"|'(?:[ -&(-~]|'')*'|\"[ !#-\[\]-~]*\"))?")  # quoted: no escapes
_SCALARS: dict[str, Any] = {}
_SCALARS_KEPT = 4096


def flat_mapping(text: str) -> tuple[Any, dict[Path_, int]] | None:
    """What parse() makes of a flat text, read line by line as above, or None where the
    text is not flat (parse() would compose it). pack diff reads a case file's lines with it,
    and every file is tried with it first (leadfit/yamlsafe.py)."""
    return _flat(text)


def _flat(text: str) -> tuple[Any, dict[Path_, int]] | None:
    if not text.isascii() or "\t" in text or "\r" in text:
        return None
    data: dict[Any, Any] = {}
    lines: dict[Path_, int] = {}
    parent: tuple[Any, str, dict] | None = None  # the key (built, written) whose lines follow
    indent = 0  # the indent of the lines under ``parent`` (0: none yet)
    path: Path_ = ()
    fullmatch, scalars = _FLAT_LINE.fullmatch, _SCALARS
    try:
        for number, line in enumerate(text.split("\n"), 1):
            match = fullmatch(line)
            if match is None:
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                return None
            lead, key, value = len(match[1]), match[2], match[3]
            if lead == 0:
                target, path, parent, indent = data, (), None, 0
                if value is None:  # a mapping may follow
                    parent = (_scalar(key), key, {})
            elif parent is not None and (indent == 0 or lead == indent):
                if value is None:
                    return None  # a third level (or an empty value, rare in a flat file)
                indent = lead
                built_parent, written, children = parent
                if not children:
                    data[built_parent] = children  # in place of None: lines follow under it
                target, path = children, (written,)
            else:
                return None
            if not lines:
                lines[()] = number
            built = scalars.get(key, scalars)
            if built is scalars:
                built = _scalar(key)
            if built in target:
                return None
            lines[path + (key,)] = number
            if lead == 0 and value is None:
                target[built] = None  # unless lines follow under it
                continue
            made = scalars.get(value, scalars)
            target[built] = made if made is not scalars else _scalar(value)
    except Exception:  # whatever PyYAML would say of it, the full parse says it
        return None
    if not lines:
        return None
    return data, lines


def _scalar(text: str) -> Any:
    """What the strict loader builds of one scalar (quoted: its quotes are in ``text``),
    remembered by its text (values repeat across files; a plain one never starts with a quote)."""
    found = _SCALARS.get(text, _SCALARS)
    if found is not _SCALARS:
        return found
    made = _plain(text)
    if made is _BY_LOADER:
        from leadfit.yamlparse import built_scalar  # PyYAML, for the forms _plain leaves
        made = built_scalar(text)
    if len(_SCALARS) >= _SCALARS_KEPT:
        _SCALARS.clear()
    _SCALARS[text] = made
    return made


# What YAML 1.1 (PyYAML's resolver) makes of the scalars case files hold, without PyYAML:
# a quoted text, one of its true/false and null words, a plain text starting with a letter,
# '_' or '(' (no other implicit type starts so), a whole number without leading zeros, a
# decimal, a date written YYYY-MM-DD (one that does not exist stays its text, as the strict
# loader keeps it). Anything else goes to the loader. tests/test_yaml_flat_scalars.py holds
# each equal to the loader's, value and type.
_BY_LOADER: Any = object()
_WORDS = {**dict.fromkeys(("yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"), True),
          **dict.fromkeys(("no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"), False),
          **dict.fromkeys(("~", "null", "Null", "NULL"))}
_WHOLE = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\.[0-9]+")
_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def _plain(text: str) -> Any:
    if text[0] in "'\"":
        return text[1:-1].replace("''", "'") if text[0] == "'" else text[1:-1]
    if text in _WORDS:
        return _WORDS[text]
    if text[0].isascii() and (text[0].isalpha() or text[0] in "_("):
        return text
    if _WHOLE.fullmatch(text):
        return int(text)
    if _DECIMAL.fullmatch(text):
        return float(text)
    day = _DAY.fullmatch(text)
    if day is not None:
        try:
            return date(*map(int, day.groups()))
        except ValueError:
            return text
    return _BY_LOADER
