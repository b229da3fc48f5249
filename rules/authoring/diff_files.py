"""Case files as ``pack diff`` reads thousands of them: each distinct line made once.

A case file is a flat ``answers:`` mapping, one ``  question: value`` line per answer,
after a ``questionnaire:`` mark of this questionnaire's version or none (as the window
and ``yaml.safe_dump`` write it), and across a folder the same lines come
back again and again. So a line is read once, by the flat reader (leadfit/yamlflat.py)
and checked by the questionnaire's own cleaning (forms/answers.py), and remembered
with its typed answer; a file made of such lines becomes a Case with a dict lookup per
line; a long text that yaml.safe_dump folded onto further lines of plain words is joined
back into one line first, as YAML folds it. Anything else - a comment, a version mark, another indent, a repeated question,
a bad answer, an answer out of order, text that is not plain ASCII, an unreadable file -
is read by ``load_case_file`` exactly as ``leadfit evaluate`` reads it, which also names
every problem. tests/test_diff_files.py holds both readers equal over generated files.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

from leadfit.forms.answers import UNKNOWN, BadAnswer, clean
from leadfit.forms.case import Case, load_case_file, order_errors
from leadfit.forms.migrate import guess_version
from leadfit.forms.questionnaire import Questionnaire
from leadfit.yamlflat import flat_mapping  # the flat reader alone: PyYAML loads only for a file it cannot read
from leadfit.yamlsafe import MAX_FILE_BYTES

HEAD = "answers:\n"
LINES_KEPT = 1 << 16  # lines remembered (names and dates repeat less): memory stays flat
_NOT_FLAT = (None, None, None)  # a line remembered as one the full reader reads


class CaseFiles:
    """Reads case files for one questionnaire, remembering each line's answer."""

    def __init__(self, questionnaire: Questionnaire):
        self.questionnaire = questionnaire
        self.lines: dict[str, tuple[Any, Any, Any]] = {}  # line -> (question id, raw, typed)
        self.ordered = any(q.not_before for q in questionnaire.asked)  # dates that may not precede others
        self.marked = f"questionnaire: {questionnaire.version}\n{HEAD}"  # a mark the answers need no migration for

    def load(self, path: str) -> Case:
        """The Case ``load_case_file`` reads from ``path``; it raises the same errors."""
        case = self._quick(path)
        return case if case is not None else load_case_file(Path(path), self.questionnaire)

    def _quick(self, path: str) -> Case | None:
        text = _plain_text(path)
        if text is None or "\t" in text or "\r" in text:
            return None
        marked = text.startswith(self.marked)  # this questionnaire's version, as the window saves it
        if not marked and not text.startswith(HEAD):
            return None
        lines = text[len(self.marked if marked else HEAD):].split("\n")
        if lines[-1] == "":
            lines.pop()
        if "\n    " in text:  # a long text answer folded onto more lines, as yaml.safe_dump writes it
            joined = _unfolded(lines)
            if joined is None:
                return None
            lines = joined
        found: list[Any] = list(map(self.lines.get, lines))
        if None in found:  # a line not seen yet (or an empty one): read once, remembered
            found = [f if f is not None else self._line(line) for f, line in zip(found, lines) if line or f]
        raw = {qid: value for qid, value, _ in found}
        if None in raw or len(raw) < len(found):  # not a plain answer line, or a question answered twice
            return None
        if not raw or not marked and guess_version(raw) < self.questionnaire.version:  # an earlier one's
            return None
        answers = {qid: typed for qid, _, typed in found if typed is not None and typed is not UNKNOWN}
        if len(answers) < len(found):
            unknown = tuple(sorted(qid for qid, _, typed in found if typed is UNKNOWN))
        else:
            unknown = ()
        if self.ordered and order_errors(answers, self.questionnaire):
            return None
        return Case.model_construct(answers=answers, unknown=unknown)

    def _line(self, line: str) -> tuple[Any, Any, Any]:
        """(question id, the value as written, its typed answer) of one answer line, remembered;
        _NOT_FLAT for a line the full reader must read."""
        found = _NOT_FLAT
        if line.startswith("  ") and line[2:3] not in (" ", "#"):
            parsed = flat_mapping(HEAD + line)
            entry = parsed[0].get("answers") if parsed is not None and len(parsed[0]) == 1 else None
            if isinstance(entry, dict) and len(entry) == 1:
                (qid, value), = entry.items()
                question = self.questionnaire.questions.get(qid) if isinstance(qid, str) else None
                if question is not None and not question.derived_from:
                    try:
                        found = (qid, value, clean(question, value))
                    except BadAnswer:
                        pass
        if len(self.lines) >= LINES_KEPT:
            self.lines.clear()
        self.lines[line] = found
        return found


# A folded line: deeper than an answer, plain words only (no ':', '#', quote marks or
# brackets a YAML reader would take otherwise), no space at either end.
_FOLDED = re.compile(r"   +([A-Za-z0-9(][A-Za-z0-9 ,.;()!?&/'-]*[A-Za-z0-9.;()!?&/'-]|[A-Za-z0-9])")


def _unfolded(lines: list[str]) -> list[str] | None:
    """Each answer's folded lines joined back onto it with one space, as YAML folds a
    plain or single-quoted text; None (the full reader) for anything else that is deeper."""
    out: list[str] = []
    for line in lines:
        if not line.startswith("   "):
            out.append(line)
            continue
        folded = _FOLDED.fullmatch(line)
        if folded is None or not out or not out[-1].startswith("  ") or out[-1].endswith(" ") or (
                out[-1].partition(": ")[2][:1] == '"'):
            return None  # after a blank line, an escape or a quote YAML keeps lines apart
        out[-1] += " " + folded.group(1)
    return out


def _plain_text(path: str) -> str | None:
    """The text of a regular, plain ASCII file under the size cap (read as read_regular_text
    reads it, in four system calls); None for anything else, which the full reader names."""
    try:
        fd = os.open(path, _READ)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            return None
        data = os.read(fd, info.st_size + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    if len(data) != info.st_size or not data.isascii():  # changed while read, or not plain ASCII
        return None
    return data.decode("ascii")


_READ = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)  # a FIFO is not waited on: it is not regular
