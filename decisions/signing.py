"""Signing a record and withdrawing one: who may sign (each required role once, by
separate people, never the candidate), and what a withdrawal must say."""

from __future__ import annotations

from leadfit.decisions.errors import DecisionError
from leadfit.decisions.free_text import MIN_REASON_WORDS, _text, _words, os_account
from leadfit.decisions.record import DecisionRecord, SignOff, role_words, utc_now
from leadfit.errors import Problem
from leadfit.words import quoted


def signoff(record: DecisionRecord, *, name: str, role: str, statement: str,
            dissent: str) -> SignOff:
    problems: list[Problem] = []
    name = _text(name, "name", problems).strip()
    statement = _text(statement, "statement", problems)
    dissent = _text(dissent, "dissent", problems)
    if not name:
        problems.append(Problem("a sign-off needs the signer's name (--name)"))
    if dissent.strip() and len(_words(dissent)) < MIN_REASON_WORDS:  # "no", "none": no dissent
        problems.append(Problem(
            f"a dissent gives its reasons in at least {MIN_REASON_WORDS} words (the record says"
            f" 'signed with dissent'); '{dissent.strip()[:40]}' is too short to stand as one:"
            " leave it out to sign without dissent"))
    if record.status == "signed":
        problems.append(Problem(f"{record.ref} is already signed and can no longer change;"
                                " make a correction instead (leadfit correct)"))
    elif record.status == "withdrawn":
        problems.append(Problem(f"{record.ref} was withdrawn ({record.withdrawn_reason}) and"
                                " can no longer be signed"))
    elif record.status == "draft":
        problems.append(Problem(f"{record.ref} is a draft; submit it for sign-off first"
                                f" (leadfit submit {record.record_id})"))
    elif role not in record.required_roles:
        problems.append(Problem(f"the role {quoted(role_words(role))} is not asked to sign; the"
                                " roles asked: " + ", ".join(role_words(r) for r in record.required_roles)))
    elif role in {s.role for s in record.signoffs}:
        problems.append(Problem(f"{role_words(role)} has already signed {record.ref}"))
    elif (same := _same_person(record, name)) is not None:
        problems.append(Problem(
            f"{same.name} has already signed {record.ref} as {role_words(same.role)}; the"
            f" {role_words(role)} sign-off needs a different person, so the record stands up"
            " later as agreed by separate people"))
    elif record.candidate and _person(name) == _person(record.candidate):  # fresh-eyes F41
        problems.append(Problem(
            f"{name} is the candidate {record.ref} is about; a sign-off needs someone other"
            " than the person appointed, so the record stands up later as agreed by others"))
    if problems:
        raise DecisionError(problems)
    return SignOff(name=name, role=role, at=utc_now(), statement=statement,
                   dissent=bool(dissent.strip()), dissent_reasons=dissent.strip(),
                   account=os_account())


def withdrawal(record: DecisionRecord, *, reason: str, name: str) -> DecisionRecord:
    """The record as withdrawn: only a version awaiting sign-off (or a draft) can be;
    a signed record is corrected instead, so what was signed stays as it was."""
    problems: list[Problem] = []
    reason, name = _text(reason, "withdrawal reason", problems), _text(name, "name", problems)
    if record.status == "signed":
        problems.append(Problem(f"{record.ref} is signed and cannot be withdrawn; record a"
                                " correction instead"))
    elif record.status == "withdrawn":
        problems.append(Problem(f"{record.ref} is already withdrawn"))
    if not reason:
        problems.append(Problem("a withdrawal needs its reason written down (--reason)"))
    elif len(_words(reason)) < MIN_REASON_WORDS:
        problems.append(Problem(
            f"a withdrawal reason must say why in at least {MIN_REASON_WORDS} words (an audit"
            f" reads it later); '{reason[:40]}' is too short to stand as a reason"))
    if not name:
        problems.append(Problem("a withdrawal needs the name of who withdraws it (--name)"))
    if problems:
        raise DecisionError(problems)
    return record.model_copy(update={"status": "withdrawn", "withdrawn_reason": reason,
                                     "withdrawn_by": f"{name} ({os_account()})",
                                     "withdrawn_at": utc_now()})


def _same_person(record: DecisionRecord, name: str) -> SignOff | None:
    """An earlier required-role sign-off by this name (case and spacing ignored)."""
    key = _person(name)
    return next((s for s in record.signoffs
                 if s.role in record.required_roles and _person(s.name) == key), None)


def _person(name: str) -> str:
    return " ".join(name.split()).casefold()


def recorder_is_candidate(recorded_by: str, candidate: str) -> str:
    """A warning when the person recording the decision is its candidate: a record stands up
    later when someone other than the person appointed writes it down ('' otherwise)."""
    if not recorded_by.strip() or _person(recorded_by) != _person(candidate or ""):
        return ""
    return (f"warning: {recorded_by.strip()}, who records this decision, is the candidate it is"
            " about; it stands up better later recorded by someone else (the sign-offs must"
            " be by others)")
