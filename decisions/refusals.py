"""What a correction or a withdrawal must not do to a record's chain of versions: the
refusals the service applies before it writes anything."""

from __future__ import annotations

from leadfit.decisions import store
from leadfit.decisions.errors import DecisionError, SignedVersionStands
from leadfit.decisions.integrity import Checker
from leadfit.decisions.record import DecisionRecord


def withdrawing_a_correction_of_signed(conn, record: DecisionRecord, check: Checker) -> None:
    """A version is superseded once a newer one exists (decisions/keys.py decides it, for
    list, show, the PDF and the portfolio alike). Withdrawing a correction of a signed version
    would leave that version superseded by one that never stands: no version would stand, and
    one person would have voided a signed decision with no sign-off. So it is refused."""
    if not record.supersedes or record.status == "withdrawn":
        return
    signed = [r for r in store.all_versions(conn, record.record_id, check)
              if r.version < record.version and r.status == "signed"]
    if signed:
        previous = signed[-1]
        raise SignedVersionStands(
            f"{record.ref} is a correction of {previous.ref}, which is signed, so it cannot be"
            f" withdrawn: {previous.ref} would stay replaced by a version that never stands, and"
            f" no version of {record.record_id} would stand. Correct it again instead (leadfit"
            f" correct {record.ref}), putting back what {previous.ref} said if the correction"
            " was wrong, and have that signed")


def no_change(old: DecisionRecord, new: DecisionRecord) -> None:
    """A version n+1 identical to n would supersede a signed record (and ask everyone to
    sign again) for nothing: a correction must change an answer, the pack or the decision."""
    if (new.answers, new.pack.fingerprint, new.decision) == (old.answers, old.pack.fingerprint,
                                                             old.decision):
        raise DecisionError(f"this correction changes nothing in {old.ref}: the answers, the rule"
                            " pack and the decision are all as they were, so nothing was written."
                            " Change what was wrong (an answer, the decision, its conditions,"
                            " review date or plan)")


def same_subject(old: DecisionRecord, answers: dict, rename: bool) -> None:
    """A correction is of the same appointment: another candidate's or another stream's
    answers would supersede this person's decision with someone else's (fresh-eyes F40).
    ``rename``: a name misspelt in the record is put right on purpose."""
    from leadfit.decisions.keys import fold
    new = {"candidate": str(answers.get("candidate.name", "")),
           "stream": str(answers.get("stream.name", ""))}
    was = {"candidate": old.candidate, "stream": old.stream}
    if rename or all(fold(new[k]) == fold(was[k]) for k in new):
        return
    raise DecisionError(
        f"{old.ref} is about {was['candidate']} for {was['stream']}; these answers are about"
        f" {new['candidate']} for {new['stream']}. A correction keeps the candidate and the"
        " stream: record a new decision for them instead (--rename when a name misspelt in"
        " the record is being put right)")
