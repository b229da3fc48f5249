"""Re-evaluate a record's stored answers under the pack it was decided with."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from leadfit.decisions.errors import DecisionError
from leadfit.decisions.record import DecisionRecord, canonical_json
from leadfit.errors import LeadFitError
from leadfit.forms.case import build_case
from leadfit.rules.assess import evaluate
from leadfit.rules.library import bundled_pack_names, bundled_packs_dir
from leadfit.rules.pack import Pack, load_pack


@dataclass
class ReplayResult:
    identical: bool
    pack_label: str
    differences: list[str] = field(default_factory=list)


def find_pack(fingerprint: str, pack_dirs=(), label: str | None = None) -> Pack | None:
    """The pack with this fingerprint among ``pack_dirs`` and the bundled packs.

    The fingerprint covers the pack's meaning, not its name or version, so a
    pack with the same label (name@version) is preferred when there are several.
    """
    folders = [Path(d) for d in pack_dirs] + [bundled_packs_dir() / n for n in bundled_pack_names()]
    found = None
    for folder in folders:
        try:
            pack = load_pack(folder)
        except LeadFitError:
            if folder in [Path(d) for d in pack_dirs]:
                raise  # the user named it: say what is wrong with it
            continue
        if pack.fingerprint == fingerprint:
            if label is None or pack.label == label:
                return pack
            found = found or pack
    return found


def replay(record: DecisionRecord, pack_dirs=()) -> ReplayResult:
    wanted = record.pack
    pack = find_pack(wanted["fingerprint"], pack_dirs, f"{wanted['name']}@{wanted['version']}")
    if pack is None:
        raise DecisionError(
            f"cannot replay {record.ref}: the rule pack {wanted['name']}@{wanted['version']}"
            f" with fingerprint {wanted['fingerprint']} is not available here; pass its folder"
            " with --pack")
    case = build_case(record.answers, pack.questionnaire, source=f"{record.ref} answers")
    again = evaluate(case, pack).model_dump(mode="json")
    differences = [key for key in sorted(set(again) | set(record.assessment))
                   if canonical_json(again.get(key)) != canonical_json(record.assessment.get(key))]
    return ReplayResult(identical=not differences, pack_label=pack.label, differences=differences)
