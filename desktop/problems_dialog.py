"""Tell the user what cannot be used, naming every problem, in words: the core's
messages name command-line flags and question ids for the terminal, which a person
in the window has no use for."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QMessageBox, QWidget

SHOWN = 15
# ' (--justify)', ' (leadfit correct)', ' (org.assessed_on)', ', org.assessed_on' hints
_TERMINAL_HINT = re.compile(r"\s*\((?:--[a-z-]+(?:, --[a-z-]+)*|leadfit [a-z ]+|"
                            r"[a-z_]+\.[a-z_]+(?:, [a-z_]+\.[a-z_]+)*)\)|,? [a-z_]+\.[a-z_]+(?=\))")


def plain(message: str) -> str:
    return _TERMINAL_HINT.sub("", message)


def show_problems(parent: QWidget | None, title: str, problems: list[str]) -> None:
    lines = [f"• {plain(p)}" for p in problems[:SHOWN]]
    if len(problems) > SHOWN:
        lines.append(f"… and {len(problems) - SHOWN} more")
    QMessageBox.warning(parent, "LeadFit", plain(title) + "\n\n" + "\n".join(lines))
