"""A choice box whose answer changes only on purpose.

Qt's combo box changes its answer when the wheel passes over it while a person
scrolls the page, and when Up, Down, Page Up/Down, Home or End are pressed on
it closed: an answer then changes (and the recommendation with it) while the
person only meant to move on. Here the wheel scrolls the page, Up and Down
open the list (where the arrows choose, and Escape keeps the answer), and the
other movement keys go to the page. Typing an option's first letters still
chooses it: that is deliberate.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

_OPENS = (Qt.Key.Key_Up, Qt.Key.Key_Down)
_PAGE_KEYS = (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End)


class SteadyComboBox(QComboBox):
    """Also narrow: its width follows the page, not its longest option (which made the
    form scroll sideways at 1024x700); the open list is as wide as that option."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)

    def showPopup(self) -> None:  # noqa: N802 - Qt's name
        self.view().setMinimumWidth(self.view().sizeHintForColumn(0) + 24)
        super().showPopup()

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt's name
        event.ignore()  # to the scroll area under it: the page moves, the answer does not

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        if plain and event.key() in _OPENS:
            self.showPopup()
        elif plain and event.key() in _PAGE_KEYS:
            event.ignore()
        else:
            super().keyPressEvent(event)
