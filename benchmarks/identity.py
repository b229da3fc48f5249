"""No assessment changes: the same generated cases give byte-identical JSON here and under
another LeadFit (a venv of an earlier commit), for every bundled and archived pack.

For each pack it generates ``--cases`` answer sets (seeded per pack, partly near the pack's
scenarios, some with answers left blank and some answered "Not known"), evaluates each
(``evaluate``, the assessment a person sees and a record keeps) and, for the first
``--explained`` of them, the explained assessment ("what would change it",
``evaluate_explained``). It hashes every JSON text with SHA-256, pack by pack, and prints the
digests. With ``--before PYTHON`` it runs this same file under that Python (its own LeadFit,
this file's case generator) and compares: any pack whose digest differs is named, and the
first differing case is shown, and the exit status is 1.

    .venv/bin/python benchmarks/identity.py [--cases 1500] [--explained 40] [--before /tmp/old/.venv/bin/python]
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import random
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cases import generate

UNKNOWN_RATE = 0.1  # the share of cases with one to three answers "Not known"


def _modules():
    """LeadFit's modules by name, in whichever LeadFit this Python imports."""
    names = {"assess": "runtime.assess", "explain": "runtime.explain", "library": "model.library"}
    return {k: importlib.import_module(f"leadfit.rules.{v}") for k, v in names.items()}


def packs(library) -> list:
    found = [library.bundled_pack(n) for n in library.bundled_pack_names()]
    return found + [library.load_pack(f) for f in library.archived_pack_folders()]


def answer_sets(pack, count: int) -> list[dict]:
    """The pack's cases: the benchmark generator's, some with answers "Not known"."""
    from leadfit.forms.questionnaire import NOT_KNOWN
    seed = int(hashlib.sha256(pack.label.encode()).hexdigest()[:8], 16)
    rng = random.Random(seed)
    unknowable = [q.id for q in pack.questionnaire.asked if getattr(q, "may_be_unknown", False)]
    out = []
    for answers in generate(pack.questionnaire, count, seed, blank_rate=0.01, pack=pack):
        if unknowable and rng.random() < UNKNOWN_RATE:
            for qid in rng.sample(unknowable, min(len(unknowable), rng.randint(1, 3))):
                answers[qid] = NOT_KNOWN
        out.append(answers)
    return out


def digests(count: int, explained: int) -> dict[str, dict]:
    """Pack label -> {evaluated, explained, refused, errors, sha256, cases: [sha256 per case]}."""
    from leadfit.errors import LeadFitError
    from leadfit.forms.case import build_case
    m = _modules()
    out = {}
    for pack in packs(m["library"]):
        whole = hashlib.sha256()
        per_case, refused, done, errors = [], 0, 0, 0
        for i, answers in enumerate(answer_sets(pack, count)):
            try:
                case = build_case(answers, pack.questionnaire)
            except LeadFitError:
                refused += 1
                per_case.append("refused")
                continue
            try:  # an error is an answer too: both trees must give the same one
                text = m["assess"].evaluate(case, pack).to_json()
                if i < explained:
                    text += "\n" + m["explain"].evaluate_explained(case, pack).to_json()
                    done += 1
            except LeadFitError as exc:
                text = f"{type(exc).__name__}: {exc}"
                errors += 1
            data = text.encode()
            whole.update(data + b"\n")
            per_case.append(hashlib.sha256(data).hexdigest())
        out[pack.label + " " + pack.fingerprint[:12]] = {
            "evaluated": count - refused, "explained": done, "refused": refused, "errors": errors,
            "sha256": whole.hexdigest(), "cases": per_case}
    return out


def run_under(python: str, count: int, explained: int) -> dict:
    done = subprocess.run([python, str(Path(__file__).resolve()), "--emit", "--cases", str(count),
                           "--explained", str(explained)], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{python} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


def case_text(label: str, count: int, index: int) -> str:
    """The differing case's answers, to rerun by hand."""
    m = _modules()
    pack = next(p for p in packs(m["library"]) if p.label + " " + p.fingerprint[:12] == label)
    return repr(answer_sets(pack, count)[index])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1500)
    parser.add_argument("--explained", type=int, default=40,
                        help="how many of each pack's cases are also explained (slow: ~0.1 s each)")
    parser.add_argument("--before", help="the Python of another LeadFit venv to compare with")
    parser.add_argument("--emit", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.emit:
        json.dump(digests(args.cases, args.explained), sys.stdout)
        return
    start = time.perf_counter()
    ours = run_under(sys.executable, args.cases, args.explained)
    theirs = run_under(args.before, args.cases, args.explained) if args.before else None
    differing = 0
    for label, mine in ours.items():
        line = (f"{label:<36} {mine['evaluated']:>5} evaluated, {mine['explained']:>3} explained,"
                f" {mine['refused']:>3} refused, {mine['errors']} errors: sha256 {mine['sha256'][:16]}")
        if theirs is not None:
            other = theirs.get(label)
            if other is None:
                line += "  (no such pack before)"
            elif other["sha256"] == mine["sha256"]:
                line += "  identical"
            else:
                differing += 1
                changed = [i for i, (a, b) in enumerate(zip(mine["cases"], other["cases"])) if a != b]
                line += (f"  DIFFERS in {len(changed)} cases (first at case {changed[0]}:"
                         f" {case_text(label, args.cases, changed[0])})")
        print(line)
    if theirs is not None:
        print(f"{len(ours) - differing} of {len(ours)} packs identical to {args.before}"
              f" ({time.perf_counter() - start:.0f} s)")
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
