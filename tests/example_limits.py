"""Time limits for generated examples that hold on a loaded machine and still catch hangs.

Hypothesis's deadline is wall time: with seven suites sharing two cores an example
that needs 1 s of work took 11-33 s, and `make fuzz` failed on the machine, not the
code. So each example is limited by the CPU time it uses (the work it does, whatever
the load), and a hang, which uses no CPU while it waits, is caught by a wall clock far
longer than any load explains:

- ``LEADFIT_FUZZ_CPU_SECONDS`` (default 5): CPU seconds one example may use;
- ``LEADFIT_FUZZ_HANG_SECONDS`` (default 120): wall seconds after which an example is
  stopped as hung (an exception from SIGALRM in Python code; if the hang is inside C
  code that never returns to Python, faulthandler dumps every thread's stack and ends
  the run at twice that, so a hang never passes silently).
"""

from __future__ import annotations

import contextlib
import faulthandler
import functools
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator


def cpu_limit() -> float:
    return float(os.environ.get("LEADFIT_FUZZ_CPU_SECONDS", "5"))


def hang_limit() -> float:
    return float(os.environ.get("LEADFIT_FUZZ_HANG_SECONDS", "120"))


class ExampleHung(Exception):
    """An example ran past the hang limit in wall time."""


class ExampleTooSlow(AssertionError):
    """An example used more CPU time than the limit."""


@contextlib.contextmanager
def example_limits(what: str = "example") -> Iterator[None]:
    cpu, wall = cpu_limit(), hang_limit()
    alarm = hasattr(signal, "SIGALRM") and _main_thread()

    def hung(_signum, _frame):
        raise ExampleHung(f"{what} still running after {wall:g} s of wall time: a hang")

    if alarm:
        previous = signal.signal(signal.SIGALRM, hung)
        signal.setitimer(signal.ITIMER_REAL, wall)
    faulthandler.dump_traceback_later(wall * 2, exit=True, file=sys.__stderr__)
    start = time.process_time()
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    used = time.process_time() - start
    if used > cpu:
        raise ExampleTooSlow(f"{what} used {used:.1f} s of CPU time; the limit is {cpu:g} s"
                             " (LEADFIT_FUZZ_CPU_SECONDS)")


def limited(test: Callable) -> Callable:
    """Put each generated example of ``test`` under :func:`example_limits` (place it
    under ``@given``, so hypothesis calls the limited function once per example)."""
    @functools.wraps(test)
    def run(*args, **kwargs):
        with example_limits(test.__name__):
            return test(*args, **kwargs)
    return run


def _main_thread() -> bool:
    import threading
    return threading.current_thread() is threading.main_thread()
