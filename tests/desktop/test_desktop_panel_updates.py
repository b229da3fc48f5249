"""The panel follows each answer in place: what the person selected or opened stays so.

Rebuilding every row per keystroke lost the finding a person had selected and cost
most of the time from answer to panel (benchmarks/window.py).
"""

from __future__ import annotations

from tests.desktop_support import LIMIT_MS, answer, example_answers, fill, open_window, settle


def ids(tree) -> list[str]:
    return tree.codes()


def test_a_selected_and_opened_finding_stays_so_while_another_goes(qtbot, user_files):
    window = open_window(qtbot, user_files)
    fill(qtbot, window, example_answers())
    settle(qtbot, window)
    findings = window.panel.findings
    assert "F11" in ids(findings) and len(ids(findings)) > 1
    stays = [i for i in ids(findings) if i != "F11"][-1]  # the pack orders findings; pick one that stays
    chosen = findings.topLevelItem(ids(findings).index(stays))
    findings.setCurrentItem(chosen)
    chosen.setExpanded(True)
    kept = {ids(findings)[i]: findings.topLevelItem(i) for i in range(findings.topLevelItemCount())}

    answer(qtbot, window, "stream.revenue_impact", "low")  # the revenue risk (F11) goes
    settle(qtbot, window)
    assert "F11" not in ids(findings)
    assert findings.currentItem() is findings.item(stays) and findings.currentItem().isSelected()
    assert findings.currentItem().isExpanded()
    unchanged = [i for i in ids(findings) if findings.topLevelItem(ids(findings).index(i)) is kept[i]]
    assert unchanged == ids(findings)  # no row that still says the same was made again


def test_the_links_to_missing_answers_follow_the_answers(qtbot, user_files):
    window = open_window(qtbot, user_files)
    first = dict(window.panel.missing_links)
    assert first and all(link.isVisible() for link in first.values())
    qid, link = next(iter(first.items()))
    answer(qtbot, window, qid, "Blake Chen" if qid.endswith("name") else "yes")
    settle(qtbot, window)
    assert qid not in window.panel.missing_links
    shown = [b.text() for b in window.panel._links if b.isVisible()]
    assert shown == [b.text() for b in window.panel.missing_links.values()]
    titles = [f"Answer: {m.title}" for m in window.controller.assessment.missing[:6]]
    assert shown == titles
    window.panel.missing_links[next(iter(window.panel.missing_links))].click()
    assert window.form.current_section() == window.form.page_of[next(iter(window.panel.missing_links))]


def test_a_findings_explanation_wraps_whole_rather_than_being_cut_short(qtbot, user_files):
    window = open_window(qtbot, user_files)
    window.resize(1024, 700)
    fill(qtbot, window, example_answers())
    settle(qtbot, window)
    findings = window.panel.findings
    metrics = findings.fontMetrics()
    lines = [findings.topLevelItem(i).child(j) for i in range(findings.topLevelItemCount())
             for j in range(findings.topLevelItem(i).childCount())]
    longest = max(lines, key=lambda item: metrics.horizontalAdvance(item.text(0)))
    longest.parent().setExpanded(True)
    qtbot.waitUntil(lambda: findings.visualRect(findings.indexFromItem(longest)).height() > 0,
                    timeout=LIMIT_MS)  # laid out once expanded
    rect = findings.visualRect(findings.indexFromItem(longest))
    wide = metrics.horizontalAdvance(longest.text(0))
    assert wide > rect.width()  # too long for one line at this size
    assert rect.height() >= -(-wide // rect.width()) * metrics.lineSpacing()  # room for each line


def test_a_finding_whose_reason_changes_keeps_its_row_its_lines_and_says_the_new_answer(
        qtbot, user_files):
    from leadfit.desktop.findings_view import because
    window = open_window(qtbot, user_files)
    fill(qtbot, window, {**example_answers(), "candidate.digital_years": 2})
    settle(qtbot, window)
    findings = window.panel.findings
    row = {i: findings.topLevelItem(ids(findings).index(i)) for i in ("F1", "F10")}
    row["F1"].setExpanded(True)
    findings.setCurrentItem(row["F10"])
    lines = [row["F1"].child(j) for j in range(row["F1"].childCount())]
    said = [line.text(0) for line in lines]

    answer(qtbot, window, "candidate.digital_years", 1)  # F1 and F10 stay, each for 1 year now
    settle(qtbot, window)
    f1 = next(f for f in window.controller.assessment.findings if f.id == "F1")
    now = [row["F1"].child(j).text(0) for j in range(row["F1"].childCount())]
    assert now != said and [because(c, findings.questions) for c in f1.because] == now[1:-1]
    assert findings.topLevelItem(ids(findings).index("F1")) is row["F1"] and row["F1"].isExpanded()
    assert [row["F1"].child(j) for j in range(row["F1"].childCount())] == lines  # words changed in place
    assert findings.currentItem() is row["F10"] and row["F10"].isSelected()


def test_the_same_assessment_again_lays_nothing_out(qtbot, user_files):
    from PySide6.QtCore import QEvent, QObject

    class Layouts(QObject):
        count = 0

        def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.LayoutRequest:
                self.count += 1
            return False
    window = open_window(qtbot, user_files)
    fill(qtbot, window, example_answers())
    settle(qtbot, window)
    panel, watch = window.panel, Layouts()
    for widget in [panel, *panel.findChildren(QObject)]:
        widget.installEventFilter(watch)
    for _ in range(100):  # until the layouts the answers asked for are done
        watch.count = 0
        qtbot.wait(100)
        if not watch.count:
            break
    assert watch.count == 0, "the panel never came to rest"
    panel.show_assessment(window.controller.assessment, sorted(window.controller.errors))
    panel.show_alternatives(window.controller.alternatives)
    qtbot.wait(50)
    assert watch.count == 0


def test_while_what_would_change_it_is_worked_out_again_the_panel_says_so(qtbot, user_files):
    from leadfit.desktop.assessment_panel import OTHER_OUTCOMES, WORKING_AGAIN
    window = open_window(qtbot, user_files)
    fill(qtbot, window, {**example_answers(), "candidate.digital_years": 2})
    settle(qtbot, window)
    heading, view = window.panel.headings[OTHER_OUTCOMES], window.panel.alternatives
    before = view.plain_text()
    assert "Why not" in before and view.isEnabled() and heading.text() == OTHER_OUTCOMES

    window.form.rows["candidate.digital_years"].input.editor.setText("1")
    window.timer.stop()
    window.controller.refresh()  # assessed; the search has not run yet
    assert heading.text() == WORKING_AGAIN and len(WORKING_AGAIN) <= len(OTHER_OUTCOMES)
    assert not view.isEnabled() and view.plain_text() == before  # the last list, greyed
    settle(qtbot, window)
    assert heading.text() == OTHER_OUTCOMES and view.isEnabled()
    assert view.plain_text() != before and "now 1" in view.plain_text()
