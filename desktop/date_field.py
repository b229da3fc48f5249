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
        self.pick = QToolButton()
        self.pick.setText("📅")
        self.pick.setToolTip(f"Pick the {name.lower()} from a calendar")
        self.pick.setAccessibleName(f"Pick {name.lower()} from a calendar")
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget()
        self.calendar.setAccessibleName(f"Calendar for {name.lower()}")
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        menu = QMenu(self.pick)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._show_current)
        self.pick.setMenu(menu)
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

    def _show_current(self) -> None:
        try:
            day = date.fromisoformat(self.text())
        except ValueError:
            day = date.today()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def _picked(self, day: QDate) -> None:
        self.edit.setText(day.toString("yyyy-MM-dd"))
        self.pick.menu().hide()
