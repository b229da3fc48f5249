"""One measuring task over a register file, in its own process; prints one JSON line.

    python benchmarks/register_measure.py FILE TASK

Uses only service calls that the code before the search keys also has, so the same
task runs under an earlier clone's venv (register.py --before) on the same file.
"""

from __future__ import annotations

import hashlib
import json
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

# figure key -> (words, unit, the key of its baseline in the same run)
FIGURES = {
    "floor_ms": ("floor: newest 100 rows with bodies, raw sqlite3", "ms", None),
    "newest_ms": ("list the newest 100", "ms", "floor_ms"),
    "stream_outcome_ms": ("filter stream + outcome, 100 rows", "ms", "floor_ms"),
    "outcome_ms": ("filter outcome, 100 rows", "ms", "floor_ms"),
    "status_ms": ("filter status signed, 100 rows", "ms", "floor_ms"),
    "status_none_ms": ("filter status with no match (draft)", "ms", "floor_ms"),
    "stream_none_ms": ("filter stream with no match", "ms", "floor_ms"),
    "stream_all_ms": ("filter stream matching every stream, 100 rows", "ms", "floor_ms"),
    "show_ms": ("show the oldest record, checked", "ms", "floor_ms"),
    "decide_empty_ms": ("baseline: decide into an empty register", "ms", None),
    "seal_s": ("first write after the upgrade (seals the stream summary, once)", "s", None),
    "decide_ms": ("decide (evaluate, retry check, next serial, write)", "ms", "decide_empty_ms"),
    "scan_s": ("baseline: scan + SHA-256 of every body and entry", "s", None),
    "verify_s": ("verify", "s", "scan_s"),
    "verify_mb": ("verify: peak memory above the start", "MB", None),
    "scan_cpu_s": ("baseline: the scan's CPU time (steadier under load)", "s", None),
    "verify_cpu_s": ("verify: CPU time", "s", "scan_cpu_s"),
    "csv_s": ("CSV export of every version", "s", "scan_s"),
    "csv_cpu_s": ("CSV export: CPU time", "s", "scan_cpu_s"),
    "csv_mb": ("CSV export: peak memory above the start", "MB", None),
    "due_ms": ("reviews due: the first 100, each checked", "ms", "newest_ms"),
    "due_counts_ms": ("reviews due: how many overdue and due soon", "ms", "newest_ms"),
    "portfolio_ms": ("portfolio figures, every stream (summary columns)", "ms", "newest_ms"),
    "portfolio_checked_ms": ("portfolio, every stream checked (sealed summary)", "ms", "newest_ms"),
    "f10_ms": ("the F10 reading a decide makes (other streams, checked)", "ms", "newest_ms"),
    "portfolio_rows_ms": ("portfolio, each stream's row checked (before schema 8)", "ms",
                          "newest_ms"),
    "tab_open_ms": ("window: Register tab opens (first page painted)", "ms", None),
    "tab_filter_ms": ("window: a find-box filter (first page painted)", "ms", "tab_open_ms"),
    "tab_filter_none_ms": ("window: a find-box filter with no match", "ms", "tab_open_ms"),
}


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _runs(fn) -> int:
    """Slow paths (the code before) get fewer runs: a filter of seconds, measured 3 times."""
    start = time.perf_counter()
    fn()
    return 3 if time.perf_counter() - start > 0.5 else 15


def _timed(fn) -> float:
    return median_ms(fn, _runs(fn))


def queries(path: Path) -> dict:
    from leadfit.decisions import service
    url = f"sqlite:///{path}"
    raw = sqlite3.connect(path)
    floor = median_ms(lambda: raw.execute("SELECT * FROM decision_records ORDER BY id DESC"
                                          " LIMIT 100").fetchall(), 15)
    count = raw.execute("SELECT count(*) FROM decision_records").fetchone()[0]
    raw.close()
    with service.open_register(url, create=False, readonly=True) as reg:
        listed = service.list_records(reg, stream="stream 07", outcome="coach", limit=100)
        assert listed and {(r.stream, r.outcome) for r in listed} == {("Stream 07", "coach")}
        assert service.list_records(reg, stream="no such stream") == []
        oldest = service.list_records(reg, limit=1, offset=count - 1)[0].ref
        return {
            "floor_ms": floor,
            "newest_ms": _timed(lambda: service.list_records(reg, limit=100)),
            "stream_outcome_ms": _timed(lambda: service.list_records(
                reg, stream="Stream 07", outcome="coach", limit=100)),
            "outcome_ms": _timed(lambda: service.list_records(reg, outcome="appoint", limit=100)),
            "status_ms": _timed(lambda: service.list_records(reg, status="signed", limit=100)),
            "status_none_ms": _timed(lambda: service.list_records(reg, status="draft", limit=100)),
            "stream_none_ms": _timed(lambda: service.list_records(reg, stream="no such stream",
                                                                  limit=100)),
            "stream_all_ms": _timed(lambda: service.list_records(reg, stream="stream", limit=100)),
            "show_ms": _timed(lambda: service.show(reg, oldest)),
        }


def _default_pack():
    try:
        from leadfit.rules.model.library import default_pack
    except ImportError:  # the code before issue 10's split (register.py --before)
        from leadfit.rules.library import default_pack  # type: ignore[no-redef]
    return default_pack()


def _example_case(pack):
    import leadfit.forms
    from leadfit.forms.case import load_case_file
    return load_case_file(Path(leadfit.forms.__file__).parent / "examples/example-case.yaml",
                          pack.questionnaire)


def decide(path: Path) -> dict:
    from leadfit.decisions import service
    pack = _default_pack()
    case = _example_case(pack)

    def one(url):
        with service.open_register(url) as reg:
            return median_ms(lambda: service.decide(reg, case, pack, decision="coach",
                                                    conditions="Weekly", plan_later=True,
                                                    again=True), 3)
    with tempfile.TemporaryDirectory() as tmp:
        empty = one(f"sqlite:///{Path(tmp) / 'empty.sqlite3'}")
    big = one(f"sqlite:///{path}")
    return {"decide_empty_ms": empty, "decide_ms": big}


def scan(path: Path) -> dict:
    """The floor for verify: read every body and entry and hash each, nothing more."""
    raw = sqlite3.connect(path)
    start, cpu = time.perf_counter(), time.process_time()
    for query in ("SELECT body FROM decision_records", "SELECT entry FROM audit_log"):
        for (text,) in raw.execute(query):
            hashlib.sha256(text.encode()).hexdigest()
    raw.close()
    return {"scan_s": time.perf_counter() - start, "scan_cpu_s": time.process_time() - cpu}


def verify(path: Path) -> dict:
    from leadfit.decisions import service
    with service.open_register(f"sqlite:///{path}", create=False, readonly=True) as reg:
        start_mb = _rss_mb()
        start, cpu = time.perf_counter(), time.process_time()
        report = service.verify(reg)
        took, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert report.ok, report.problems[:3]
    return {"verify_s": took, "verify_cpu_s": cpu, "verify_mb": _rss_mb() - start_mb}


def csv_export(path: Path) -> dict:
    from leadfit.decisions import service
    with tempfile.TemporaryDirectory() as tmp, \
            service.open_register(f"sqlite:///{path}", create=False, readonly=True) as reg:
        start_mb = _rss_mb()
        start, cpu = time.perf_counter(), time.process_time()
        service.export_csv(reg, Path(tmp) / "register.csv")
        return {"csv_s": time.perf_counter() - start, "csv_cpu_s": time.process_time() - cpu,
                "csv_mb": _rss_mb() - start_mb}


def upgrade(path: Path) -> dict:
    from leadfit.decisions import service
    start = time.perf_counter()
    service.open_register(f"sqlite:///{path}").close()
    return {"upgrade_s": time.perf_counter() - start}


def window(path: Path) -> dict:
    import os
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from leadfit.desktop.register_tab import RegisterTab
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as data:
        tab = RegisterTab(Path(data), tell=lambda _m: None, register_url=f"sqlite:///{path}")
        tab.resize(1024, 700)
        tab.show()
        app.processEvents()

        def typed(text):
            def run():
                tab.view.search.setText(text)
                app.processEvents()
            return run
        opened = median_ms(lambda: (tab.controller.refresh(), app.processEvents()), 3)
        found = median_ms(typed("candidate 4"), 3)
        assert tab.view.model.rowCount() > 0
        typed("")()
        none = median_ms(typed("nobody of that name"), 3)
        assert tab.view.model.rowCount() == 0
        tab.controller.register.close()
        tab.close()
    return {"tab_open_ms": opened, "tab_filter_ms": found, "tab_filter_none_ms": none}


def lifecycle(path: Path) -> dict:
    """The fail-fast reviews due and the board's portfolio (issue 12): code after schema 7."""
    from datetime import date

    from leadfit.decisions import review_service, service
    today = date(2030, 1, 1)   # after every review date the template carries: all overdue
    with service.open_register(f"sqlite:///{path}", create=False, readonly=True) as reg:
        overdue, soon = review_service.due_counts(reg, today)
        listed = review_service.due_reviews(reg, today)
        assert overdue and len(listed) == min(100, overdue + soon)
        board = service.portfolio(reg, check=False)
        assert board.streams and service.portfolio(reg) == board and not board.summary
        case = _example_case(_default_pack())
        assert service.other_streams(reg, case) is not None
        return {"due_ms": _timed(lambda: review_service.due_reviews(reg, today)),
                "due_counts_ms": _timed(lambda: review_service.due_counts(reg, today)),
                "portfolio_ms": _timed(lambda: service.portfolio(reg, check=False)),
                "portfolio_checked_ms": _timed(lambda: service.portfolio(reg)),
                "f10_ms": _timed(lambda: service.other_streams(reg, case)),
                "portfolio_rows_ms": _rows_checked(reg)}


def _rows_checked(reg) -> float:
    """The per-row check the sealed summary replaces (what every read did before schema 8)."""
    from leadfit.decisions import service
    from leadfit.decisions.portfolio import _checked
    with reg.read() as conn:
        return median_ms(lambda: _checked(conn, service.checker(reg, conn)), 1)


def seal(path: Path) -> dict:
    """The first write after the upgrade builds and seals the stream summary (once)."""
    from leadfit.decisions import service
    pack = _default_pack()
    with service.open_register(f"sqlite:///{path}") as reg:
        start = time.perf_counter()
        service.decide(reg, _example_case(pack), pack, decision="coach", conditions="Weekly",
                       plan_later=True, again=True)
        return {"seal_s": time.perf_counter() - start}


AFTER_ONLY = ("seal",)   # the code before measures the lifecycle when it has it (optional)
TASKS = {"seal": seal, "queries": queries, "lifecycle": lifecycle, "decide": decide, "scan": scan, "verify": verify, "csv": csv_export,
         "window": window}


def main() -> None:
    path, task = Path(sys.argv[1]), sys.argv[2]
    run = {**TASKS, "upgrade": upgrade}[task]
    print(json.dumps(run(path)))


if __name__ == "__main__":
    main()
