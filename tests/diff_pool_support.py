"""The forked helper of a pack diff, run in a fresh process by tests/test_diff_pool.py.

The pool forks only from a process with no other thread (forking one that runs threads
may deadlock; Python 3.12 warns), and the test's own process (an xdist worker) runs
threads. So these scenarios run here, with -W error: a fork Python warns about fails them.
``python -W error -m tests.diff_pool_support TMPDIR`` prints "ok" when all hold.
"""

from __future__ import annotations

import _thread
import os
import sys
import threading
import time
from pathlib import Path

from leadfit.rules.authoring import diff_cases, diff_pool
from leadfit.rules.authoring.diff import impact, scenario_cases
from leadfit.rules.model.library import default_pack, resolve_pack


def noting(log: Path, then: str):
    """The real helper (forked, so this replacement runs in it), noting each chunk it
    takes in ``log``; with then="dies" it dies after its first chunk."""
    original = diff_pool._helper

    def helper(a, b, given, tasks, results):
        class Noting:
            def get(self):
                task = tasks.get()
                if task is not None:
                    with open(log, "a") as out:
                        out.write(f"{task[0]}\n")
                    if then == "dies" and log.read_text().count("\n") > 1:
                        os._exit(3)
                return task
        original(a, b, given, Noting(), results)
    return helper


def failing(a, b, given, tasks, results) -> None:
    """A helper that cannot read the packs: it says so and takes nothing."""
    results.put((diff_pool._READY, "PackError: cannot read the pack"))


def main(folder: Path) -> None:
    assert diff_pool.start_method() == "fork", "one thread: the helper is forked"
    diff_cases.PARALLEL_FROM, diff_cases.CHUNK = 5, 7
    a, b = default_pack(), resolve_pack("bank")
    cases = scenario_cases(a, b) * 4
    serial = impact(a, b, cases, workers=1).to_data()
    original = diff_pool._helper
    for then in ("works", "dies"):   # the helper shares the chunks; the impact is the same
        log = folder / f"helper-{then}.log"
        diff_pool._helper = noting(log, then)
        ticks: list[int] = []
        shared = impact(a, b, cases, progress=lambda done, total: ticks.append(done), workers=2)
        assert shared.to_data() == serial, then
        assert ticks == sorted(ticks) and ticks[-1] == len(cases), then
        assert len(ticks) == -(-len(cases) // 7), then
        assert log.exists() and log.read_text().strip(), f"{then}: the helper took no chunk"
    diff_pool._helper = failing      # a helper that cannot start leaves every chunk here
    assert impact(a, b, cases, workers=2).to_data() == serial
    diff_pool._helper = original
    stop = threading.Event()
    threading.Thread(target=stop.wait, daemon=True).start()
    assert diff_pool.start_method() == "spawn", "a threading.Thread runs: never fork"
    stop.set()
    while threading.active_count() > 1:
        time.sleep(0.01)
    _thread.start_new_thread(time.sleep, (30,))  # a thread the threading module does not count
    assert diff_pool.start_method() == "spawn", "a thread outside threading runs: never fork"
    print("ok")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
