"""Each case under both packs of a ``pack diff``: its outcome, risk and cited IDs, and nothing else.

Per case: the file is read once, each distinct answer line parsed and checked once
(rules/authoring/diff_files.py; any other file as forms/case.py reads it); then one
engine call matches both packs' rules at once (a rule both packs hold with the same
condition is matched once); the summary (rules/runtime/summary.py) is read off the
fired rules, and remembered per set of fired rules, since it depends on nothing else
for a case whose answers are all known. A case with answers "Not known" takes each
pack's full exploration, as evaluate() does. tests/test_diff_lean.py holds all of it
equal to two full assessments over generated cases and packs.

A large run on a machine with an idle core is shared with a helper process
(rules/authoring/diff_pool.py; docs/engine.md says when that buys time).
"""

from __future__ import annotations

import hashlib
import os

from leadfit.errors import LeadFitError
from leadfit.forms import conditions
from leadfit.forms.case import Case, build_case, missing, relevant_from
from leadfit.forms.migrate import migrate_answers
from leadfit.forms.questionnaire import Questionnaire
from leadfit.rules.authoring.diff_files import CaseFiles
from leadfit.rules.model.pack import Pack
from leadfit.rules.runtime.matching import Matcher, engine_of_record
from leadfit.rules.runtime.summary import Summary, summarise, summary_of

PARALLEL_FROM = 2000  # fewer cases than this run in one process: a spawned helper costs ~1 s to start
CHUNK = 100  # cases per chunk: small enough that both processes finish together
REMEMBERED = 2000     # results kept for repeated answers (a key holds every relevant answer)
TRIED = 2000          # cases looked up before the repeats are found too rare to keep looking
SUMMARIES = 4096      # summaries kept per set of fired rules (they repeat: far fewer than cases)


def worth_a_second_worker(cases: int) -> bool:
    """Two processes only where they buy time: enough cases to pay ~1 s of start-up, and a
    core left idle (measured: on two busy cores a second worker made the run no faster).
    The load average counts the work just before this one, often this very command's own
    start: at 1.1 on two cores, two workers took 3.05 s where one took 5.22 s."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    busy = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    return cases >= PARALLEL_FROM and cores >= 2 and busy < cores - 0.5


def evaluate_all(a: Pack, b: Pack, works: list, progress, workers: int | None):
    """Each case's pair of summaries (or why it is invalid), in order, as they are made.
    ``works``: each case's answers, or the path of its file (read where it is evaluated)."""
    if workers is None:
        workers = 2 if worth_a_second_worker(len(works)) else 1
    chunks = (works[i:i + CHUNK] for i in range(0, len(works), CHUNK))
    counted = [0]

    def handed_on(n: int) -> None:  # before the chunk's results are handed on: the last is read last
        counted[0] += n
        _tick(progress, counted[0], len(works))
    evaluator = Evaluator(a, b)
    alone = len(works) < PARALLEL_FROM or workers < 2
    for chunk in chunks:  # alone: every chunk; shared: the first, so a forked helper starts warm
        part = [evaluator.pair(w) for w in chunk]
        handed_on(len(part))
        yield from part
        if not alone:
            break
    if not alone:  # multiprocessing is imported only here: a run in one process never pays for it
        from leadfit.rules.authoring.diff_pool import shared_with_a_helper
        yield from shared_with_a_helper(a, b, chunks, evaluator, handed_on)


def _tick(progress, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


class Evaluator:
    """Both packs in one process, with results remembered per relevant answers."""

    def __init__(self, a: Pack, b: Pack, matcher: Matcher | None = None):
        self.a, self.b = a, b
        self.questionnaire = a.questionnaire
        self.files = CaseFiles(a.questionnaire)
        self.read = _read(a) | _read(b)
        self.read_in_order = sorted(self.read)
        self.cache: dict[tuple, tuple[Summary, Summary]] = {}
        # cases with the same answers are looked up until TRIED have been: under 1 in 50
        # found (10,000 generated cases: 1 in 54), the key costs more than the repeats save
        self.lookups: int | None = 0
        self.hits = 0
        self.both = _BothPacks(a, b, matcher or engine_of_record())
        self.same_relevance = _relevance(a.questionnaire) == _relevance(b.questionnaire)

    def key(self, answers: dict) -> tuple:
        """Every answer that can matter (with its type: 1 is not true), and which others
        are answered at all (a required one missing decides nothing)."""
        values = tuple(map(answers.get, self.read_in_order))
        return values, tuple(map(type, values)), frozenset(answers.keys() - self.read)

    def pair(self, work: dict | str):
        """Both summaries for answers (or a case file), or the reason it is invalid."""
        try:
            if isinstance(work, str):
                case = self.files.load(work)
            else:
                case = build_case(work, self.questionnaire)
            case_b = self.for_b(case)
        except LeadFitError as exc:
            return "; ".join(str(p) if isinstance(work, str) else p.message for p in exc.problems)
        if self.lookups is None:  # repeats too rare to pay for their key
            return self.summaries(case, case_b)
        key = self.key(case.answers)
        found = self.cache.get(key)
        if found is None:
            if len(self.cache) >= REMEMBERED:  # the oldest goes: memory stays flat
                del self.cache[next(iter(self.cache))]
            found = self.cache[key] = self.summaries(case, case_b)
        else:
            self.hits += 1
        self.lookups += 1
        if self.lookups == TRIED and self.hits * 50 < TRIED:
            self.lookups, self.cache = None, {}
        return found

    def summaries(self, case: Case, case_b: Case) -> tuple[Summary, Summary]:
        if case.unknown or case_b.unknown:  # explored over the unknown answers: the full path
            return summarise(case, self.a), summarise(case_b, self.b)
        answers = relevant_from(case.answers, self.a.questionnaire)
        lacking = missing(case, self.a.questionnaire)
        if self.same_relevance and case_b is case:
            fired_a, fired_b = self.both.fired(answers)
            return self.both.summary(0, fired_a, lacking), self.both.summary(1, fired_b, lacking)
        fired_a = self.both.fired_one(0, answers)
        fired_b = self.both.fired_one(1, relevant_from(case_b.answers, self.b.questionnaire))
        return (self.both.summary(0, fired_a, lacking),
                self.both.summary(1, fired_b, missing(case_b, self.b.questionnaire)))

    def for_b(self, case):
        """The case as B's questionnaire asks it: migrated when B's is a later version."""
        va, vb = self.questionnaire.version, self.b.questionnaire.version
        if va == vb:
            return case
        return build_case(migrate_answers(case.to_data(), va, vb), self.b.questionnaire)


class _BothPacks:
    """Both packs' rules as one rule list for the matcher: each distinct condition once
    (by its repr, so 1 and true stay apart), named by position, with the rules of each
    pack it stands for. A pack's summary is remembered per set of fired rules."""

    def __init__(self, a: Pack, b: Pack, matcher: Matcher):
        self.packs, self.matcher = (a, b), matcher
        index: dict[str, int] = {}
        self.rules: list[tuple[str, conditions.Condition]] = []
        self.ids: list[tuple[list[str], list[str]]] = []  # per condition: A's rules, B's rules
        for side, pack in enumerate((a, b)):
            for rule in pack.rules:
                at = index.setdefault(repr(rule.condition), len(self.rules))
                if at == len(self.rules):
                    self.rules.append((str(at), rule.condition))
                    self.ids.append(([], []))
                self.ids[at][side].append(rule.id)
        # a ruleset is registered once per key, named by the key's first characters: a hash
        self.key = "diff_" + hashlib.sha256(f"{a.fingerprint} {b.fingerprint}".encode()).hexdigest()[:32]
        self.read = [_rule_reads(a), _rule_reads(b)]  # what the engine sees, as assess.builder
        self.joint = self.read[0] | self.read[1]
        self.remembered: tuple[dict, dict] = ({}, {})
        self.named = {name: self.ids[at] for at, (name, _) in enumerate(self.rules)}  # no int() per rule fired

    def fired(self, answers: dict) -> tuple[list[str], list[str]]:
        """Each pack's fired rule ids for answers both packs take as relevant: one match."""
        fact = {k: v for k, v in answers.items() if k in self.joint}
        fired_a: list[str] = []
        fired_b: list[str] = []
        named = self.named
        for name in self.matcher.evaluate(self.key, self.rules, fact):
            ids_a, ids_b = named[name]
            fired_a += ids_a
            fired_b += ids_b
        return fired_a, fired_b

    def fired_one(self, side: int, answers: dict) -> list[str]:
        """One pack's fired rule ids (the packs ask the questions differently: two matches)."""
        pack = self.packs[side]
        fact = {k: v for k, v in answers.items() if k in self.read[side]}
        return self.matcher.evaluate(pack.fingerprint, ((r.id, r.condition) for r in pack.rules), fact)

    def summary(self, side: int, fired: list[str], lacking: list[str]) -> Summary:
        """What summarise() says, made once per set of fired rules (and whether answers lack)."""
        table = self.remembered[side]
        key = (frozenset(fired), bool(lacking))
        found = table.get(key)
        if found is None:
            if len(table) >= SUMMARIES:
                table.clear()
            found = table[key] = summary_of(self.packs[side], fired, lacking)
        return found


def _read(pack: Pack) -> set[str]:
    """The questions whose answers can change a summary: rules, ask_if and derivations read them."""
    read = {q for r in pack.rules for q in conditions.questions_in(r.condition)}
    read |= {q for qq in pack.questionnaire.questions.values() if qq.ask_if is not None
             for q in conditions.questions_in(qq.ask_if)}
    for qq in pack.questionnaire.derived:
        read |= set(qq.derived_from[1]) if qq.derived_from else set()
    return read


def _rule_reads(pack: Pack) -> frozenset[str]:
    return frozenset(q for r in pack.rules for q in conditions.questions_in(r.condition))


def _relevance(questionnaire: Questionnaire) -> tuple:
    """What relevant_from and missing read of a questionnaire (equal: same answers, same fact)."""
    return (tuple((q.id, repr(q.ask_if), q.required) for q in questionnaire.in_form_order),
            tuple((q.id, q.derived_from) for q in questionnaire.derived_facts))
