"""One finding per catalogue ID and one signal per context ID, from the fired rules
(outcome semantics 2, docs/judgement.md): the highest severity wins, with the causes of
every rule that raised it. Parts are made once per pack and remembered (SharedParts)."""

from __future__ import annotations

from functools import lru_cache
from itertools import count
from operator import itemgetter

from leadfit.rules.model.assessment import Finding, Signal, built

SEVERITY_ORDER = ("low", "medium", "high", "critical")


def merged_findings(builder) -> list[Finding]:
    """One finding per ID: the worst severity's rule, with the causes of every rule.

    What a finding says is fixed by the rules raising it and its causes' answers, so each
    is made once per pack for them (findings_parts, then the "finding made" memo)."""
    parts = findings_parts(builder)[0]
    answers, shared = builder.answers, builder.shared
    made, found = shared.tables["finding made"], []
    answer = answers.get
    for part in parts:  # in the order findings are listed
        values = tuple(map(answer, part[-1]))
        key = (part[0], *values, *map(type, values))  # its type too: True == 1 in a key
        finding = made.get(key)
        if finding is None:
            finding = shared.remember(made, key, _finding(shared, part[2:], answers))
        found.append(finding)
    if builder.certain:  # raised whatever the unknown answers are (rules/runtime/unknowns.py)
        raised = {part[2] for part in parts}
        ranked = [(part[1], f) for part, f in zip(parts, found)]
        ranked += [((-SEVERITY_ORDER.index(f.severity), id_key(f.id)), f)
                   for f in builder.certain if f.id not in raised]
        ranked.sort(key=_first)
        return [f for _, f in ranked]
    return found


def without_strengths(findings: list[Finding], readiness: list, questions: dict, memo=None
                      ) -> list[Finding]:
    """Words 7 (reader 8.4): a finding's causes without the strengths among them. A "because"
    is read literally, so "Revenue risk, because Have they owned a profit and loss: Yes, fully
    accountable" names a strength as a cause: an answer that informs only readiness marks the
    candidate meets (and not the finding itself) is left out. A finding keeps at least its own."""
    met = {r.id for r in readiness if r.status == "met"}

    def strength(cause, fid: str) -> bool:
        informs = getattr(questions.get(cause.question), "informs", ())
        marks = [i for i in informs if i[:1] == "P"]
        return bool(marks) and fid not in informs and all(m in met for m in marks)
    def made(f: Finding) -> tuple[Finding, Finding]:  # (f, its copy): f held, so its id stays its own
        kept = [c for c in f.because if not strength(c, f.id)]
        return f, (f if len(kept) in (0, len(f.because)) else f.model_copy(update={"because": kept}))
    marks = frozenset(met)
    if memo is None:
        return [made(f)[1] for f in findings]
    return [memo("without strengths", (id(f), marks), lambda f=f: made(f))[1] for f in findings]


def without_steps(findings: list[Finding], holds, memo) -> list[Finding]:
    """Words 7 (reader 8.6, c14): beside a hire, a finding whose rule's steps come before an
    appointment the plan does not make says what is wrong, not the step: "chosen on seniority,
    not aptitude; compare on aptitude before appointing" ends at the step (a finding's words say
    what is wrong, then after '; ' what to do). ``holds(rule id)``: whether its steps stand."""
    def made(f: Finding) -> tuple[Finding, Finding]:
        wrong = f.summary.split("; ")[0].rstrip(".")
        return f, f.model_copy(update={"summary": wrong + "."})
    return [f if holds(f.rule) or "; " not in f.summary
            else memo("without steps", id(f), lambda f=f: made(f))[1] for f in findings]


def _finding(shared, part: tuple, answers: dict) -> Finding:
    fid, title, severity, rule_id, layer, summary, qids = part
    return built(Finding, id=fid, title=title, severity=severity, rule=rule_id, layer=layer,
                 summary=summary, because=[shared.cause(q, answers[q]) for q in qids
                                           if answers.get(q) is not None])  # unasked: no cause


def findings_parts(builder) -> tuple[tuple, tuple[int, str], tuple | None]:
    """(each finding's parts but its causes, in the order findings are listed; the score and
    risk band they give; what the compounding risk counts of them, ``compounding``), once per
    pack for each set of rules raising findings."""
    found = builder.findings_parts
    if found is not None:  # asked again of this case: the risk, the outcome, compounding
        return found
    shared = builder.shared
    table, mask = shared.tables["findings"], builder.masks.get("finding", 0)
    found = table.get(mask)
    if found is None:  # one AND per finding ID; each ID's part made once per pack for its rules
        each = shared.tables["finding"]
        parts = []
        for fid, of_id, raised in shared.finding_bits:
            rules = mask & of_id
            if rules:
                key = (fid, rules)
                part = each.get(key)
                if part is None:
                    items = [pair for bit, pair in raised if rules & bit]
                    part = shared.remember(each, key, _finding_parts(builder, key, items))
                parts.append(part)
        parts.sort(key=_second)
        worst = {part[2]: part[4] for part in parts}
        scored = builder.score_of(worst)
        found = shared.remember(table, mask, (tuple(parts), scored, compounding(builder, worst, scored)))
    builder.findings_parts = found
    return found


def compounding(builder, worst: dict[str, str], scored: tuple[int, str] | None = None) -> tuple | None:
    """(score, score without the IDs the pack leaves out of compounding, its risk level, those
    IDs raised in ID order) of each finding ID's worst severity ``worst`` (``scored``: its
    score_of, when the caller has it); None when the pack leaves none out."""
    left_out = builder.shared.left_out
    if not left_out:
        return None
    full, _ = scored if scored is not None else builder.score_of(worst)
    score, counted = builder.score_of({i: s for i, s in worst.items() if i not in left_out})
    return full, score, counted, tuple(sorted((i for i in worst if i in left_out), key=id_key))


def _finding_parts(builder, key: tuple, items: list) -> tuple:
    """(key, sort key, id, title, severity, rule, layer, summary, cause question ids) of the
    finding ``items`` (rule, action value) raise: the first of the worst, with every rule's
    causes. ``key`` is (its id, the rules raising it as bits)."""
    fid = key[0]
    graded = [(SEVERITY_ORDER.index(v["severity"]), r, v) for r, v in items]
    level, rule, value = max(graded, key=_severity_of)  # the first of the worst
    worst_first = sorted(graded, key=_minus_severity_of)
    qids = tuple(dict.fromkeys(q for _, r, v in worst_first for q in builder.cause_ids(r, v["because"])))
    title = builder.pack.settings.finding_titles.get(fid) or builder.cat.title(fid)
    return (key, (-level, id_key(fid)), fid, title, value["severity"], rule.id, rule.layer,
            rule.summary, qids)


_first, _second = itemgetter(0), itemgetter(1)  # sort keys, read in C


def _severity_of(item: tuple) -> int:
    return item[0]


def _minus_severity_of(item: tuple) -> int:
    return -item[0]


def merged_signals(builder) -> list[Signal]:
    """One context signal per ID (two rules can raise R3), with every cause behind it
    (the first rule's, then the others' not already named)."""
    shared, answers = builder.shared, builder.answers
    table, key = shared.tables["signals"], builder.masks.get("signal", 0)
    parts = table.get(key)
    if parts is None:  # fixed by the rules raising signals: once per pack for each set
        groups: dict[str, list] = {}
        for rule, sid in sorted(builder.actions("signal"), key=_signal_order):
            groups.setdefault(sid, []).append(rule)
        parts = shared.remember(table, key, tuple((next(_SERIAL), sid, *_signal_parts(builder, sid, rules))
                                                  for sid, rules in groups.items()))
    made, out = shared.tables["signal made"], []
    answer = answers.get
    for part in parts:  # each signal made once per pack for its rules and causes' answers
        values = tuple(map(answer, part[-1]))
        key = (part[0], *values, *map(type, values))  # its type too: True == 1 in a key
        signal = made.get(key)
        if signal is None:
            _, sid, title, rule_id, layer, qids = part
            signal = shared.remember(made, key, built(
                Signal, id=sid, title=title, rule=rule_id, layer=layer,
                because=[shared.cause(q, answers.get(q)) for q in qids]))
        out.append(signal)
    return out


_SERIAL = count()  # names a signal's parts in a memo key: hashing the parts costs more


def _signal_order(raised: tuple) -> tuple:
    rule, sid = raised
    return id_key(sid), rule.id


def _signal_parts(builder, sid: str, rules: list) -> tuple:
    """(title, first rule, its layer, every rule's cause question ids) of one signal ID."""
    qids = dict.fromkeys(q for rule in rules for q in builder.cause_ids(rule))
    return builder.cat.title(sid), rules[0].id, rules[0].layer, tuple(qids)


@lru_cache(maxsize=4096)
def id_key(item_id: str) -> tuple:
    """How IDs sort: F2 before F10 (cached: the catalogue's IDs are few, and sorts ask often)."""
    return (item_id[0], int(item_id[1:])) if item_id[1:].isdigit() else (item_id, 0)
