"""A field marked wrong, the same way everywhere in the window: outlined in red (the style
sheet's [invalid="true"]) with its words in plain language right under it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from leadfit.desktop.date_field import DateField


def mark(widget: QWidget, bad: bool) -> None:
    """Outline ``widget`` in red, or clear it (a date field: its text box)."""
    target = widget.edit if isinstance(widget, DateField) else widget
    if bool(target.property("invalid")) == bad:
        return
    target.setProperty("invalid", bad)
    target.style().unpolish(target)  # a dynamic property restyles only once repolished
    target.style().polish(target)


def error_label() -> QLabel:
    """Where a field's problem is said: hidden until there is one."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.hide()
    return label
