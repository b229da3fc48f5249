"""The case controller with a hand-written fake view: no widgets, no Qt event loop."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml

from leadfit.desktop.controller import CaseController
from leadfit.desktop.drafts import DraftStore
from leadfit.errors import InputError
from leadfit.forms.case import build_case
from leadfit.forms.questionnaire import default_questionnaire
from tests.helpers import DEFAULT_PACK, EXAMPLE_CASE

TODAY = {"org.assessed_on": __import__("datetime").date.today().isoformat()}  # a new case's


def example_answers() -> dict:
    return yaml.safe_load(EXAMPLE_CASE.read_text(encoding="utf-8"))["answers"]


class FakeView:
    """Remembers the last thing it was told to show."""

    def __init__(self):
        self.pack = None
        self.answers: dict = {}
        self.errors: dict = {}
        self.asked: dict = {}
        self.assessment = None
        self.invalid: list = []
        self.problems: list = []
        self.scheduled = 0
        self.told: list = []
        self.sources: dict = {}

    def show_pack(self, pack): self.pack = pack
    def show_answers(self, raw): self.answers = raw
    def show_relevance(self, asked): self.asked = asked
    def show_answer_source(self, question_id, words): self.sources[question_id] = words
    def schedule_evaluation(self): self.scheduled += 1
    def show_problems(self, title, problems): self.problems.append((title, problems))
    def tell(self, message): self.told.append(message)
    def show_title(self, title, modified): self.title = (title, modified)

    def show_field_error(self, question_id, message):
        if message:
            self.errors[question_id] = message
        else:
            self.errors.pop(question_id, None)

    def show_assessment(self, assessment, invalid):
        self.assessment, self.invalid = assessment, invalid

    def show_alternatives(self, alternatives): self.alternatives = alternatives
    def run_in_background(self, work, done): done(work())  # the window uses a worker thread


def typed_like_a_person(answers: dict) -> dict:
    """What widgets hand over: text for typed fields, keys and booleans for choices."""
    return {k: (v if isinstance(v, (bool, str)) else str(v)) for k, v in answers.items()}


@pytest.fixture
def started(tmp_path):
    view = FakeView()
    controller = CaseController(view, DraftStore(tmp_path / "drafts"))
    controller.start()
    return controller, view


def test_blank_case_is_incomplete_and_names_every_required_question(started):
    from leadfit.desktop.controller import CaseView
    _controller, view = started
    assert isinstance(view, CaseView)  # the fake keeps the window's interface
    assert view.pack.name == "default"
    assert view.assessment.outcome is None
    asked_required = [q.id for q in default_questionnaire().asked if q.required
                      and q.ask_if is None and q.id not in TODAY]
    assert [m.question for m in view.assessment.missing] == asked_required
    assert view.answers == TODAY   # the assessment date of a new case is today


def test_filled_case_reaches_the_recommendation(started):
    controller, view = started
    for qid, raw in typed_like_a_person(example_answers()).items():
        controller.answer_changed(qid, raw)
    controller.refresh()
    assert view.assessment.outcome == "coach"
    assert {"F1", "F3"} <= {f.id for f in view.assessment.findings}
    assert view.errors == {} and view.invalid == []


def test_bad_answer_is_marked_with_the_cores_own_message(started):
    controller, view = started
    controller.answer_changed("candidate.digital_years", "two")
    controller.answer_changed("stream.digital_revenue_share", "140")
    with pytest.raises(InputError) as core:
        build_case({"candidate.digital_years": "two", "stream.digital_revenue_share": 140},
                   default_questionnaire())
    core_messages = [p.message for p in core.value.problems]
    for qid in ("candidate.digital_years", "stream.digital_revenue_share"):
        assert any(m.endswith(view.errors[qid]) and f"({qid})" in m for m in core_messages)
    controller.refresh()
    assert view.invalid == ["candidate.digital_years", "stream.digital_revenue_share"]
    controller.answer_changed("candidate.digital_years", "3")
    assert "candidate.digital_years" not in view.errors


def test_relevance_follows_the_answers(started):
    controller, view = started
    controller.answer_changed("candidate.former_role_share", "0")
    assert view.asked["candidate.reduce_former_role"] is False
    controller.answer_changed("candidate.former_role_share", "40")
    assert view.asked["candidate.reduce_former_role"] is True
    assert view.scheduled == 2


def test_draft_comes_back_in_a_new_controller(started, tmp_path):
    controller, _view = started
    controller.answer_changed("candidate.name", "Alex Morgan")
    controller.answer_changed("candidate.digital_years", "not sure")
    controller.refresh()
    again = FakeView()
    CaseController(again, DraftStore(tmp_path / "drafts")).start()
    assert again.answers == {**TODAY, "candidate.name": "Alex Morgan",
                             "candidate.digital_years": "not sure"}
    assert "candidate.digital_years" in again.errors


def test_a_draft_typed_under_questionnaire_1_comes_back_migrated(tmp_path):
    """A draft saved before questionnaire 2 keeps its months answer, as the new question asks it."""
    import json
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "draft.json").write_text(json.dumps({"answers": {
        "candidate.name": "Alex Morgan", "candidate.expected_months": "3"}, "pack": None}), encoding="utf-8")
    view = FakeView()
    CaseController(view, DraftStore(drafts)).start()
    assert view.answers == {"candidate.name": "Alex Morgan",
                            "candidate.delivery_expectation": "everything_fast"}


def test_exported_case_names_its_questionnaire_version(started, tmp_path):
    import yaml
    controller, _view = started
    controller.answer_changed("candidate.name", "Alex Morgan")
    controller.export_case(tmp_path / "case.yaml")
    data = yaml.safe_load((tmp_path / "case.yaml").read_text())
    assert data["questionnaire"] == default_questionnaire().version  # the form the window asks
    assert data["answers"]["candidate.name"] == "Alex Morgan"


def test_damaged_draft_is_set_aside_not_fatal(tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "draft.json").write_text("{not json", encoding="utf-8")
    view = FakeView()
    CaseController(view, DraftStore(drafts)).start()
    assert view.answers == TODAY
    assert (drafts / "draft.damaged.json").exists()


def test_malformed_pack_is_refused_and_the_previous_pack_stays(started, tmp_path):
    controller, view = started
    bad = tmp_path / "bad-pack"
    bad.mkdir()
    (bad / "pack.yaml").write_text("name: Bad Name\nversion: one\n", encoding="utf-8")
    (bad / "rules.yaml").write_text("rules: [{id: x}]\n", encoding="utf-8")
    before = controller.pack
    assert controller.choose_pack(bad) is False
    title, problems = view.problems[-1]
    assert str(bad) in title and len(problems) >= 2
    assert all("pack.yaml" in p or "rules.yaml" in p for p in problems)
    assert controller.pack is before and view.pack is before


def test_client_pack_folder_is_taken_and_remembered_in_the_draft(started, tmp_path):
    controller, _view = started
    assert controller.choose_pack(DEFAULT_PACK) is True
    assert controller.pack_source == str(DEFAULT_PACK)
    saved = json.loads((tmp_path / "drafts" / "draft.json").read_text(encoding="utf-8"))
    assert saved["pack"] == str(DEFAULT_PACK)


def test_export_case_is_read_back_by_the_core(started, tmp_path):
    controller, _view = started
    for qid, raw in typed_like_a_person(example_answers()).items():
        controller.answer_changed(qid, raw)
    out = tmp_path / "case.yaml"
    controller.export_case(out)
    from leadfit.forms.case import load_case_file
    assert load_case_file(out, default_questionnaire()) == controller.case()


def test_controller_and_drafts_import_no_qt():
    code = ("import sys, leadfit.desktop.controller, leadfit.desktop.drafts;"
            "print(sorted(m for m in sys.modules if m.startswith('PySide6')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_an_engine_failure_is_reported_and_the_answers_kept(started, monkeypatch):
    from leadfit.desktop import controller as module
    from leadfit.errors import EngineError

    def broken(case, pack):
        raise EngineError("the rules engine stopped: error 307")
    controller, view = started
    monkeypatch.setattr(module, "evaluate", broken)
    controller.answer_changed("candidate.name", "Alex Morgan")
    assert controller.refresh() is None
    assert view.problems[-1] == ("The assessment could not be made",
                                 ["the rules engine stopped: error 307"])
    assert controller.raw == {**TODAY, "candidate.name": "Alex Morgan"}


def test_a_draft_that_cannot_be_written_is_told_not_raised(tmp_path):
    blocked = tmp_path / "drafts"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    view = FakeView()
    controller = CaseController(view, DraftStore(blocked))
    controller.start()
    controller.answer_changed("candidate.name", "Alex Morgan")
    assert controller.refresh() is not None
    assert view.told and "Draft not saved" in view.told[-1]


def test_a_review_before_the_assessment_is_marked_at_the_review_field(started):
    controller, view = started
    controller.answer_changed("org.assessed_on", "2026-11-02")
    controller.answer_changed("org.review_date", "2026-10-01")
    assert "must be after date of this assessment (2026-11-02)" in view.errors["org.review_date"]
    controller.refresh()  # the case is still assessed, without the contradictory date
    assert "org.review_date" not in controller.case().answers
    assert "org.review_date" in view.invalid
    controller.answer_changed("org.assessed_on", "2026-09-01")
    assert "org.review_date" not in view.errors
