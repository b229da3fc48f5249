"""The pack as a document for the client, in the decision rationale's PDF style.

What it believes (rules grouped by catalogue ID, in plain words, with their
thresholds and the scenarios that illustrate them), how an outcome is chosen,
and what a client pack changes in the pack it extends.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from leadfit import __version__
from leadfit.files import write_bytes
from leadfit.pdf import Document, describe
from leadfit.rules.authoring.docs import IdGroup, PackChanges, pack_changes, parameter_words, rules_by_id
from leadfit.rules.model.pack import Pack
from leadfit.words import counted, joined, risk_at_least_words

_KIND_HEADINGS = {
    "readiness": "Readiness: what a ready Product Director brings (P)",
    "signals": "Context: why organisations appoint executives anyway (R)",
    "failures": "Risks: how such appointments fail (F)",
    "mitigations": "Mitigations: what lowers the risk (M)",
    "outcomes": "Outcomes recommended directly",
    "other": "Notes",
}


def render(pack: Pack, failing: Sequence[str] = ()) -> tuple[bytes, list[str]]:
    """(PDF bytes, characters the font could not draw, described).

    ``failing`` names the pack's scenarios that fail: said on the first page,
    since the document would otherwise vouch for rules the pack's own tests refute.
    """
    doc = Document(f"Rule pack {pack.label}", footer=_footer(pack),
                   watermark="SCENARIOS FAIL" if failing else "")
    groups = rules_by_id(pack)
    _opening(doc, pack, failing)
    _how_decided(doc, pack)
    changes = pack_changes(pack)
    if changes:
        _changes(doc, pack, changes)
    first: dict[str, str] = {}  # rule id -> the ID it is shown in full under
    for kind, heading in _KIND_HEADINGS.items():
        of_kind = [g for g in groups if g.kind == kind]
        for i, group in enumerate(of_kind):
            _group(doc, group, first, heading if i == 0 else None)
    _scenarios(doc, pack)
    pdf = doc.render()
    return pdf, [f"{describe(ch)} in '{samples[0]}'" for ch, samples in doc.unsupported.items()]


def failing_scenarios(pack: Pack) -> list[str]:
    from leadfit.rules.authoring.scenarios import run_all
    return [r.scenario.name for r in run_all(pack) if not r.passed]


def write(pack: Pack, out: Path, failing: Sequence[str] = ()) -> list[str]:
    """Render and write atomically; returns the characters the font could not draw."""
    pdf, unsupported = render(pack, failing)
    write_bytes(out, pdf)
    return unsupported


def failing_note(failing: Sequence[str]) -> str:
    names = ", ".join(f"'{n}'" for n in failing)
    verb = "fails" if len(failing) == 1 else "fail"
    return f"{counted(len(failing), 'scenario')} of this pack {verb}: {names}."


def _footer(pack: Pack):
    lines = [f"Rule pack {pack.label} · layers {' + '.join(pack.layers)}",
             f"Fingerprint {pack.fingerprint} · LeadFit {__version__}"]
    return lambda page, total: lines


def _opening(doc: Document, pack: Pack, failing: Sequence[str]) -> None:
    doc.title_line(pack.title or f"Rule pack {pack.name}")
    if failing:
        doc.table([f"Warning: {failing_note(failing)}"],
                   [[("The rules below do not give what the pack's own scenarios expect. Run"
                      " 'leadfit pack test' on the pack and fix it before relying on this document.")]],
                   widths=[1.0])
    doc.p(f"Rule pack {pack.label} · {counted(len(pack.rules), 'rule')}"
          f" · {counted(len(pack.scenarios), 'scenario')}", "small")
    if pack.description:
        doc.p(pack.description.strip())
    doc.table([], [["Pack", pack.label],
                   ["Built on", " + ".join(pack.layers)],
                   ["Fingerprint", pack.fingerprint]], widths=[0.22, 0.78])
    doc.p("Anyone can check that a decision was made with exactly these rules: the decision"
          " record and its PDF name the same fingerprint.", "small")


def _how_decided(doc: Document, pack: Pack) -> None:
    s, cat = pack.settings, pack.catalogue
    doc.h1("How a recommendation is reached")
    order = " < ".join(cat.title(o) for o in s.outcomes)
    doc.bullets([
        ("Every rule whose conditions the answers meet applies: its findings, mitigations and"
        " readiness marks all count."),
        f"Of the outcomes the applying rules recommend, the strongest is taken: {order}.",
        (f"If that outcome is not possible here, '{cat.title(s.fallback)}' is advised instead,"
        " and the risk is raised to at least high."),
        ("Until every required question is answered, nothing is recommended and the missing"
        " answers are named."),
        "Risk: each finding counts once, at its worst severity ("
        + ", ".join(f"{k} {v}" for k, v in s.severities.items()) + " points); the total gives the"
        " level (" + ", ".join(f"{k} from {v}" for k, v in s.risk_bands.items()) + ")."
        + (" " + risk_at_least_words(s.risk_at_least) if s.risk_at_least else ""),
    ])
    for outcome, ids in s.outcome_requires.items():
        doc.p(f"Every '{cat.title(outcome)}' decision also requires: "
              + ", ".join(f"{i} {cat.title(i)}" for i in ids) + ".")
    if s.semantics >= 2:
        doc.bullets(_judgement_lines(s, cat))
    _thresholds(doc, pack)


def _judgement_lines(s, cat) -> list[str]:
    """Semantics 2 (docs/judgement.md) in the client's words."""
    lines = [_compounding_line(s, cat, level, o) for level, o in s.risk_outcomes.items()]
    lines += ["Each failure mode is one finding, at its worst severity, with every answer behind it.",
              "Steps that must come before an appointment (a written role, an interview, selection on"
              " aptitude, a lighter former role) are listed apart, as preconditions.",
              "Support the answers say cannot happen is never put in a plan; it is named as a"
              " constraint, and its absence raises the risk."]
    for outcome, ids in s.outcome_allows.items():
        lines.append(f"A '{cat.title(outcome)}' plan carries only: "
                     + ", ".join(f"{i} {cat.title(i)}" for i in ids) + ".")
    return lines


def _compounding_line(s, cat, level: str, outcome: str) -> str:
    """What the risk does to the advice, as the pack does it (rules/runtime/judgement.py): every
    finding counts, "at least" only where a stronger outcome exists, the steps left out named."""
    least = "" if outcome == s.outcomes[-1] else "at least "
    line = (f"The findings add up: at {level} risk of appointing the candidate as proposed, the advice"
            f" is {least}'{cat.title(outcome)}', unless the organisation has stated an open choice"
            " that a rule records.")
    if s.compounding_leaves_out:
        steps = joined([s.finding_titles.get(i) or cat.title(i) for i in s.compounding_leaves_out])
        line += (f" {steps} count in the risk shown but never raise the advice this way: the steps"
                 " before the appointment answer them.")
    return line


def _thresholds(doc: Document, pack: Pack) -> None:
    """Each named threshold in words, its name (what a client pack sets) after it."""
    if pack.settings.parameters:
        doc.p("The article gives no numbers: each threshold below is this pack's reading of it, and"
              " an organisation's own pack may set it.", "small")
        doc.table(["Threshold", "Value", "Set in a pack as"],
                  [[parameter_words(k, pack), str(v), k] for k, v in pack.settings.parameters.items()],
                  widths=[0.62, 0.1, 0.28])


def _changes(doc: Document, pack: Pack, c: PackChanges) -> None:
    doc.h1(f"What this pack changes in {c.base}")
    rows = [["Rules switched off", ", ".join(c.disabled) or "none"],
            ["Rules changed", ", ".join(c.overridden) or (
                f"none rewritten; the thresholds below move {len(c.moved)}" if c.moved else "none")],
            ["Thresholds changed", "; ".join(c.thresholds) or "none"],
            ["Rules the thresholds move", ", ".join(c.moved) or "none"],
            ["Rules added", ", ".join(c.added) or "none"],
            ["Questions not asked", "; ".join(c.not_asked) or "none"],
            ["Reworded", "; ".join(c.reworded) or "none"]]
    doc.table([], rows, widths=[0.25, 0.75])
    rest = "as written there, with the thresholds above" if c.moved else "unchanged"
    doc.p(f"Rules marked {pack.label} below are this pack's own or changed by it; the rest are"
          f" {c.base}'s, {rest}.", "small")


def _group(doc: Document, group: IdGroup, first: dict[str, str], heading: str | None) -> None:
    """One ID's rules; a rule already shown in full is shown again in short."""
    rows = []
    for r in group.rules:
        if r.id in first:
            then = [t for t in r.then if f" {group.id} " in f" {t} "] or r.then
            rows.append([f"{r.id}\n{r.layer}", f"{r.summary}\n(conditions under {first[r.id]})",
                         "\n".join(then), _illustrated(r)])
        else:
            first[r.id] = group.id
            rows.append([f"{r.id}\n{r.layer}", _when(r), "\n".join(r.then), _illustrated(r)])

    def block(d: Document) -> None:
        if heading:
            d.h1(heading)  # kept with the first group: never stranded at a page foot
        d.h2(group.title if group.kind in ("outcomes", "other") else f"{group.id}  {group.title}")
        d.p(group.meaning, "small")
        d.table(["Rule", "When", "Then", "Illustrated by"], rows, widths=[0.22, 0.37, 0.23, 0.18])
    doc.keep(block)


def _when(rule) -> str:
    text = f"{rule.summary}\nApplies when {rule.when}."
    if rule.thresholds and " and ".join(rule.thresholds) != rule.when:  # not when it is all limits
        text += "\nThresholds: " + "; ".join(rule.thresholds) + "."
    return text


def _illustrated(rule) -> str:
    if not rule.scenarios:
        return "no scenario yet"
    more = len(rule.scenarios) - 3
    return "\n".join(f"• {s}" for s in rule.scenarios[:3]) + (f"\n+ {more} more" if more > 0 else "")


def _scenarios(doc: Document, pack: Pack) -> None:
    doc.h1("Scenarios")
    doc.p("Each scenario is a whole case with the outcome the pack must give it; `leadfit pack"
          " test` checks every one. A client pack's scenario with the same name as one of its"
          " base's replaces it.", "small")
    cat = pack.catalogue
    rows = [[s.name, cat.title(s.expect.outcome) if s.expect.outcome else "none (answers missing)",
             ", ".join(s.expect.includes) or "-", s.layer] for s in pack.scenarios]
    doc.table(["Scenario", "Expected outcome", "Must raise", "From"], rows,
              widths=[0.40, 0.22, 0.17, 0.21])
