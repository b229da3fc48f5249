"""Start-up work the main window leaves until its first frame is drawn.

The window shows its form first; the first assessment (which loads the engine, and
SQLAlchemy when it reads the other streams from the register) and the count of reviews
due follow, one task per event-loop turn, so the frame is never held up by them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal


class AfterFirstFrame(QObject):
    finished = Signal()  # every task has run: the window is idle until the user acts

    def __init__(self, window, tasks: list[Callable[[], object]]):
        super().__init__(window)
        self._tasks = list(tasks)
        self._started = False
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if not self._started and event.type() == QEvent.Type.Paint:
            self._started = True
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._next)  # after this paint reaches the screen
        return False

    def _next(self) -> None:
        if self._tasks:
            self._tasks.pop(0)()
            QTimer.singleShot(0, self._next)
        elif self._started:
            self.finished.emit()

    def done(self) -> bool:
        """Whether every task has run (the window is then idle until the user acts)."""
        return self._started and not self._tasks

    def cancel(self) -> None:
        """The window is closing: what has not run would only work for a closed window."""
        self._tasks.clear()
        self._started = True
