"""Candidates for one stream, as case files and cases, for the comparison tests."""

from __future__ import annotations

from pathlib import Path

import yaml

from leadfit.forms.case import build_case
from leadfit.rules.model.library import default_pack
from tests.helpers import EXAMPLE_CASE

# Three internal candidates for the example's stream, as far apart as the article puts them:
# the example executive (coaching), a learner with no digital history (hire), and one who has
# run digital products in MVP slices and led a whole team (appoint).
CANDIDATES = {
    "Alex Morgan": {},
    "Sam Lee": {"candidate.digital_years": 0, "candidate.mvp_delivery": "never"},
    "Priya Shah": {"candidate.digital_years": 5, "candidate.led_multidisciplinary": True,
                   "candidate.mvp_delivery": "routinely"},
}


def raw_answers(name: str, **changes) -> dict:
    raw = yaml.safe_load(Path(EXAMPLE_CASE).read_text())["answers"]
    raw.update({"candidate.name": name, **CANDIDATES.get(name, {}), **changes})
    return raw


def case_of(name: str, **changes):
    return build_case(raw_answers(name, **changes), default_pack().questionnaire)


def write_case(folder: Path, name: str, **changes) -> Path:
    path = folder / (name.lower().replace(" ", "-") + ".yaml")
    path.write_text(yaml.safe_dump({"questionnaire": 2, "answers": raw_answers(name, **changes)},
                                   sort_keys=False, allow_unicode=True))
    return path
