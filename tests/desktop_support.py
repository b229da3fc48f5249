"""Fixtures and helpers for the window tests: isolated user files, a window, filling it in."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.helpers import EXAMPLE_CASE

pytest.importorskip("PySide6")
from PySide6.QtWidgets import QComboBox


def example_answers() -> dict:
    return yaml.safe_load(EXAMPLE_CASE.read_text(encoding="utf-8"))["answers"]


def as_text(value) -> str:
    from leadfit.desktop.fields import as_text as widget_text
    return widget_text(value)


# Who records in the window tests: the window refuses a decision or a correction recorded
# by nobody, as the command line does; a test about that name clears or types its own.
RECORDER = "Rae Recorder"


def open_window(qtbot, user_files: Path, recorder: str = RECORDER):
    """The window, settled, as a person sees it after typing ``recorder`` once in 'Recorded
    by' (the window offers the last name typed there again)."""
    from leadfit.desktop.main_window import MainWindow
    window = MainWindow(user_files)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    wait_settled(qtbot, window)
    window.register.recorded_by = recorder
    return window


# Generous: the limits only end a wait that would never end; on eight agents' two busy
# cores a window took over 10 s to settle. Waits end on the event, not on the limit.
LIMIT_MS = 120_000


def wait_settled(qtbot, window) -> None:
    """Until the start-up work after the first frame is done (the first assessment, the
    reviews count): on the window's own signal."""
    if not window.settled():
        with qtbot.waitSignal(window.start_up.finished, timeout=LIMIT_MS):
            pass


def answer(qtbot, window, qid: str, value) -> None:
    """Answer one question through its widget, as a person would."""
    field = window.form.rows[qid].input
    editor = field.editor
    if value == "not known" and field.not_known is not None:
        field.not_known.setChecked(True)  # a number field's "Not known" box
    elif isinstance(editor, QComboBox):
        index = editor.findData(as_text(value))
        assert index > 0, f"{qid} has no option {value!r}"
        editor.setCurrentIndex(index)
    else:
        editor.clear()
        qtbot.keyClicks(editor, as_text(value))


def fill(qtbot, window, answers: dict) -> None:
    for qid, value in answers.items():
        answer(qtbot, window, qid, value)


def settle(qtbot, window) -> None:
    """Wait until the scheduled evaluation has run, and the search for what would change it."""
    qtbot.waitUntil(lambda: not window.timer.isActive(), timeout=LIMIT_MS)
    window.background.wait()
    qtbot.waitUntil(lambda: window.controller.assessment is None
                    or not window.controller.assessment.decided
                    or window.controller.alternatives is not None, timeout=LIMIT_MS)
