"""Outcome semantics 2 (a pack with ``semantics: 2``; docs/judgement.md).

What it adds to the fired rules' actions, in this order:
- one finding per catalogue ID, at its highest severity, with every cause behind it;
- compounding: the risk of appointing the candidate as proposed sets the least
  outcome (``risk_outcomes``), unless a fired rule records an open ``choice``;
- an outcome that cannot happen here falls back (``fallback``), the constraint said;
- support that cannot happen (``unavailable: M..``) is never put in a plan: it is
  named as a constraint instead; steps are reworded where an outcome is not
  possible (``if_unavailable``);
- preconditions (``precondition: M..``) come before an appointment; a hiring plan
  carries only the steps the pack allows for it (``outcome_allows``);
- every assessment with an outcome carries that outcome's note (``outcome_notes``);
- readiness the answers cannot vouch for is named as unverified.
Words here are for people: catalogue IDs with their titles, never rule or question ids.
"""

from __future__ import annotations

from leadfit.rules.model.assessment import Assessment, Mitigation, built
from leadfit.rules.runtime.merged import (
    SEVERITY_ORDER,
    compounding,
    findings_parts,
    id_key,
    merged_findings,
    merged_signals,
    without_steps,
    without_strengths,
)
from leadfit.rules.runtime.plan_steps import plan_of
from leadfit.trade_off_words import gaps_words
from leadfit.words import joined, left_out_words, lower_first, risk_raises_words

_APPOINTING = ("appoint", "coach")
_SET = frozenset(Assessment.plain_fields) - {"unknowns", "alternatives"}  # what build() sets


class Judgement:
    """The semantics-2 assessment from a builder that knows the fired rules (rules/runtime/assess.py)."""

    def __init__(self, builder):
        self.b = builder
        self.settings = builder.pack.settings
        self.order = builder.order
        self.notes: list[str] = []
        self.constraints: list[str] = []
        self.raised_by_risk = ""

    def decide(self) -> tuple[str | None, list[str], bool]:
        """(outcome, constraints, forced): what build() decides, for searches over unknowns."""
        _, level = self.b.score(merged_findings(self.b))
        outcome, forced = self.outcome(level)
        return outcome, list(self.constraints), forced

    def build(self) -> Assessment:
        b = self.b
        findings = merged_findings(b)
        score, level = b.score(findings) if b.certain else findings_parts(b)[1]
        if b.decided:  # worked out over the unknown answers (rules/runtime/unknowns.py)
            outcome, constraints, forced = b.decided
            self.constraints = [c for c in constraints if "would be advised" in c]  # plan() adds its own
        else:
            outcome, forced = self.outcome(level)
        if forced and SEVERITY_ORDER.index(level) < SEVERITY_ORDER.index("high"):
            level = "high"
        plan, preconditions = self.plan(outcome)
        unverified = self.unverified()
        readiness = b.readiness()
        if self.settings.words_version >= 7:  # no strength named as a cause (reader 8.4)
            findings = without_strengths(findings, readiness, b.q, b.shared.memo)
            findings = without_steps(findings, lambda rid: self._steps_hold(rid, outcome), b.shared.memo)
        # Every field in declaration order, so the model is made on its fast path; the two it
        # does not set stay "unset", as when they were left out (_SET).
        return built(
            Assessment,
            _fields_set=_SET,
            outcome=outcome,
            outcome_title=self.headline(outcome, forced) if outcome else None,
            risk=b.shared.risk(level, score),
            findings=findings,
            mitigations=plan,
            readiness=readiness,
            signals=merged_signals(b),
            missing=b.missing_answers(),
            why_not=self.why_not(outcome),
            constraints=self.constraints,
            notes=self.outcome_notes(outcome, readiness) + b.notes(outcome),
            rules_fired=[r.id for r in b.fired],
            pack=b.pack_ref(),
            engine=b.engine_ref(),
            preconditions=preconditions,
            unverified=unverified,
            unknowns=None,
            alternatives=[],
        )

    # -- the outcome ------------------------------------------------------------
    def outcome(self, level: str) -> tuple[str | None, bool]:
        """(outcome, forced), with the notes and constraints it states: fixed by the strongest
        outcome recommended, the risk, what compounding counts, the rules recording a choice or
        naming what cannot happen, and whether preconditions are due; once per pack for each."""
        b = self.b
        if b.missing:
            return None, False
        strongest = b.shared.strongest(b.mask)
        if strongest is None:
            return None, False
        if b.certain:  # compounding counts findings the fired rules do not fix
            return self._outcome(level, strongest)
        masks = b.masks
        key = (strongest, level, self._compounding_read(level, strongest), masks.get("choice", 0),
               masks.get("unavailable", 0), "precondition" in masks)
        table = b.shared.tables["outcome"]
        found = table.get(key)
        if found is None:
            notes, constraints = len(self.notes), len(self.constraints)
            decided = self._outcome(level, strongest)
            found = b.shared.remember(table, key, (decided, tuple(self.notes[notes:]),
                                                   tuple(self.constraints[constraints:]),
                                                   self.raised_by_risk))
        else:
            self.notes += found[1]
            self.constraints += found[2]
            self.raised_by_risk = found[3]
        return found[0]

    def _outcome(self, level: str, outcome: str) -> tuple[str, bool]:
        b = self.b
        floor = self.settings.risk_outcomes.get(self.compounding_level(level, outcome))
        choices = [v for _, v in b.actions("choice")]
        if floor and choices:
            floor = min(floor, max(choices, key=self.order.index), key=self.order.index)
        if floor and self.order.index(floor) > self.order.index(outcome):
            self.raised_by_risk = risk_raises_words(
                level, b.cat.title(floor), b.cat.title(outcome), self.settings.words_version)
            self.notes.append(self.raised_by_risk)
            outcome = floor
        for rule, value in b.actions("choice"):
            if self.order.index(outcome) <= self.order.index(value):
                self.notes.append(f"A deliberate choice, stated openly: {rule.summary}"
                                  + self._accepted_risk(level, value))
        blocked = self.unavailable_outcomes()
        if outcome not in blocked:
            return outcome, False
        fallback = self.settings.fallback
        instead = (f"The fallback is '{self.title_of(fallback)}'" if outcome in self.settings.titles_if_fallback
                   else f"'{self.title_of(fallback)}' is advised instead")  # 2.6: not advice (D3)
        self.constraints.append(
            f"'{b.cat.title(outcome)}' would be advised, but it is not possible here:"
            f" {blocked[outcome].summary} {instead}, at higher risk, with the steps below.")
        return fallback, True

    def _accepted_risk(self, level: str, chosen: str) -> str:
        """2.4: why a risk that would otherwise call for more stands beside the chosen outcome."""
        wanted = self.settings.risk_outcomes.get(level)
        if self.settings.words_version < 2 or not wanted or (
                self.order.index(wanted) <= self.order.index(chosen)):
            return ""
        return (f" The risk of appointing as proposed is {level}, which would call for"
                f" '{self.b.cat.title(wanted)}'; it is accepted here because the stakes are low and"
                " the cost is said openly: the delivery forecast may not be met, and in return the"
                " organisation builds a more digitally able executive.")

    def compounding_level(self, level: str, outcome: str) -> str:
        """The risk level that sets the least outcome: ``level`` without the findings the pack
        leaves out of compounding (``compounding_leaves_out``). Where leaving them out keeps the
        outcome, the notes say what they add and that they come first (2.4)."""
        b = self.b
        if b.certain:  # findings raised whatever the unknown answers are
            if not b.shared.left_out:
                return level
            from leadfit.rules.runtime.assess import worst_severities  # assess builds on this module
            raised = [(v["id"], v["severity"]) for _, v in b.actions("finding")]
            raised += [(f.id, f.severity) for f in b.certain]
            found = compounding(b, worst_severities(raised))
        else:  # fixed by the merged findings, so by their rules: once per pack for each
            found = findings_parts(b)[2]
        if found is None:
            return level
        full, score, counted, steps = found
        if self._says_left_out(level, outcome, counted):
            named = joined([f"{i} “{self.settings.finding_titles.get(i) or b.cat.title(i)}”" for i in steps])
            self.notes.append(left_out_words(level, full, named, counted, score,
                                             self.settings.words_version))
        return counted

    def _says_left_out(self, level: str, outcome: str, counted: str) -> bool:
        """Whether the notes say what the findings left out of compounding add: where leaving
        them out keeps ``outcome`` that ``level`` would raise."""
        floor = self.settings.risk_outcomes.get(level)
        return bool(floor) and self.order.index(floor) > self.order.index(outcome) and (
            self.settings.risk_outcomes.get(counted) != floor)

    def _compounding_read(self, level: str, outcome: str):
        """What the outcome decision reads of compounding (findings_parts' third part): the
        counted level alone, unless the notes name the scores and the IDs left out. So the
        decision is remembered per counted level, not per score."""
        found = findings_parts(self.b)[2]
        if found is None or self._says_left_out(level, outcome, found[2]):
            return found
        return found[2]

    def title_of(self, outcome: str) -> str:
        """The outcome's title, or what the pack calls it where a step it names cannot happen
        here (``titles_if_unavailable``): a headline never promises what cannot be done.
        Fixed by the outcome, the rules saying what cannot happen and whether any makes steps
        due first: once per pack for each."""
        masks = self.b.masks
        table = self.b.shared.tables["title"]
        key = (outcome, masks.get("unavailable", 0), "precondition" in masks)
        found = table.get(key)
        if found is None:
            found = self.b.shared.remember(table, key, self._title_of(outcome))
        return found

    def _title_of(self, outcome: str) -> str:
        renamed = self.settings.titles_if_unavailable.get(outcome)
        if renamed:
            cannot = {v for _, v in self.b.actions("unavailable")}
            for step, title in renamed.items():
                if step in cannot:
                    return title
        if outcome in self.settings.titles_if_preconditions and "precondition" in self.b.masks:
            return self.settings.titles_if_preconditions[outcome]  # 2.4: it stands on them
        return self.b.cat.title(outcome)

    def headline(self, outcome: str, forced: bool) -> str:
        """The title a person reads first: where the advised outcome cannot happen and the
        fallback is taken, what the pack says of that (``titles_if_fallback``; 2.6), so the
        headline never reads as a plain recommendation of the fallback."""
        title = self.title_of(outcome)
        if forced:
            for blocked in sorted(self.unavailable_outcomes(), key=self.order.index, reverse=True):
                if blocked in self.settings.titles_if_fallback:
                    return self.settings.titles_if_fallback[blocked].replace("{outcome}", title)
        return title

    def unavailable_outcomes(self) -> dict:
        return {v: r for r, v in self.b.actions("unavailable") if v in self.order}

    # -- the plan ---------------------------------------------------------------
    def plan(self, outcome: str | None) -> tuple[list[Mitigation], list[Mitigation]]:
        """(the plan, the preconditions), with the constraints they state: read off the fired
        rules as bits, each step made once per pack (rules/runtime/plan_steps.py)."""
        return plan_of(self, outcome)

    def plan_by_needs(self, outcome: str | None) -> tuple[list[Mitigation], list[Mitigation]]:
        """The same plan from who asks for each step as dicts (plan_needs): what plan() is
        tested against (tests/test_plan_steps.py)."""
        needed, before = self.plan_needs(outcome)
        reword = {}
        for rule_id in self._steps_reworded():
            reword.update(self.settings.step_words_if[rule_id])
        # An outcome that cannot happen here rewords last: a step never names it (2.5: a review
        # already set still names what can be had where hiring is not possible)
        for blocked in self.unavailable_outcomes():
            reword.update(self.settings.if_unavailable.get(blocked, {}))
        # 2.4: a step's reason names the outcome as the headline does ("without coaching")
        headline = self.title_of(outcome) if outcome and self.settings.words_version >= 2 else None
        return (self.b.as_mitigations(needed, reword, headline),
                self.b.as_mitigations(before, reword, headline))

    def _steps_reworded(self) -> tuple[str, ...]:
        """The fired rules whose steps read as done (``step_words_if``), in the pack's order."""
        words = self.settings.step_words_if
        return tuple(r.id for r in self.b.fired if r.id in words) if words else ()

    def plan_needs(self, outcome: str | None) -> tuple[dict, dict]:
        """(the plan's steps, the preconditions): mitigation id -> who asks for it and why."""
        b = self.b
        cannot = {v: r for r, v in b.actions("unavailable") if v not in self.order}
        needed = b.needed("mitigation", outcome)
        before = b.needed("precondition", None)
        if outcome not in _APPOINTING:  # a hiring plan: the role to hire for comes first
            needed = {**before, **needed}
            before = {}
        if before:
            needed = {m: e for m, e in needed.items() if m not in before}
        allowed = self.settings.outcome_allows.get(outcome) if outcome else None
        if allowed is not None:
            needed = {m: e for m, e in needed.items() if m in allowed}
        for mid, rule in cannot.items():
            if mid in needed or mid in before:
                needed.pop(mid, None)
                before.pop(mid, None)
                self.constraints.append(
                    f"{mid} {b.cat.title(mid)} is not in the plan because it cannot happen here:"
                    f" {rule.summary}")
        return needed, before

    # -- words ------------------------------------------------------------------
    def outcome_notes(self, outcome: str | None, readiness: list) -> list[str]:
        said = []
        if outcome in self.settings.outcome_notes:
            # fixed by the outcome and the readiness list, which the rules marking readiness
            # fix: once per pack for each
            table, key = self.b.shared.tables["outcome note"], (outcome, self.b.masks.get("readiness", 0))
            note = table.get(key)
            if note is None:
                note = self.b.shared.remember(table, key, self._outcome_note(outcome, readiness))
            said.append(note)
        said += self.notes
        said += [v for rule, v in self.b.actions("note") if self._note_holds(rule, outcome)]
        return list(dict.fromkeys(said))

    def _outcome_note(self, outcome: str | None, readiness: list) -> str:
        """The outcome's note with the trade-off named by what is actually missing: {gaps} as
        2.4-2.6 recorded it (their records replay these words), {gaps_plain} in a sentence (2.7)."""
        note = self.settings.outcome_notes[outcome]
        version = self.settings.words_version
        for mark, words in (("{gaps}", _gaps), ("{gaps_plain}", lambda r: gaps_words(r, version))):
            if mark in note:
                note = note.replace(mark, words(readiness))
        return note

    def _note_holds(self, rule, outcome: str | None) -> bool:
        """Words 5 (2.7): a rule's note that rests on its steps before the appointment is not
        said where the outcome's plan carries none of them: a hire is no appointment of the
        executive, so "this appointment stands on lightening the former role" is not true of it."""
        return self.settings.words_version < 5 or self._steps_hold(rule.id, outcome)

    def _steps_hold(self, rule_id: str, outcome: str | None) -> bool:
        """Whether the outcome's plan carries one of the rule's steps before the appointment."""
        before = self.b.shared.preconditions_of.get(rule_id, [])
        allowed = self.settings.outcome_allows.get(outcome) if outcome else None
        return not before or allowed is None or any(m in allowed for m in before)

    def unverified(self) -> list[str]:
        """Readiness IDs the answers cannot vouch for, in ID order, and the note naming them
        (once per pack for each set of rules marking them)."""
        table, key = self.b.shared.tables["unverified"], self.b.masks.get("unverified", 0)
        found = table.get(key)
        if found is None:
            said = len(self.notes)
            ids = self._unverified()
            found = self.b.shared.remember(table, key, (tuple(ids), tuple(self.notes[said:])))
        else:
            self.notes += found[1]
        return list(found[0])

    def _unverified(self) -> list[str]:
        ids: list[str] = []
        for _, value in self.b.actions("unverified"):
            ids += [i for i in value if i not in ids]
        if ids:
            named = ", ".join(f"{i} {self.b.cat.title(i)}" for i in ids)
            self.notes.append(f"Unverified: {named} rest on answers not tested in an interview as"
                              " an external candidate would be.")
        return sorted(ids, key=id_key)

    def why_not(self, outcome: str | None) -> dict[str, list[str]]:
        """Why each other outcome was not advised: the builder's reasons (read off the fired
        rules as bits), the risk's reason first where it raised the outcome."""
        reasons = self.b.why_not(outcome)
        if self.raised_by_risk and outcome:
            for milder in self.order[:self.order.index(outcome)]:
                reasons[milder] = [self.raised_by_risk] + [
                    r for r in reasons.get(milder, []) if not r.startswith("A stronger outcome")]
        return reasons


_STATUS_WORDS = {"partial": "partly met", "not_met": "not met", "unknown": "not known"}


def _gaps(readiness: list) -> str:
    """'digital product experience (partly met)': the readiness items a coached executive lacks."""
    gaps = [f"{lower_first(r.title)} ({_STATUS_WORDS[r.status]})"
            for r in readiness if r.status in _STATUS_WORDS]
    return joined(gaps) if gaps else "what they still have to learn"
