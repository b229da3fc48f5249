"""Work that must not hold up the window: run on one worker thread, delivered back on
the GUI thread. Only an int crosses the signal (see fields.AnswerInput on PySide6
and Python objects in signals); the result waits in a dict until it is collected."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from itertools import count
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal


SWITCH_INTERVAL_S = 0.0005


class Background(QObject):
    _finished = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one search at a time; newer answers win anyway
        self._tokens = count(1)
        self._lock = threading.Lock()
        self._results: dict[int, Any] = {}
        self._callbacks: dict[int, Callable[[Any], None]] = {}
        self._finished.connect(self._deliver)
        # The worker is pure Python: each time the GUI thread comes back from Qt it waits
        # for the interpreter lock for up to this interval (5 ms by default, many times
        # per event). A short interval keeps the window responsive while a search runs.
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL_S))

    def run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """Call ``work()`` on the worker; then ``done(result or the exception)`` here."""
        token = next(self._tokens)
        self._callbacks[token] = done

        def task() -> None:
            try:
                result = work()
            except Exception as exc:  # delivered, so the window can say what failed
                result = exc
            with self._lock:
                self._results[token] = result
            try:
                self._finished.emit(token)
            except RuntimeError:  # the window closed meanwhile: nobody to tell
                pass
        self._pool.start(task)

    def _deliver(self, token: int) -> None:
        with self._lock:
            result = self._results.pop(token)
        self._callbacks.pop(token)(result)

    def wait(self, msecs: int = 10_000) -> bool:
        """Let running work end (before the window closes or a test checks the panel)."""
        return self._pool.waitForDone(msecs)
