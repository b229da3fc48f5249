"""The two cores of a large ``pack diff``: this process and one helper share the chunks.

This process starts the helper, then evaluates chunks itself while keeping a few
queued for the helper, so both cores work from the first chunk to the last and no
process waits on another (a pool of two workers left this one idle, and cost two
start-ups). The helper is forked where that is safe (Linux, no other thread):
it starts at once with the packs already read and this process's evaluator, its memos
warmed by the first chunk; elsewhere it is spawned and reads the packs.
Results come back in case order; only the chunks done ahead of an earlier one the
helper still holds wait, so memory stays flat. A helper that fails or dies leaves its
chunks to this process, which evaluates them itself: the result is the same.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import sys
import threading
from collections.abc import Callable, Iterable, Iterator

from leadfit.rules.model.library import load_pack
from leadfit.rules.model.pack import Pack

AHEAD = 3  # chunks queued for the helper: it never waits for the next while this one works
_READY = -1


def shared_with_a_helper(a: Pack, b: Pack, chunks: Iterable[list], evaluator,
                         handed_on: Callable[[int], None]) -> Iterator:
    """Each chunk's results in order (``evaluator.pair`` of each work), the chunks shared
    with a helper process; ``handed_on(n)`` before each chunk's n results are handed on."""
    method = start_method()
    fork = method == "fork"
    ctx = multiprocessing.get_context(method)
    tasks, results = ctx.Queue(), ctx.Queue()
    # forked: the helper starts with this process's evaluator, its memos as warm as they are
    given = (a, b, evaluator) if fork else (str(a.folder), str(b.folder), None)
    helper = ctx.Process(target=_helper, args=(*given, tasks, results), daemon=True)  # type: ignore[attr-defined]
    for stream in (sys.stdout, sys.stderr):  # a forked helper would write out what is buffered
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass
    helper.start()
    at_helper: dict[int, list] = {}  # index -> chunk, sent and not yet back
    finished: dict[int, list] = {}   # index -> results, waiting for an earlier chunk
    state = {"ready": False, "next": 0}

    def collect(wait: bool) -> None:
        """Take what the helper has sent; with ``wait``, until one chunk comes back (or
        the helper is found gone: its chunks are then evaluated here)."""
        while True:
            try:
                index, part = results.get(timeout=0.2) if wait else results.get_nowait()
            except queue.Empty:
                if wait and not helper.is_alive():
                    _take_back(at_helper, finished, evaluator)
                    return
                if wait:
                    continue
                return
            if index == _READY:
                state["ready"] = part is None  # else the helper could not start: text of why
                if part is not None:
                    _take_back(at_helper, finished, evaluator)
                continue
            finished[index] = part
            at_helper.pop(index, None)
            if wait:
                return

    def hand_on() -> Iterator:
        while state["next"] in finished:
            part = finished.pop(state["next"])
            state["next"] += 1
            handed_on(len(part))
            yield from part

    try:
        for index, chunk in enumerate(chunks):
            collect(wait=False)
            if state["ready"] and len(at_helper) < AHEAD and helper.is_alive():
                at_helper[index] = chunk
                tasks.put((index, chunk))
                continue
            finished[index] = [evaluator.pair(w) for w in chunk]
            yield from hand_on()
        tasks.put(None)
        while at_helper:
            collect(wait=True)
            yield from hand_on()
        yield from hand_on()
    finally:
        if helper.is_alive():
            helper.terminate()
        helper.join()


def start_method() -> str:
    """"fork" where a forked helper is safe (Linux, no thread but this one), else "spawn"."""
    return "fork" if sys.platform.startswith("linux") and _threads() == 1 else "spawn"


def _threads() -> int:
    """This process's threads as the system counts them (what Python 3.12 warns about
    before a fork): threading.active_count() misses threads started outside the threading
    module, such as a library's own or one from _thread.start_new_thread."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


def _take_back(at_helper: dict, finished: dict, evaluator) -> None:
    """The helper is gone: its chunks are evaluated here."""
    for index in sorted(at_helper):
        finished[index] = [evaluator.pair(w) for w in at_helper.pop(index)]


def _helper(a, b, given, tasks, results) -> None:
    """The helper's loop: chunks in, each with its results out, until None."""
    try:
        from leadfit.rules.authoring.diff_cases import Evaluator
        evaluator = given or Evaluator(load_pack(a) if isinstance(a, str) else a,
                                       load_pack(b) if isinstance(b, str) else b)
    except Exception as exc:  # this process evaluates every chunk instead
        results.put((_READY, f"{type(exc).__name__}: {exc}"))
        return
    results.put((_READY, None))
    while True:
        task = tasks.get()
        if task is None:
            return
        index, chunk = task
        results.put((index, [evaluator.pair(w) for w in chunk]))
