"""Windows and dialogs that fit the screen they open on, at any scale factor."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

MARGIN = 24  # px kept free around a window for the desktop's own panels


def available(widget: QWidget):
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to (width, height), or to what the screen has room for if that is less."""
    room = available(widget)
    widget.resize(max(200, min(width, room.width() - MARGIN)),
                  max(160, min(height, room.height() - MARGIN)))
    frame = widget.frameGeometry()
    if not room.contains(frame):
        frame.moveCenter(room.center())
        widget.move(frame.topLeft())
