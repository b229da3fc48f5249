"""``built`` (the fast construction an evaluation uses) makes exactly what model_construct does."""

from __future__ import annotations

import pytest

from leadfit.forms.case import build_case
from leadfit.rules.model import assessment as models
from leadfit.rules.runtime.assess import evaluate
from leadfit.rules.model.assessment import built
from leadfit.rules.model.library import default_pack

CAUSE = {"question": "candidate.digital_years", "title": "Years in digital", "answer": 3}
SAMPLES = {
    models.Cause: CAUSE,
    models.Risk: {"level": "high", "score": 7},
    models.Finding: {"id": "F1", "title": "t", "severity": "low", "rule": "r", "layer": "default@2.0",
                     "summary": "s", "because": [models.Cause.model_construct(**CAUSE)]},
    models.Mitigation: {"id": "M1", "title": "t", "meaning": "m", "rules": ["r"], "layers": ["l"],
                        "because": ["b"]},
    models.ReadinessItem: {"id": "P1", "title": "t", "status": "unknown", "rules": []},
    models.MissingAnswer: {"question": "q", "title": "t", "section": "s"},
    models.PackRef: {"name": "default", "version": "2.0", "fingerprint": "f", "layers": ["default@2.0"]},
}


@pytest.mark.parametrize("cls", list(SAMPLES), ids=lambda c: c.__name__)
def test_built_equals_model_construct(cls):
    fast, slow = built(cls, **dict(SAMPLES[cls])), cls.model_construct(**dict(SAMPLES[cls]))
    assert fast == slow
    assert fast.model_dump_json() == slow.model_dump_json()
    assert fast.model_fields_set == slow.model_fields_set
    with pytest.raises(Exception, match="frozen"):
        fast.id = "X"  # still frozen: shared parts of an assessment cannot be changed


def test_left_out_fields_take_fresh_defaults_and_are_not_set():
    pack = default_pack()
    done = evaluate(build_case({}, pack.questionnaire), pack)
    values = {name: getattr(done, name) for name in models.Assessment.model_fields
              if name not in ("preconditions", "unverified", "unknowns", "alternatives")}
    fast, slow = built(models.Assessment, **dict(values)), models.Assessment.model_construct(**dict(values))
    assert fast == slow and fast.model_dump_json() == slow.model_dump_json()
    assert fast.model_fields_set == slow.model_fields_set
    assert fast.preconditions == [] and fast.preconditions is not built(models.Assessment, **values).preconditions
    assert models.Assessment.model_validate_json(fast.to_json()) == fast


def test_fields_keep_their_declared_order_whatever_order_they_are_given_in():
    """JSON follows the model's field order, and records hash that JSON."""
    values = dict(reversed(list(SAMPLES[models.Finding].items())))
    assert built(models.Finding, **values).model_dump_json() == \
        models.Finding.model_construct(**SAMPLES[models.Finding]).model_dump_json()
