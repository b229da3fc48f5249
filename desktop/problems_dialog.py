"""Tell the user what cannot be used, naming every problem, in words: the core's
messages name command-line flags and question ids for the terminal, which a person
in the window has no use for."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QMessageBox, QWidget

SHOWN = 6  # more would not fit a 700-pixel screen at scale 1.5; the rest are under Show Details
# ' (--justify)', ' (--plan takes ...)', ' (leadfit correct)', ' (org.assessed_on)',
# ', org.assessed_on' hints
_TERMINAL_HINT = re.compile(r"\s*\((?:--[a-z-]+(?:, --[a-z-]+)*|--[a-z-]+ [^()]*|leadfit [a-z ]+|"
                            r"[a-z_]+\.[a-z_]+(?:, [a-z_]+\.[a-z_]+)*)\)|,? [a-z_]+\.[a-z_]+(?=\))")


# a plan step's id before its name ('the due date for M5 Induction'): the name is the words
_STEP_ID = re.compile(r"\bM\d{1,2} (?=[A-Z])")


def plain(message: str) -> str:
    return _STEP_ID.sub("", _TERMINAL_HINT.sub("", message))


def problems_box(parent: QWidget | None, title: str, problems: list[str]) -> QMessageBox:
    """The warning naming ``problems``: the first ones in the box, every one of them under
    "Show Details..." (a pack can have dozens, and all of them are said in one run)."""
    lines = [f"• {plain(p)}" for p in problems[:SHOWN]]
    if len(problems) > SHOWN:
        lines.append(f"… and {len(problems) - SHOWN} more: Show Details lists all {len(problems)}")
    box = QMessageBox(QMessageBox.Icon.Warning, "LeadFit", plain(title) + "\n\n" + "\n".join(lines),
                      QMessageBox.StandardButton.Ok, parent)
    if len(problems) > SHOWN:
        box.setDetailedText("\n".join(plain(p) for p in problems))
    return box


def show_problems(parent: QWidget | None, title: str, problems: list[str]) -> None:
    problems_box(parent, title, problems).exec()
