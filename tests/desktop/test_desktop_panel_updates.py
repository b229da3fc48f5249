"""The panel follows each answer in place: what the person selected or opened stays so.

Rebuilding every row per keystroke lost the finding a person had selected and cost
most of the time from answer to panel (benchmarks/window.py).
"""

from __future__ import annotations

from tests.desktop_support import LIMIT_MS, answer, example_answers, fill, open_window, settle


def ids(tree) -> list[str]:
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


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
    assert findings.currentItem().text(0) == stays and findings.currentItem().isSelected()
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
    titles = [m.title for m in window.controller.assessment.missing[:6]]
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
