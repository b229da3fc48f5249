"""Re-evaluate a record's stored answers under the pack it was decided with."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from leadfit.decisions.errors import DecisionError
from leadfit.decisions.record import DecisionRecord, canonical_json
from leadfit.errors import LeadFitError, Problem
from leadfit.forms.case import build_case
from leadfit.rules.model.assessment import ADDED_FIELDS, EngineRef
from leadfit.rules.runtime.explain import evaluate_explained
from leadfit.rules.model.library import (
    archived_pack_folders,
    bundled_pack_names,
    bundled_packs_dir,
    load_pack,
    resolve_pack,
)
from leadfit.rules.model.pack import Pack

# Who decided, not what was decided: another engine (or version) giving the same
# content is a note, so upgrading the engine does not make every record "differ".
_DECIDED_BY = "engine"


@dataclass
class ReplayResult:
    identical: bool
    pack_label: str
    differences: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def find_pack(fingerprint: str, pack_dirs=(), label: str | None = None) -> Pack | None:
    """The pack with this fingerprint among ``pack_dirs`` and the bundled packs.

    The fingerprint covers the pack's meaning, not its name or version, so a
    pack with the same label (name@version) is preferred when there are several.
    """
    folders = [Path(d) for d in pack_dirs] + [bundled_packs_dir() / n for n in bundled_pack_names()]
    folders += archived_pack_folders()  # earlier versions of the bundled packs
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


def named_pack(record: DecisionRecord, names) -> Pack:
    """The record's own pack among the packs the user named (folders or bundled names).
    Another pack would answer a different question, so it is refused, never used instead."""
    wanted = record.pack
    packs = [resolve_pack(str(n)) for n in names]
    same = [p for p in packs if p.fingerprint == wanted.fingerprint]
    if same:
        return next((p for p in same if p.label == wanted.label), same[0])
    raise DecisionError([Problem(
        f"record {record.ref} was decided under {wanted.label} (fingerprint {wanted.fingerprint});"
        f" {p.label} has a different fingerprint ({p.fingerprint}), so it cannot replay it")
        for p in packs])


def replay(record: DecisionRecord, pack_dirs=()) -> ReplayResult:
    """Re-evaluate under the record's own pack: one of ``pack_dirs`` (folders or bundled
    names) when given, else the bundled pack with the record's fingerprint."""
    wanted = record.pack
    pack: Pack | None
    if pack_dirs:
        pack = named_pack(record, pack_dirs)
    else:
        pack = find_pack(wanted.fingerprint, (), wanted.label)
    if pack is None:
        raise DecisionError(
            f"cannot replay {record.ref}: the rule pack {wanted.label}"
            f" with fingerprint {wanted.fingerprint} is not available here; pass its folder"
            " with --pack")
    case = build_case(record.answers, pack.questionnaire, source=f"{record.ref} answers")
    result = evaluate_explained(case, pack)
    again = result.model_dump(mode="json")
    stored = record.assessment.model_dump(mode="json", exclude_unset=True)
    # What LeadFit added to assessments after this record was made is not in it:
    # replay compares the judgement the record holds.
    added = {k for k in ADDED_FIELDS if k not in stored}
    differences = [key for key in sorted((set(again) - added) | set(stored))
                   if key != _DECIDED_BY and canonical_json(again.get(key)) != canonical_json(stored.get(key))]
    return ReplayResult(identical=not differences, pack_label=pack.label, differences=differences,
                        notes=_engine_note(record.assessment.engine, result.engine))


def _engine_note(then: EngineRef, now: EngineRef) -> list[str]:
    if then == now:
        return []
    return [f"decided by {then.name} {then.version}; replayed with {now.name} {now.version}"]
