"""The window at 1024x700 and on smaller screens, with each bundled pack, as people see it
(LeadFit's style sheet and fonts): nothing cut, one scroll bar per place, words not numbers.

Each case is opened as a case file (as a person would open one), in a real window."""

from __future__ import annotations

import re

import pytest
import yaml

from leadfit.rules.model.library import resolve_pack
from tests.desktop.test_desktop_panel_fit import styled  # noqa: F401 (a fixture)
from tests.desktop_support import LIMIT_MS, open_window, settle


def scenario_answers(pack: str, name: str) -> dict:
    found = {s.name: s for s in resolve_pack(None if pack == "default" else pack).scenarios}
    return {k: v for k, v in found[name].answers.items() if v is not None}


def open_case(qtbot, window, tmp_path, answers: dict, name: str = "case") -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump({"answers": answers}), encoding="utf-8")
    assert window.controller.open_case(path)
    settle(qtbot, window)
    window.controller.refresh()
    settle(qtbot, window)


def settle_layout(qtbot, window) -> None:
    """Queued layout requests run (the panel grows, then the scroll area around it)."""
    for _ in range(6):
        qtbot.wait(1)


def window_at(qtbot, user_files, width: int = 1024, height: int = 700, pack: str = "default"):
    window = open_window(qtbot, user_files)
    window.resize(width, height)
    window.welcome.hide()
    if pack != "default":
        window.choose_bundled(pack)
        settle(qtbot, window)
    settle_layout(qtbot, window)
    return window


# -- "Other outcomes" is as tall as its text: the panel scrolls, the list never does ------
@pytest.mark.parametrize("name", ["a learner with two years", "gaps too wide to close in time"])
def test_other_outcomes_never_scroll_inside_the_panel(qtbot, user_files, styled, tmp_path, name):
    window = window_at(qtbot, user_files)
    open_case(qtbot, window, tmp_path, scenario_answers("default", name))
    view = window.panel.alternatives
    qtbot.waitUntil(lambda: view.has_list(), timeout=LIMIT_MS)
    settle_layout(qtbot, window)
    assert view.isVisible()
    assert not view.verticalScrollBar().isVisible()
    assert view.verticalScrollBar().maximum() == 0, "a scroll area inside the panel's"
    assert view.document().size().height() <= view.viewport().height()


# -- the calendar button's arrow sits beside its word, not over it ------------------------
def _dark_box(image, background) -> tuple[int, int, int, int] | None:
    """The bounding box (left, top, right, bottom) of the pixels unlike ``background``'s."""
    xs, ys = [], []
    for y in range(image.height()):
        for x in range(image.width()):
            if image.pixel(x, y) != background.pixel(x, y):
                xs.append(x)
                ys.append(y)
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def _overlap(a, b) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


@pytest.mark.parametrize("question", ["org.assessed_on", "candidate.reduced_by"])
def test_the_calendar_arrow_is_drawn_beside_its_word_not_over_it(qtbot, user_files, styled,
                                                                 tmp_path, question):
    window = window_at(qtbot, user_files)
    open_case(qtbot, window, tmp_path, scenario_answers(
        "default", "learner keeps thirty percent with a full plan"))
    window.reveal(question)
    settle_layout(qtbot, window)
    pick = window.form.rows[question].input.calendar
    assert pick.isVisible() and pick.text() == "Calendar"
    menu = pick.menu()
    whole = pick.grab().toImage()
    pick.setMenu(None)  # the same button without its arrow: what differs is the arrow
    no_arrow = pick.grab().toImage()
    text = pick.text()
    pick.setText("")  # and without its word: what differs is the word
    blank = pick.grab().toImage()
    pick.setText(text)
    pick.setMenu(menu)
    arrow, word = _dark_box(whole, no_arrow), _dark_box(no_arrow, blank)
    assert arrow is not None and word is not None
    assert not _overlap(arrow, word), f"the arrow {arrow} is drawn over the word {word}"
    assert arrow[0] - word[2] >= 4, f"the arrow {arrow} is crammed against the word {word}"
    assert arrow[2] < whole.width() - 1, "the arrow runs into the button's edge"
