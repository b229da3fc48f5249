"""Tell the user what cannot be used, naming every problem."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

SHOWN = 15


def show_problems(parent: QWidget | None, title: str, problems: list[str]) -> None:
    lines = [f"• {p}" for p in problems[:SHOWN]]
    if len(problems) > SHOWN:
        lines.append(f"… and {len(problems) - SHOWN} more")
    QMessageBox.warning(parent, "LeadFit", title + "\n\n" + "\n".join(lines))
