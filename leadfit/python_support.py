"""Which Python versions LeadFit runs on, and what to tell someone on another one.

Stdlib only and old syntax on purpose: setup.py, ``packaging/find-python.sh`` and
any interpreter a user happens to have run this file to explain a refusal.
Keep SUPPORTED in step with ``requires-python`` in pyproject.toml.
"""

import sys
import textwrap

SUPPORTED = ((3, 11), (3, 12))


def is_supported(version=None):
    return tuple((version or sys.version_info)[:2]) in SUPPORTED


def refusal(version=None):
    """Plain words: why this Python cannot run LeadFit and what to use instead."""
    found = tuple((version or sys.version_info)[:2])
    shown = ".".join(str(part) for part in found)  # no f-strings: old Pythons read this file
    lines = ["LeadFit needs Python 3.11 or 3.12; this is Python " + shown + "."]
    if found > SUPPORTED[-1]:
        lines.append(
            "Its rule engine, durable-rules 2.0.28 (the latest release), builds on Python " + shown
            + " but cannot be imported: it calls PyEval_CallObject, which CPython 3.13 removed "
            "(the fix is merged upstream but not released).")
    else:
        lines.append("LeadFit uses language and library features of Python 3.11.")
    lines.append("Install Python 3.12 or 3.11 (python.org, pyenv, or your system's python3.12 "
                 "package) and run again, e.g. `make run PY=python3.12`;")
    lines.append("or use the desktop bundle, which needs no Python (README: Install without Python).")
    return "\n".join(textwrap.fill(line, 88, subsequent_indent="  ") for line in lines)


if __name__ == "__main__":
    if not is_supported():
        sys.stderr.write(refusal() + "\n")
        sys.exit(1)
