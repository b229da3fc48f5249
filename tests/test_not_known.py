"""'Not known' as an answer: allowed where the questionnaire says, refused by name elsewhere,
kept through files and records without changing what older answers meant."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from leadfit.errors import InputError, PackError
from leadfit.forms.case import build_case, follow_ups, load_case_file, missing, relevant_answers
from leadfit.forms.questionnaire import default_questionnaire, load_questionnaire
from leadfit.rules.runtime.assess import evaluate
from leadfit.rules.model.library import resolve_pack
from tests.helpers import EXAMPLE_CASE, REPO, run_cli


def _answers(**changes) -> dict:
    answers = yaml.safe_load(EXAMPLE_CASE.read_text())["answers"]
    answers.update({k.replace("__", "."): v for k, v in changes.items()})
    return answers


def _write(tmp_path, answers: dict):
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump({"answers": answers}, sort_keys=False), encoding="utf-8")
    return path


def test_not_known_is_an_answer_so_the_case_is_complete():
    q = default_questionnaire()
    case = build_case(_answers(candidate__blamed_digital="not known", candidate__holds_line="Not Known "), q)
    assert case.unknown == ("candidate.blamed_digital", "candidate.holds_line")
    assert "candidate.blamed_digital" not in case.answers
    assert missing(case, q) == []
    assert case.to_data()["candidate.blamed_digital"] == "not known"
    assert build_case(case.to_data(), q) == case  # a record's answers read back the same


def test_a_case_without_unknowns_writes_what_it_always_wrote():
    q = default_questionnaire()
    answers = _answers()
    case = build_case(answers, q)
    assert case.unknown == ()
    assert json.dumps(case.to_data(), sort_keys=True, default=str) == json.dumps(
        {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in answers.items()}, sort_keys=True)


@pytest.mark.parametrize("qid", ["org.formal_role", "org.assessed_on", "org.selection_basis"])
def test_not_known_where_not_allowed_is_a_named_error_exit_2(tmp_path, qid):
    result = run_cli("evaluate", str(_write(tmp_path, _answers(**{qid.replace(".", "__"): "not known"}))))
    assert result.returncode == 2, result.stderr
    title = default_questionnaire().questions[qid].title
    assert f"{title} ({qid}): cannot be answered 'not known'" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_a_name_that_says_not_known_is_still_a_name():
    case = build_case(_answers(candidate__current_role="Not known"), default_questionnaire())
    assert case.answers["candidate.current_role"] == "Not known" and case.unknown == ()


def test_a_question_asked_only_for_some_unknown_answer_is_not_demanded():
    # The share kept is not known, so whether the plan question applies is not known either:
    # demanding the plan (as before session 8) made an honest user invent one. It is not
    # missing; what would still be answered if the share is above 0 is a follow-up.
    q = default_questionnaire()
    answers = _answers(candidate__former_role_share="not known")
    for follow in ("candidate.reduce_former_role", "candidate.target_former_share",
                   "candidate.reduced_by", "candidate.backfill_named", "candidate.backfill_name"):
        answers.pop(follow, None)
    case = build_case(answers, q)
    assert missing(case, q) == []
    assert follow_ups(case, q)[:2] == ("candidate.reduce_former_role", "candidate.target_former_share")
    # a question left out that hangs on no answer not known is still missing
    answers.pop("candidate.mvp_delivery")
    assert missing(build_case(answers, q), q) == ["candidate.mvp_delivery"]


def test_only_the_marked_questions_allow_it_and_no_name_or_date_does():
    q = default_questionnaire()
    allowed = {x.id for x in q.asked if x.may_be_unknown}
    assert {"candidate.blamed_digital", "candidate.holds_line", "org.external_hire"} <= allowed
    assert not any(q.questions[x].type in ("text", "date") for x in allowed)


def test_questionnaire_refuses_not_known_on_a_date_and_an_option_named_like_it(tmp_path):
    text = (REPO / "forms" / "questionnaire.yaml").read_text()
    text = text.replace("not_known:\n", "not_known:\n  - org.assessed_on\n  - candidate.nmae\n", 1)
    text = text.replace("          asked: They were asked to take it",
                        "          asked: They were asked to take it\n          not known: Nobody knows")
    path = tmp_path / "questionnaire.yaml"
    path.write_text(text)
    with pytest.raises(PackError) as caught:
        load_questionnaire(path)
    said = str(caught.value)
    assert "not_known: 'org.assessed_on' is a date question" in said
    assert "not_known: unknown question 'candidate.nmae' (did you mean 'candidate.name'?)" in said
    assert "option 'not known' is the word for an unknown answer" in said
    assert f"{path}:" in said


def test_case_file_with_not_known_loads_and_evaluates(tmp_path):
    pack = resolve_pack(None)
    path = _write(tmp_path, _answers(candidate__blamed_digital="not known"))
    case = load_case_file(path, pack.questionnaire)
    assert evaluate(case, pack).unknowns.questions == ["candidate.blamed_digital"]


def test_bad_not_known_is_refused_with_the_file_line(tmp_path):
    answers = _answers(org__formal_role="not known")
    path = _write(tmp_path, answers)
    with pytest.raises(InputError) as caught:
        load_case_file(path, default_questionnaire())
    line = list(answers).index("org.formal_role") + 2
    assert f"{path}:{line}:" in str(caught.value)


def test_questions_say_which_allow_not_known_and_which_are_levers():
    result = run_cli("questions", "--json")
    q = {q["id"]: q for s in json.loads(result.stdout)["sections"] for q in s["questions"]}
    assert q["candidate.blamed_digital"]["may_be_unknown"] and not q["candidate.blamed_digital"]["lever"]
    assert q["org.formal_role"]["lever"] and not q["org.formal_role"]["may_be_unknown"]
    assert "yes or no; or 'not known'" in run_cli("questions").stdout


def test_evaluate_says_what_the_unknowns_do_and_what_would_change_it_in_text_and_json(tmp_path):
    path = _write(tmp_path, _answers(candidate__blamed_digital="not known"))
    data = json.loads(run_cli("evaluate", str(path), "--json").stdout)
    assert data["unknowns"]["questions"] == ["candidate.blamed_digital"]
    assert data["unknowns"]["summary"].startswith(("The recommendation holds whatever", "It depends on"))
    assert {a["outcome"] for a in data["alternatives"]} == {"appoint", "coach", "hire_external"} - {
        data["outcome"]}
    text = run_cli("evaluate", str(path)).stdout
    assert "Answers not known:" in text and data["unknowns"]["summary"][:40] in text
    assert "What would change it:" in text
    for alt in data["alternatives"]:
        for change_set in alt["nearest"]:
            # the stored words open 'Becomes X if'; the text opens 'It would become X if'
            # (leadfit/words.change_set_words): the changes they name are the same
            changes = re.sub(r"^Becomes .+? if ", "", change_set["words"])
            assert changes[:50] in " ".join(text.split())


def test_a_follow_up_of_a_question_no_longer_asked_is_not_asked_either():
    # hW's find: the share changed to 0 leaves "a plan: yes" from before; the plan is not asked
    # now, so neither are its target, date and successor (they were demanded).
    q = default_questionnaire()
    answers = _answers(candidate__former_role_share=0, candidate__reduce_former_role=True)
    for follow in ("candidate.target_former_share", "candidate.reduced_by", "candidate.backfill_named",
                   "candidate.backfill_name"):
        answers.pop(follow, None)
    case = build_case(answers, q)
    assert missing(case, q) == []
    kept = {**answers, "candidate.target_former_share": 10}
    used = relevant_answers(build_case(kept, q), q)
    assert "candidate.reduce_former_role" not in used and "candidate.target_former_share" not in used
