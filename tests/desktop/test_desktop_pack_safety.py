"""The window never makes a pack active (or saves it in the draft) before it evaluated
with it, and a draft naming a pack that cannot run starts on the default pack."""

from __future__ import annotations

import json
import shutil

from leadfit.desktop.controller import CaseController
from leadfit.desktop.drafts import DraftStore
from leadfit.rules.model.engine_limits import MAX_ALTERNATIVES
from tests.desktop.test_desktop_controller import FakeView
from tests.helpers import DEFAULT_PACK


def _hanging_pack(tmp_path):
    """The issue's pack: an 'in' list past what the engine takes (it never returned)."""
    folder = tmp_path / "big-in"
    shutil.copytree(DEFAULT_PACK, folder)
    values = ", ".join(str(i) for i in range(MAX_ALTERNATIVES + 100))
    rules = folder / "rules.yaml"
    rules.write_text(rules.read_text(encoding="utf-8") + (
        "  - id: many-values\n    summary: Too many values.\n"
        f"    when: {{in: {{candidate.digital_years: [{values}]}}}}\n"
        "    then:\n      - finding: {id: F1, severity: low}\n"), encoding="utf-8")
    return folder


def test_a_pack_the_engine_cannot_run_is_refused_and_never_saved(tmp_path):
    drafts = tmp_path / "drafts"
    view = FakeView()
    controller = CaseController(view, DraftStore(drafts))
    controller.start()
    before = controller.pack
    assert controller.choose_pack(_hanging_pack(tmp_path)) is False
    assert controller.pack is before
    title, problems = view.problems[-1]
    assert "cannot be used" in title and any(str(MAX_ALTERNATIVES) in p for p in problems)
    controller.answer_changed("stream.name", "Claims")
    saved = json.loads((drafts / "draft.json").read_text(encoding="utf-8"))
    assert saved["pack"] is None


def test_a_draft_naming_a_pack_that_cannot_run_starts_on_the_default_pack(tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "draft.json").write_text(json.dumps(
        {"answers": {"stream.name": "Claims"}, "pack": str(_hanging_pack(tmp_path))}))
    view = FakeView()
    controller = CaseController(view, DraftStore(drafts))
    controller.start()
    assert controller.pack.label.startswith("default@")
    assert view.assessment is not None and view.answers == {"stream.name": "Claims"}


def test_the_window_never_writes_a_pdf_or_csv_over_its_open_register(tmp_path):
    from leadfit.decisions.register import open_register
    from leadfit.desktop.decision_controller import DecisionController
    from tests.decisions_support import signed_record
    db = tmp_path / "register.sqlite3"
    with open_register(db) as reg:
        record = signed_record(reg)
    before = db.read_bytes()
    view = FakeView()
    view.open_file = lambda path: None
    controller = DecisionController(view, tmp_path / "pdfs", str(db))
    assert controller.save_pdf(record.ref, db) is None
    assert controller.export_csv(db) is None
    assert any("is the open register" in " ".join(p) for _t, p in view.problems)
    assert db.read_bytes() == before
