"""leadfit register list|show|export: read the register."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from typing import Any

from leadfit.cli.commands import HELP
from leadfit.cli.dbopt import add_db_option, open_db
from leadfit.cli.outputs import add_force_option, may_overwrite
from leadfit.decisions import streams_reading
from leadfit.decisions.record_words import (outcome_title, recommendation_words, recorded_words,
                                            step_words)
from leadfit.decisions.review_words import (KIND_WORDS, awaiting_words, change_lines, due_words,
                                            verdict_words)
from leadfit.decisions.texts import make_ref
from leadfit.errors import InputError, Problem
from leadfit.words import date_words, pack_words, role_words, status_words, time_words

# `register show` starts in a fresh process each time: it reads through decisions/showing.py
# (no SQLAlchemy for a SQLite register, no models: issue 15); what only list, the due list
# and export need is imported in their functions.


def register(sub) -> None:
    p = sub.add_parser("register", help=HELP["register"])
    verbs = p.add_subparsers(dest="verb", metavar="VERB", required=True)
    ls = verbs.add_parser("list", help="newest records first")
    ls.add_argument("--stream", metavar="TEXT",
                    help="value streams whose name starts with TEXT (any case); when none"
                         " does, those whose name contains it")
    ls.add_argument("--outcome", help="the decision as the list says it (e.g. 'Appoint with"
                                      " coaching') or its key: appoint, coach or hire_external")
    ls.add_argument("--status", help="as the list says it (e.g. 'awaiting sign-off') or its key:"
                                     " draft, awaiting_signoff, signed, superseded or withdrawn")
    ls.add_argument("--limit", type=int, default=100)
    ls.add_argument("--due", action="store_true",
                    help="fail-fast reviews overdue or due within 30 days, most overdue first")
    ls.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)  # tests, audits
    ls.set_defaults(handler=run_list)
    sh = verbs.add_parser("show", help="one record (RECORD or RECORD@VERSION)")
    sh.add_argument("record")
    sh.add_argument("--json", action="store_true", help="the stored canonical JSON text")
    sh.set_defaults(handler=run_show)
    ex = verbs.add_parser("export", help="every record version as CSV")
    ex.add_argument("--csv", type=Path, required=True, metavar="FILE")
    add_force_option(ex)
    ex.set_defaults(handler=run_export)
    for v in (ls, sh, ex):
        add_db_option(v)


def run_list(args) -> int:
    if args.due:
        return run_due(args)
    from leadfit.decisions import service
    status, outcome = _filter_keys(args.status, args.outcome)
    with open_db(args) as reg:
        rows = service.list_records(reg, stream=args.stream, outcome=outcome,
                                    status=status, limit=args.limit)
        missing = service.missing(reg)
    for r in rows:
        if r.intact:
            decision = outcome_title(r.outcome)
            if r.review_of:  # as the window shows it: a review is not a second decision
                decision = f"Review of {r.review_of}: {decision}"
            print(f"{r.ref:<18} {status_words(r.status):<18} {decision:<37}"
                  f" {r.stream} / {r.candidate}")
        else:
            print(f"{r.ref:<18} ALTERED           {r.problem}")
    if not rows:
        print("no records")
    altered = sum(not r.intact for r in rows)
    if altered:
        _missing(missing)
        from leadfit.words import counted
        was = "was" if altered == 1 else "were"
        print(f"warning: {counted(altered, 'record')} {was} altered outside LeadFit: marked ALTERED"
              " above, with what changed, and none of its details shown; run leadfit verify",
              file=sys.stderr)
        return 1
    return _missing(missing)


def _filter_keys(status: str | None, outcome: str | None) -> tuple[str | None, str | None]:
    """--status and --outcome as the register prints them ('awaiting sign-off', 'Appoint with
    coaching') or as their keys, any case; what is neither is named, both in one run."""
    from leadfit.decisions.listing import STATUSES
    from leadfit.rules.model.library import default_pack
    problems: list[Problem] = []
    status = _key(status, {k: status_words(k) for k in STATUSES}, "status", problems)
    outcomes = default_pack().settings.outcomes if outcome else ()
    outcome = _key(outcome, {k: outcome_title(k) for k in outcomes}, "outcome", problems)
    if problems:
        raise InputError(problems)
    return status, outcome


def _key(typed: str | None, words: dict[str, str], what: str, problems: list[Problem]) -> str | None:
    if typed is None:
        return None
    folded = " ".join(typed.split()).casefold()
    found = next((k for k, w in words.items() if folded in (k.casefold(), w.casefold())), None)
    if found is None:
        from leadfit.suggest import did_you_mean  # only on a mistake
        problems.append(Problem(f"{what} '{typed}' is not one of: " + ", ".join(
            w if w == k else f"{w} ({k})" for k, w in words.items())
            + did_you_mean(typed, [*words, *words.values()])))
    return found


def _missing(words: str) -> int:
    """A row deleted outside LeadFit: said in words, exit 1 (like an altered row)."""
    if not words:
        return 0
    print(f"warning: {words}", file=sys.stderr)
    return 1


def run_due(args) -> int:
    from leadfit.decisions import review_service, service
    today = day(args.today)
    with open_db(args) as reg:
        rows = review_service.due_reviews(reg, today, limit=args.limit)
        overdue, soon = review_service.due_counts(reg, today)
        missing = service.missing(reg)
    for r in rows:
        if not r.intact:
            print(f"{r.ref:<18} ALTERED           {r.problem}")
            continue
        when = "OVERDUE since" if r.overdue else "due"
        print(f"{r.ref:<18} {when} {date_words(r.due)}: {KIND_WORDS[r.kind]} of {r.decision_id}"
              f" ({r.stream} / {r.candidate}){awaiting_words(r.awaiting)}")
    print(due_words(overdue, soon))
    return max(1 if any(not r.intact for r in rows) else 0, _missing(missing))


def day(text: str | None) -> date:
    try:
        return date.fromisoformat(text) if text else date.today()
    except ValueError:
        raise InputError([Problem(f"--today '{text}' is not a date (YYYY-MM-DD)")]) from None


def run_show(args) -> int:
    from leadfit.decisions import showing
    with showing.open_to_read(getattr(args, "db", None)) as reg:
        shown = showing.show(reg, args.record)
    print(shown_text(shown.record, shown.versions, shown.reviews, as_json=args.json))
    return 0


def shown_text(record: Any, versions: int, later: list, *, as_json: bool = False) -> str:
    """What `register show` prints: the record in words (or its stored text) and its reviews.
    ``record`` and ``later`` are models or sealed records alike (decisions/sealed.py)."""
    if as_json:
        return record.canonical()
    return "\n".join([describe(record, versions), *reviewed_lines(record, later)])


def reviewed_lines(record: Any, later: list) -> list[str]:
    """The reviews of the chain this record belongs to, in order (records are never edited:
    the link is each review's)."""
    return [f"  reviewed:        {r.ref} held {date_words(r.review.held_on)}:"
            f" {verdict_words(r.review.verdict)} ({status_words(r.status)})"
            for r in later if r.review and r.ref != record.ref]


def describe(r: Any, versions: int) -> str:
    superseded = r.version < versions
    status = "superseded" if superseded else status_words(r.status)
    d = r.decision
    lines = [f"SUPERSEDED by {make_ref(r.record_id, versions)}: do not act on this version"] \
        if superseded else []
    if r.status == "withdrawn":
        lines.append(f"WITHDRAWN {time_words(r.withdrawn_at)} by {r.withdrawn_by}:"
                     f" {r.withdrawn_reason}")
    lines += [f"{r.ref} ({status}; version {r.version} of {versions})",
              f"  stream:          {r.stream}", f"  candidate:       {r.candidate}",
              f"  recorded by:     {recorded_words(r)}",
              f"  recommendation:  {recommendation_words(r)}",
              f"  decision:        {outcome_title(d.outcome)}"]
    if d.justification:
        lines.append(f"  justification:   {d.justification}")
    if d.conditions:
        lines.append(f"  conditions:      {d.conditions}")
    if d.review_date:
        lines.append(f"  review date:     {date_words(d.review_date)}")
    if d.decisive_review_date:
        lines.append(f"  decisive review: {date_words(d.decisive_review_date)}")
    lines += [f"  not adjusting:   {c}" for c in d.review_criteria]
    if r.other_streams is not None:  # the form's answer in its words, never its option code
        from leadfit.decisions.showing import questionnaire_of
        lines.append(f"  other streams:   {streams_reading.words(r.other_streams, questionnaire_of(r))}")
    if r.supersedes:
        lines.append(f"  supersedes:      {r.supersedes} ({r.correction_reason})")
    lines += [f"  rule pack:       {pack_words(r.pack.name, r.pack.version)}",
              f"  fingerprint:     {r.pack.fingerprint}"]
    lines += [f"  {line}" for line in change_lines(r)]
    lines += _findings(r) + _plan(r)
    for c in r.considered:
        lines.append(f"  also considered: {c.name} ({c.outcome_title}; risk {c.risk})")
    for s in r.signoffs:
        lines.append(f"  signed:          {s.name} ({role_words(s.role)}; computer account"
                     f" {s.account or 'not recorded'}) {time_words(s.at)}"
                     + (f"; dissent: {s.dissent_reasons}" if s.dissent else ""))
    if superseded:  # nobody is asked to sign a version that was replaced
        when = "after it was signed" if r.status == "signed" else "before it was signed"
        lines.append(f"  superseded:      by version {r.version + 1} {when}")
    elif r.status != "withdrawn":  # nobody is asked to sign a withdrawn decision (said above)
        for role in r.missing_roles():
            lines.append(f"  awaiting:        {role_words(role)}")
    return "\n".join(lines)


# HR reads these lines: each finding and step in words; its catalogue code last, in
# brackets, only to find the same row in the PDF's tables.
def _findings(r: Any) -> list[str]:
    found = r.assessment.findings
    lines = [f"  findings:        {len(found) or 'none'}"]
    lines += [f"    {f.title} ({f.severity}) [{f.id}]" for f in found]
    return lines


DECLINED = "none: the coaching plan recommended was declined"


def _plan(r: Any) -> list[str]:
    from leadfit.decisions.coaching import left_out
    plan, declined = r.decision.plan, left_out(r)  # a coaching plan declined is not one unneeded
    lines = [f"  mitigation plan: {len(plan) or (DECLINED if declined else 'none required')}"]
    lines += [f"    {p.title}: {step_words(r, p)} [{p.id}]" for p in plan]
    if r.decision.later_note:
        lines.append(f"    ({r.decision.later_note})")
    lines += [f"    ({note})" for note in declined]
    return lines


def run_export(args) -> int:
    from leadfit.decisions import service
    with open_db(args) as reg:
        count = service.export_csv(reg, args.csv, overwrite=may_overwrite(args, args.csv))
        missing = service.missing(reg)
    print(f"{count} record versions written to {args.csv}")
    return _missing(missing and f"{missing} (the file's last line says so)")
