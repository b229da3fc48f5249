"""A pack folder that hangs or fails in a way not yet known never holds up the window:
it is tried in a child process with a time limit, and the default pack is used instead."""

from __future__ import annotations

import shutil
import sys

from leadfit.desktop import pack_watchdog
from leadfit.rules.model.library import bundled_packs_dir
from tests.desktop_support import open_window

HANGS = [sys.executable, "-c", "import time; time.sleep(60)"]  # an evaluation that never returns


def _client_pack(tmp_path):
    folder = tmp_path / "client-pack"
    shutil.copytree(bundled_packs_dir() / "bank", folder)
    return folder


def test_a_last_used_pack_that_hangs_is_stopped_and_the_default_is_used(qtbot, user_files, tmp_path,
                                                                      monkeypatch, no_modal_dialogs):
    from leadfit.desktop import settings as app_settings
    folder = _client_pack(tmp_path)
    app_settings.settings().setValue("pack", str(folder))
    monkeypatch.setattr(pack_watchdog, "evaluator_command", lambda: HANGS)
    monkeypatch.setattr(pack_watchdog, "LIMIT_S", 1.0)
    window = open_window(qtbot, user_files)
    assert window.controller.pack.name == "default"
    kind, text = no_modal_dialogs[-1]
    assert "did not finish within 1 second, so it was stopped" in text
    assert "default pack is used instead" in text and str(folder) in text


def test_a_chosen_pack_folder_that_hangs_is_refused_and_the_pack_in_use_stays(qtbot, user_files,
                                                                             tmp_path, monkeypatch,
                                                                             no_modal_dialogs):
    window = open_window(qtbot, user_files)
    monkeypatch.setattr(pack_watchdog, "evaluator_command", lambda: HANGS)
    monkeypatch.setattr(pack_watchdog, "LIMIT_S", 1.0)
    assert not window.controller.choose_pack(str(_client_pack(tmp_path)))
    assert window.controller.pack.name == "default"
    assert "did not finish within 1 second" in no_modal_dialogs[-1][1]


def test_a_sound_pack_folder_passes_its_trial_and_a_broken_one_is_named(tmp_path):
    folder = _client_pack(tmp_path)
    assert pack_watchdog.trial(folder) == []
    (folder / "pack.yaml").write_text((folder / "pack.yaml").read_text() + "sumary: x\n")
    problems = pack_watchdog.trial(folder)
    assert problems and "pack.yaml" in problems[0] and "sumary" in problems[0]
    assert not pack_watchdog.needs_trial("bank") and pack_watchdog.needs_trial(folder)
