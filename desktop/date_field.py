"""A date typed as YYYY-MM-DD or picked from a calendar; empty means not given."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)


def calendar_button(edit: QLineEdit, name: str) -> QToolButton:
    """A button beside ``edit`` that opens a calendar; the picked day goes into the field."""
    pick = QToolButton()
    pick.setText("Calendar")  # a word: the calendar emoji is in no bundled font (a blank box)
    pick.setObjectName("calendar")  # the style sheet puts its arrow beside the word, not over it
    pick.setToolTip(f"Pick from a calendar: {name}")
    pick.setAccessibleName(f"Pick from a calendar: {name}")
    pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    calendar = QCalendarWidget()
    calendar.setAccessibleName(f"Calendar: {name}")
    menu = QMenu(pick)
    holder = QWidgetAction(menu)
    holder.setDefaultWidget(calendar)
    menu.addAction(holder)

    def show_current() -> None:
        try:
            day = date.fromisoformat(edit.text().strip())
        except ValueError:
            day = date.today()
        calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def picked(day: QDate) -> None:
        edit.setText(day.toString("yyyy-MM-dd"))
        menu.hide()
    calendar.clicked.connect(picked)
    calendar.activated.connect(picked)
    menu.aboutToShow.connect(show_current)
    pick.setMenu(menu)
    pick.calendar = calendar
    return pick


class DateField(QWidget):
    """``changed`` carries the text ("" when cleared), as the core reads it."""

    changed = Signal(str)

    def __init__(self, text: str = "", name: str = "Date", parent=None):
        super().__init__(parent)
        self.edit = QLineEdit(text)
        self.edit.setPlaceholderText("YYYY-MM-DD")
        self.edit.setMaximumWidth(130)
        self.edit.setAccessibleName(name)
        self.edit.textChanged.connect(self.changed.emit)
        self.pick = calendar_button(self.edit, name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.pick)
        layout.addStretch(1)
        self.setFocusProxy(self.edit)

    def text(self) -> str:
        return self.edit.text().strip()

    def setText(self, text: str) -> None:  # noqa: N802 - the QLineEdit name, so callers need not care
        self.edit.setText(text)

    def clear(self) -> None:
        self.edit.clear()
