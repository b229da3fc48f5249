"""Real processes: two writers at once lose nothing; a writer killed mid-save leaves
the register consistent (all of a change or none of it)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from leadfit.decisions import service
from leadfit.decisions.register import open_register
from tests.decisions_support import counts, decide_coach

WORKER = Path(__file__).with_name("register_worker.py")


def _start(url: str, mode: str, count: int = 0, start_file: Path | None = None):
    args = [sys.executable, str(WORKER), url, mode, str(count)]
    if start_file:
        args.append(str(start_file))
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _wait_for(proc, "READY")
    return proc


def _wait_for(proc, word: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line.startswith(word):
            return
        if not line and proc.poll() is not None:
            raise AssertionError(f"worker ended before {word}: {proc.stderr.read()}")
    raise AssertionError(f"worker did not say {word}")


def test_two_processes_signing_at_once_lose_nothing(db_url, tmp_path):
    with open_register(db_url):
        pass  # create the schema first, so both workers race only on records
    go = tmp_path / "go"
    each = 12
    workers = [_start(db_url, "sign", each, go) for _ in range(2)]
    go.touch()
    for w in workers:
        _out, err = w.communicate(timeout=180)
        assert w.returncode == 0, err
    with open_register(db_url) as reg:
        records = service.list_records(reg, limit=None)
        assert len(records) == 2 * each
        assert {r.status for r in records} == {"signed"}
        assert len({r.record_id for r in records}) == 2 * each      # no ID handed out twice
        assert counts(reg) == (2 * each, 3 * 2 * each)              # every sign-off logged
        report = service.verify(reg)
        assert report.ok, report.problems


def test_a_process_killed_inside_a_save_leaves_nothing_half_written(db_url):
    with open_register(db_url) as reg:
        kept = decide_coach(reg)
        before = counts(reg)
    worker = _start(db_url, "hang")
    _wait_for(worker, "INSIDE")          # row and audit entry written, not committed
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait(timeout=30)
    with open_register(db_url) as reg:
        assert counts(reg) == before
        report = service.verify(reg)
        assert report.ok, report.problems
        after = decide_coach(reg, again=True)  # the register still takes writes
        assert after.record_id != kept.record_id
        assert service.verify(reg).ok


@pytest.mark.parametrize("delay", [0.4, 0.9, 1.7])
def test_a_process_killed_at_any_moment_leaves_the_register_consistent(tmp_path, delay):
    url = f"sqlite:///{tmp_path / 'killed.sqlite3'}"
    worker = _start(url, "loop")
    _wait_for(worker, "DONE")
    time.sleep(delay)
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait(timeout=30)
    with open_register(url) as reg:
        report = service.verify(reg)
        assert report.ok, report.problems
        records, entries = counts(reg)
        assert records >= 1
        # each record has its decide entry plus one per sign-off that reached the register
        signoffs = sum(len(service.show(reg, r.ref).signoffs)
                       for r in service.list_records(reg, limit=None))
        assert entries == records + signoffs
