"""Choosing a client pack in the window, remembering it, and losing it."""

from __future__ import annotations

import shutil

from leadfit.rules.model.library import default_pack
from tests.desktop_support import open_window
from tests.helpers import DEFAULT_PACK


def client_pack(tmp_path):
    folder = tmp_path / "acme"
    shutil.copytree(DEFAULT_PACK, folder)
    text = (folder / "pack.yaml").read_text(encoding="utf-8")
    (folder / "pack.yaml").write_text(text.replace("name: default", "name: acme")
                                      .replace(f'version: "{default_pack().version}"', 'version: "9.9"')
                                      .replace("signoff_roles: [decision_maker, hr]",
                                               "signoff_roles: [decision_maker, hr, cfo]"),
                                      encoding="utf-8")
    return folder


def test_a_client_pack_is_shown_and_remembered_after_restart(qtbot, user_files, tmp_path):
    folder = client_pack(tmp_path)
    window = open_window(qtbot, user_files)
    default_fingerprint = window.controller.pack.fingerprint
    window.choose_pack(str(folder))
    pack = window.controller.pack
    assert pack.name == "acme" and pack.fingerprint != default_fingerprint
    label = window.pack_bar.label.text()
    assert "acme" in label and "9.9" in label and pack.fingerprint in window.pack_bar.label.toolTip()
    assert window.controller.assessment.pack.name == "acme"
    window.close()
    again = open_window(qtbot, user_files)
    assert again.controller.pack.name == "acme"
    assert again.controller.pack.fingerprint == pack.fingerprint


def test_a_remembered_pack_that_is_gone_falls_back_to_the_default(qtbot, user_files, tmp_path,
                                                                   no_modal_dialogs):
    folder = client_pack(tmp_path)
    window = open_window(qtbot, user_files)
    window.choose_pack(str(folder))
    window.close()
    shutil.rmtree(folder)
    again = open_window(qtbot, user_files)
    assert again.controller.pack.name == "default"
    kind, text = no_modal_dialogs[-1]
    assert kind == "warning" and str(folder) in text
