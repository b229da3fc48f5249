"""The window's pack switch says what `leadfit pack lint` says of a refused client pack: the
loader's problems and, in the same list, its rules that can never fire (real window offscreen,
real pack files). A folder is first tried in a child process (desktop/pack_watchdog.py), which
already said both; loaded in the window's own process (the trial skipped, or the folder
changed after it), only the loader's problems were listed."""

from __future__ import annotations

import pytest

from leadfit.desktop import pack_watchdog
from tests.desktop_support import open_window
from tests.test_pack_consultant_words import BASE, NEVER_FIRES, client_pack

MISSPELT = BASE + "disable: [p3-nevr-led]\n"


def _assert_both_listed(shown: list) -> None:
    warnings = [text for kind, text in shown if kind == "warning"]
    assert warnings, shown
    listed = [row.removeprefix("• ") for row in warnings[-1].splitlines()]
    assert any(row.startswith("pack.yaml:4: disable: rule 'p3-nevr-led' is not in default@2.9")
               for row in listed), listed
    assert any(row.startswith("rules.yaml:2: rule 'client-impossible' can never fire")
               for row in listed), listed


@pytest.mark.parametrize("tried", [True, False], ids=["child-process-trial", "in-process"])
def test_choosing_a_refused_pack_names_its_rule_that_can_never_fire_too(
        qtbot, user_files, tmp_path, no_modal_dialogs, monkeypatch, tried):
    if not tried:
        monkeypatch.setattr(pack_watchdog, "needs_trial", lambda source: False)
    folder = client_pack(tmp_path, MISSPELT, NEVER_FIRES)
    window = open_window(qtbot, user_files)
    before = window.controller.pack
    window.choose_pack(str(folder))
    assert window.controller.pack is before
    _assert_both_listed(no_modal_dialogs)


def test_a_remembered_pack_broken_since_names_its_rule_that_can_never_fire_too(
        qtbot, user_files, tmp_path, no_modal_dialogs, monkeypatch):
    monkeypatch.setattr(pack_watchdog, "needs_trial", lambda source: False)
    folder = client_pack(tmp_path)
    window = open_window(qtbot, user_files)
    window.choose_pack(str(folder))
    assert window.controller.pack.name == "client"
    window.close()
    (folder / "pack.yaml").write_text(MISSPELT, encoding="utf-8")
    (folder / "rules.yaml").write_text(NEVER_FIRES, encoding="utf-8")
    again = open_window(qtbot, user_files)
    assert again.controller.pack.name == "default"
    _assert_both_listed(no_modal_dialogs)
