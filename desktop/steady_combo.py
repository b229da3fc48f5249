"""A choice box whose answer changes only on purpose, and whose answer is read whole.

Qt's combo box changes its answer when the wheel passes over it while a person
scrolls the page, and when Up, Down, Page Up/Down, Home or End are pressed on
it closed: an answer then changes (and the recommendation with it) while the
person only meant to move on. Here the wheel scrolls the page, Up and Down
open the list (where the arrows choose, and Escape keeps the answer), and the
other movement keys go to the page. Typing an option's first letters still
chooses it: that is deliberate.

An option longer than the box (“Holds the line and keeps relationships” at 1024x700)
was cut at its edge; the answer shown wraps onto as many lines as it needs, and the
box grows to hold them (height for width, as a wrapped label does).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter

_OPENS = (Qt.Key.Key_Up, Qt.Key.Key_Down)
_PAGE_KEYS = (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End)
_WRAP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap


class SteadyComboBox(QComboBox):
    """Also narrow: its width follows the page, not its longest option (which made the
    form scroll sideways at 1024x700); the open list is as wide as that option."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.currentIndexChanged.connect(lambda _i: self.updateGeometry())  # its lines may change

    # -- the answer shown whole ------------------------------------------------
    def text_room(self, width: int | None = None) -> QRect:
        """Where the answer's words go, in a box ``width`` wide (now: its own width)."""
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        if width is not None:
            opt.rect = QRect(0, 0, width, self.height())
        return self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                           QStyle.SubControl.SC_ComboBoxEditField, self)

    def _extra_height(self, width: int) -> int:
        """How much taller than one line the answer's words need at ``width``."""
        room = self.text_room(width).width()
        if room <= 0 or not self.currentText():
            return 0
        fm = self.fontMetrics()
        needed = fm.boundingRect(QRect(0, 0, room, 10_000), _WRAP, self.currentText()).height()
        return max(0, needed - fm.height())

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return super().sizeHint().height() + self._extra_height(width)

    def minimumSizeHint(self):  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        hint.setHeight(self.heightForWidth(max(self.width(), hint.width())))
        return hint

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        text, opt.currentText = opt.currentText, ""
        if self.currentIndex() < 0:  # nothing chosen yet: Qt's own paint shows the placeholder
            text = self.placeholderText()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)  # the frame's label part
        role = QPalette.ColorRole.ButtonText if not self.isEditable() else QPalette.ColorRole.Text
        painter.setPen(self.palette().color(role))
        painter.drawText(self.text_room(), int(_WRAP), text)

    # -- steady --------------------------------------------------------------
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
