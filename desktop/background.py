"""Work that must not hold up the window: run on one worker thread, delivered back on
the GUI thread. Only an int crosses the signal (see fields.AnswerInput on PySide6
and Python objects in signals); the result waits in a dict until it is collected."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from itertools import count
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal


SWITCH_INTERVAL_S = 0.0005
START_AFTER_MS = 150  # wait for the answers to settle: no search per keystroke
_DROPPED = object()


class Background(QObject):
    _finished = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one search at a time; newer answers win anyway
        self._tokens = count(1)
        self._latest = 0
        self._lock = threading.Lock()
        self._results: dict[int, Any] = {}
        self._callbacks: dict[int, Callable[[Any], None]] = {}
        self._finished.connect(self._deliver)
        self._pending: tuple[int, Callable[[], None]] | None = None
        self._timer = QTimer(self, singleShot=True, interval=START_AFTER_MS)
        self._timer.timeout.connect(self._start_pending)
        # The worker is pure Python: each time the GUI thread comes back from Qt it waits
        # for the interpreter lock for up to this interval (5 ms by default, many times
        # per event). A short interval keeps the window responsive while a search runs.
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL_S))

    def run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """Call ``work()`` on the worker; then ``done(result or the exception)`` here.
        Work still waiting when newer work comes is dropped: only the latest matters."""
        token = self._latest = next(self._tokens)
        self._callbacks[token] = done

        def task() -> None:
            if token != self._latest:
                with self._lock:
                    self._results[token] = _DROPPED
                self._emit(token)
                return
            try:
                result = work()
            except Exception as exc:  # delivered, so the window can say what failed
                result = exc
            with self._lock:
                self._results[token] = result
            self._emit(token)
        if self._pending is not None:  # never started: nobody waits for it any more
            self._callbacks.pop(self._pending[0], None)
        self._pending = (token, task)
        self._timer.start()  # restarted by newer work: only settled answers are searched

    def _start_pending(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            self._pool.start(pending[1])

    def _emit(self, token: int) -> None:
        try:
            self._finished.emit(token)
        except RuntimeError:  # the window closed meanwhile: nobody to tell
            pass

    def _deliver(self, token: int) -> None:
        with self._lock:
            result = self._results.pop(token)
        done = self._callbacks.pop(token)
        if result is not _DROPPED:
            done(result)

    def wait(self, msecs: int = 10_000) -> bool:
        """Start what waits and let it end (before the window closes or a test checks the panel)."""
        self._timer.stop()
        self._start_pending()
        return self._pool.waitForDone(msecs)
