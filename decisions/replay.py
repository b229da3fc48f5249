"""Re-evaluate a record's stored answers under the pack it was decided with."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from leadfit.decisions.errors import DecisionError
from leadfit.decisions.record import DecisionRecord, canonical_json
from leadfit.errors import LeadFitError, Problem
from leadfit.forms.case import build_case
from leadfit.rules.model.assessment import ADDED_FIELDS, EngineRef, PackRef
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

    The fingerprint covers the pack's meaning, not its name or version, so a client pack
    that changes only its title has the default's fingerprint: given the record's label
    (name@version), only a pack of that name is the record's pack (F36), and the one of that
    version is preferred when there are several.
    """
    name = _name_of(label)
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
        if pack.fingerprint == fingerprint and name in (None, pack.name):
            if label is None or pack.label == label:
                return pack
            found = found or pack
    return found


def _name_of(label: str | None) -> str | None:
    return None if label is None else label.rpartition("@")[0] or label


def named_pack(wanted: PackRef, names, ref: str) -> Pack:
    """The pack ``wanted`` (a record's) among the packs the user named (folders or bundled
    names). Another pack would answer a different question, or file the answer under another
    name, so it is refused, never used instead."""
    packs = [resolve_pack(str(n)) for n in names]
    same = [p for p in packs if p.fingerprint == wanted.fingerprint and p.name == wanted.name]
    if same:
        return next((p for p in same if p.label == wanted.label), same[0])
    raise DecisionError([Problem(_not_its_pack(ref, wanted, p)) for p in packs])


def _not_its_pack(ref: str, wanted: PackRef, pack: Pack) -> str:
    if pack.fingerprint == wanted.fingerprint:
        return (f"record {ref} was decided under {wanted.label}; {pack.label} has the same rules but is"
                f" another pack (named {pack.name}, not {wanted.name}), so it cannot stand for it:"
                f" give the folder of {wanted.label}")
    return (f"record {ref} was decided under {wanted.label} (fingerprint {wanted.fingerprint});"
            f" {pack.label} has a different fingerprint ({pack.fingerprint}), so it cannot replay it")


def record_pack(wanted: PackRef, ref: str, pack_dirs=()) -> Pack:
    """A record's own pack: among ``pack_dirs`` when the user named some (any other is
    refused by name), else among the bundled and archived packs; refused when not found."""
    if pack_dirs:
        return named_pack(wanted, pack_dirs, ref)
    pack = find_pack(wanted.fingerprint, (), wanted.label)
    if pack is None:
        alike = find_pack(wanted.fingerprint)
        also = (f" ({alike.label} has the same rules but is another pack, so it is not used"
                " instead)") if alike is not None else ""
        raise DecisionError(
            f"the rule pack of {ref}, {wanted.label} (fingerprint {wanted.fingerprint}), is not"
            f" available here{also}: give its folder (--pack)")
    return pack


def replay(record: DecisionRecord, pack_dirs=()) -> ReplayResult:
    """Re-evaluate under the record's own pack: one of ``pack_dirs`` (folders or bundled
    names) when given, else the bundled pack with the record's fingerprint."""
    pack = record_pack(record.pack, record.ref, pack_dirs)
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
