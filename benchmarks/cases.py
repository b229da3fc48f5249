"""Varied, valid answer sets generated from the questionnaire (seeded, repeatable).

Answers drawn independently almost never line up for ``appoint`` (it needs
nine of them right), so the fast path would never be measured. Given a pack,
``generate`` draws part of the cases near its scenarios instead: a scenario's
answers with up to two of them drawn again. So every outcome the scenarios
reach appears, appoint included (``outcomes`` counts them; the benchmarks print it).

Measured against an earlier LeadFit (``--before``), the cases are drawn from the
questionnaire that tree knows (``written_by``; its archived copy here), so both trees
read the same files the same way (a later version's new question would be an
unknown question to the earlier tree, and its case files unreadable).
"""

from __future__ import annotations

import random
import subprocess
import tempfile
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import yaml

from leadfit.forms.questionnaire import CURRENT_VERSION, Questionnaire, questionnaire_version

NEAR_SCENARIOS = 0.4  # the share of cases drawn near a scenario when a pack is given


def random_answers(questionnaire: Questionnaire, rng: random.Random, blank_rate: float = 0.0) -> dict:
    answers = {}
    for q in questionnaire.asked:
        if blank_rate and rng.random() < blank_rate:
            continue
        answers[q.id] = _value(q, rng)
    return _ordered_dates(questionnaire, answers, rng)


def near_answers(questionnaire: Questionnaire, seed: dict, rng: random.Random) -> dict:
    """A scenario's answers, every asked question filled in, up to two drawn again."""
    answers = random_answers(questionnaire, rng)
    answers.update(seed)
    asked = [q for q in questionnaire.asked]
    for q in rng.sample(asked, rng.randint(0, 2)):
        answers[q.id] = _value(q, rng)
    return _ordered_dates(questionnaire, answers, rng)


def _ordered_dates(questionnaire: Questionnaire, answers: dict, rng: random.Random) -> dict:
    newest = questionnaire_version(CURRENT_VERSION)  # its order too: a case every later version reads
    for q in questionnaire.asked:  # a date may not precede the one it follows (review after assessment)
        for order in (q, newest.questions.get(q.id)):
            earlier = answers.get(order.not_before) if order is not None and order.not_before else None
            if order is not None and earlier is not None and answers.get(q.id) is not None and (
                    (answers[q.id] - earlier).days < order.min_days_after):  # v4: not the day itself
                answers[q.id] = earlier + timedelta(days=rng.randint(order.min_days_after, 200))
    return answers


def _value(q, rng: random.Random):
    if q.type == "yes_no":
        return rng.random() < 0.5
    if q.type == "integer":
        return rng.randint(q.min or 0, min(q.max or 20, 20))
    if q.type == "percent":
        return rng.choice([0, 5, 10, 20, 30, 40, 50, 60, 75, 90, 100])
    if q.type == "choice":
        return rng.choice(list(q.options))
    if q.type == "date":
        return date(2026, 11, 2) + timedelta(days=rng.randint(0, 200))
    return f"Name {rng.randint(1, 999)}"


def scenario_seeds(pack, questionnaire: Questionnaire | None = None) -> list[dict]:
    """The answers of the pack's scenarios that expect an outcome and know every answer,
    of those ``questionnaire`` (default: the pack's) asks every question of."""
    from leadfit.forms.case import NOT_KNOWN
    asked = {q.id for q in (questionnaire or pack.questionnaire).asked}
    return [dict(s.answers) for s in pack.scenarios
            if getattr(s.expect, "outcome", None) and set(s.answers) <= asked
            and NOT_KNOWN not in s.answers.values()]


def generate(questionnaire: Questionnaire, count: int, seed: int = 7, blank_rate: float = 0.0,
             pack=None) -> list[dict]:
    """``count`` answer sets; with ``pack``, part of them near its scenarios."""
    rng = random.Random(seed)
    seeds = scenario_seeds(pack, questionnaire) if pack is not None else []
    out = []
    for _ in range(count):
        if seeds and rng.random() < NEAR_SCENARIOS:
            out.append(near_answers(questionnaire, rng.choice(seeds), rng))
        else:
            out.append(random_answers(questionnaire, rng, blank_rate))
    return out


def carried_over(answer_sets: list[dict], source: Questionnaire, questionnaire: Questionnaire,
                 seed: int = 7) -> list[dict]:
    """The same cases under another questionnaire (an archived pack's): what it can read of
    each (``readable_by``), and a question ``source`` left blank stays blank; only what this
    one alone asks, or an answer it does not offer, is drawn (seeded). So two packs are timed
    on the same cases as far as their questionnaires allow."""
    rng = random.Random(seed)
    both = {q.id for q in source.asked}
    out = []
    for answers in answer_sets:
        carried = readable_by(answers, questionnaire)
        for q in questionnaire.asked:
            if q.id not in carried and (q.id not in both or q.id in answers):
                carried[q.id] = _value(q, rng)
        out.append(_ordered_dates(questionnaire, carried, rng))
    return out


def outcomes(assessments) -> Counter:
    """How many assessments give each outcome ("none" for no outcome)."""
    return Counter(a.outcome or "none" for a in assessments)


def python_of(tree_or_python: str | Path) -> str:
    """The Python of another LeadFit: given its tree (with its own .venv) or that Python."""
    path = Path(tree_or_python)
    return str(path / ".venv" / "bin" / "python") if path.is_dir() else str(path)


def written_by(python: str) -> Questionnaire:
    """The questionnaire both this tree and the LeadFit run by ``python`` read: the
    earlier of their two versions (this tree keeps every earlier one archived)."""
    ask = ("import leadfit.forms.questionnaire as q;"
           " print(getattr(q, 'CURRENT_VERSION', 1))")  # 1: before versions were numbered
    out = subprocess.run([python, "-c", ask], cwd=tempfile.gettempdir(), capture_output=True,
                         text=True, check=True)
    return questionnaire_version(min(int(out.stdout.split()[-1]), CURRENT_VERSION))


def readable_by(answers: dict, questionnaire: Questionnaire) -> dict:
    """``answers`` less those ``questionnaire`` (an earlier version) does not ask, or
    whose option it does not offer: what a case file written for it may hold."""
    asked = {q.id: q for q in questionnaire.asked}
    return {k: v for k, v in answers.items() if k in asked
            and (asked[k].type != "choice" or v in asked[k].options)}


def case_file(answers: dict, version: int) -> str:
    """A case file of that questionnaire version (version 1 files carried no mark)."""
    return yaml.safe_dump({"questionnaire": version, "answers": answers} if version > 1
                          else {"answers": answers}, sort_keys=False)


def case_file_for(questionnaire: Questionnaire, source: Path, folder: Path) -> Path:
    """``source`` (a case file of this tree's questionnaire) rewritten in ``folder`` as a
    file of ``questionnaire``'s version, its answers readable_by it."""
    from leadfit.forms.migrate import guess_version, migrate_answers
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    answers = data["answers"]
    answers = migrate_answers(answers, data.get("questionnaire") or guess_version(answers))
    path = folder / f"{source.stem}-v{questionnaire.version}.yaml"
    path.write_text(case_file(readable_by(answers, questionnaire), questionnaire.version),
                    encoding="utf-8")
    return path
