"""The decision controller with a fake view over a real SQLite register: no widgets."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml

from leadfit.desktop.decision_controller import DecisionController
from leadfit.forms.case import build_case
from leadfit.rules.model.library import default_pack
from tests.helpers import EXAMPLE_CASE


class FakeView:
    def __init__(self):
        self.problems, self.rows, self.records, self.opened, self.told = [], None, [], [], []

    def show_problems(self, title, problems): self.problems.append((title, problems))
    def show_register(self, rows): self.rows = rows
    def show_record(self, record): self.records.append(record)
    def open_file(self, path): self.opened.append(path)
    def tell(self, message): self.told.append(message)


@pytest.fixture
def setup(tmp_path):
    view = FakeView()
    controller = DecisionController(view, tmp_path / "pdf", f"sqlite:///{tmp_path / 'reg.sqlite3'}")
    pack = default_pack()
    answers = yaml.safe_load(EXAMPLE_CASE.read_text(encoding="utf-8"))["answers"]
    yield controller, view, build_case(answers, pack.questionnaire), pack
    controller.close()


def test_record_sign_and_list(setup):
    from leadfit.desktop.decision_controller import DecisionView
    controller, view, case, pack = setup
    assert isinstance(view, DecisionView)  # the fake keeps the window's interface
    record = controller.decide(case, pack, decision="coach", conditions="Monthly CPO mentoring",
                                 plan_later=True)
    assert record.status == "awaiting_signoff" and view.problems == []
    controller.sign(record.ref, name="Sam Lee", role="decision_maker")
    signed = controller.sign(record.ref, name="Ana Ruiz", role="hr")
    assert signed.status == "signed"
    row, = view.rows
    assert (row.ref, row.stream, row.candidate, row.decision, row.status, row.pack) == (
        signed.ref, "Home buying journey", "Alex Morgan", "coach", "signed", "default@2.9")


def test_a_refused_decision_names_its_problems_and_writes_nothing(setup):
    controller, view, case, pack = setup
    assert controller.decide(case, pack, decision="appoint") is None
    title, problems = view.problems[-1]
    assert "not recorded" in title and any("justification" in p for p in problems)
    assert controller.refresh() == []


def test_signed_record_cannot_be_signed_again_but_can_be_corrected(setup):
    controller, view, case, pack = setup
    ref = controller.decide(case, pack, decision="coach", conditions="Mentoring",
                           plan_later=True).ref
    controller.sign(ref, name="Sam Lee", role="decision_maker")
    controller.sign(ref, name="Ana Ruiz", role="hr")
    assert controller.sign(ref, name="Someone", role="hr") is None
    assert any("already signed" in p for p in view.problems[-1][1])
    new = controller.correct(ref, reason="Review date agreed later", decision="coach",
                             justification="", conditions="Mentoring, weekly",
                             review_date="2027-03-01")
    assert new.version == 2 and new.supersedes == ref and new.status == "awaiting_signoff"
    statuses = sorted(r.status for r in view.rows)
    assert statuses == ["awaiting_signoff", "superseded"]


def test_pdf_and_csv_are_real_files(setup, tmp_path):
    controller, view, case, pack = setup
    ref = controller.decide(case, pack, decision="coach", conditions="Mentoring",
                           plan_later=True).ref
    pdf = controller.open_pdf(ref)
    assert pdf.read_bytes().startswith(b"%PDF") and view.opened == [pdf]
    out = tmp_path / "register.csv"
    assert controller.export_csv(out) == 1
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows[0]["candidate"] == "Alex Morgan"


def test_unwritable_places_are_refused_by_name(setup, tmp_path):
    controller, view, case, pack = setup
    ref = controller.decide(case, pack, decision="coach", conditions="Mentoring",
                           plan_later=True).ref
    assert controller.save_pdf(ref, tmp_path / "missing" / "x.pdf") is None
    assert controller.export_csv(tmp_path / "missing" / "x.csv") is None
    assert all("does not exist" in " ".join(p) for _, p in view.problems[-2:])


def test_an_unusable_register_is_reported_not_raised(tmp_path):
    view = FakeView()
    controller = DecisionController(view, tmp_path, "mysql://nowhere/db")
    assert controller.refresh() is None
    assert "unsupported database" in view.problems[-1][1][0]


def test_window_and_register_agree_on_the_user_data_folder(monkeypatch, tmp_path):
    """One folder for drafts and the register: $LEADFIT_DATA_DIR, else the platform's."""
    from platformdirs import user_data_dir

    from leadfit.decisions.register import default_url
    from leadfit.paths import data_dir
    from tests.helpers import REPO
    monkeypatch.setenv("LEADFIT_DATA_DIR", str(tmp_path))
    assert data_dir() == tmp_path
    assert default_url() == f"sqlite:///{tmp_path / 'register.sqlite3'}"
    monkeypatch.delenv("LEADFIT_DATA_DIR")
    assert data_dir() == Path(user_data_dir("leadfit", appauthor=False))
    assert REPO not in data_dir().parents  # never the install folder
