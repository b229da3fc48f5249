"""The longest allowed text in every free field renders fast: layout is linear in length.

    .venv/bin/python benchmarks/pdf_text.py [--start OTHER_CHECKOUT]

For each free field of a decision (justification, conditions, a sign-off statement
and dissent, the signer's name) a record with that field at its limit
(decisions/making.py LIMITS), in several kinds of text: words on one line, many
short lines, one unbroken token, CJK (drawn as codes), distinct CJK characters,
Hebrew (flagged right-to-left), ampersands (markup entities). Each is timed warm
(median of 3) and against **bare ReportLab rendering the same text in the same run**:
the text our PDF shows (read back with pypdf), page by page, as plain paragraphs in
the same font and page size. Target: each under 1 s, and the rationale within 1.3x
of bare ReportLab (issue 15).

``--start DIR`` also times the one-word record with the code checked out in DIR (its
own .venv), interleaved with ours in this run: before and after, both on the example case
written for the questionnaire both trees read (cases.case_file_for: an earlier tree does
not know a later version's questions). ``--rationale`` prints
only issue 15's line (the one-word record against bare ReportLab, interleaved, median of
7, wall and CPU time), as `make bench` does.
"""

from __future__ import annotations

import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
if "--one-word-ms" not in sys.argv:      # run by another checkout's venv: its own code
    sys.path.insert(0, str(ROOT))

from leadfit.decisions import service  # noqa: E402
try:
    from leadfit.reports.printing import render_pdf  # noqa: E402
except ImportError:                                   # the code before issue 10's split
    from leadfit.decisions.service import render_pdf  # type: ignore[no-redef]  # noqa: E402
from leadfit.decisions.making import LIMITS  # noqa: E402
from leadfit.decisions.register import open_register  # noqa: E402
from leadfit.forms.case import load_case_file  # noqa: E402
try:
    from leadfit.rules.model.library import default_pack  # noqa: E402
except ImportError:
    from leadfit.rules.library import default_pack  # type: ignore[no-redef]  # noqa: E402

KINDS = {
    "words on one line": lambda n: ("steady word " * n)[:n],
    "many short lines": lambda n: ("line of text\n" * n)[:n],
    "one unbroken token": lambda n: "x" * n,
    "CJK, one character": lambda n: "\u6f22" * n,
    "CJK, distinct characters": lambda n: "".join(chr(0x4E00 + i) for i in range(n)),
    "Hebrew": lambda n: ("\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd " * n)[:n],
    "ampersands": lambda n: "&" * n,
}


FIELDS = ("justification", "conditions", "statement", "dissent", "name")


def record(reg, pack, case, text=lambda n: "x", field=None):
    """A signed-off decision whose ``field`` holds ``text`` at its limit (others one word)."""
    value = {f: (text(LIMITS[f]) if f == field else "x") for f in FIELDS}
    # a dissent gives its reasons in two words or more (making.signoff): the worst text
    # follows two words, within the field's limit
    value["dissent"] = "not agreed " + value["dissent"][:LIMITS["dissent"] - 11]
    r = service.decide(reg, case, pack, decision="hire_external", again=True,
                       justification=value["justification"], conditions=value["conditions"])
    service.sign(reg, r.ref, name=value["name"].strip() or "A", role="decision_maker",
                 statement=value["statement"], dissent=value["dissent"])
    return r.ref


def _pdf(reg, ref) -> bytes:
    result = render_pdf(reg, ref)
    return result.pdf if hasattr(result, "pdf") else result[0]


def seconds(reg, ref) -> tuple[float, bytes]:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        pdf = _pdf(reg, ref)
        times.append(time.perf_counter() - start)
    return statistics.median(times), pdf


def _bare_builder(pdf: bytes):
    """Bare ReportLab: the text ``pdf`` shows, each page's lines as plain paragraphs of
    the same font, a page break where it had one: a function that builds it."""
    from pypdf import PdfReader
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate
    if "BareDejaVu" not in pdfmetrics.getRegisteredFontNames():
        fonts = ROOT / "assets" / "fonts"
        pdfmetrics.registerFont(TTFont("BareDejaVu", str(fonts / "DejaVuSans.ttf")))
    style = ParagraphStyle("bare", fontName="BareDejaVu", fontSize=9.5, leading=12.5)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]

    def build() -> None:
        story: list = []
        for page in pages:
            story += [Paragraph(escape(line), style) for line in page.splitlines()]
            story.append(PageBreak())
        SimpleDocTemplate(io.BytesIO(), pagesize=A4).build(story[:-1])
    return build


def bare_seconds(pdf: bytes) -> float:
    """Bare ReportLab drawing the text of ``pdf`` (see _bare_builder); median of 3, warm."""
    build = _bare_builder(pdf)
    build()
    times = []
    for _ in range(3):
        start = time.perf_counter()
        build()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def one_word_ms(reg, pack, case) -> float:
    ref = record(reg, pack, case)
    seconds(reg, ref)                # fonts loaded once, as in a running app
    return seconds(reg, ref)[0] * 1000


def start_code_ms(checkout: Path, case_path: Path) -> float:
    """The one-word record of ``case_path`` timed warm by the code in ``checkout`` (its own venv)."""
    out = subprocess.run([_python(checkout), __file__, "--one-word-ms", str(case_path)],
                         cwd=checkout, capture_output=True, text=True, check=False)
    if out.returncode:
        raise SystemExit(f"the one-word record failed under {checkout}:\n{out.stderr[-3000:]}")
    return float(out.stdout.split()[-1])


def _python(checkout: Path) -> str:
    return str(checkout / ".venv" / "bin" / "python")


def _start_dir() -> Path | None:
    return Path(sys.argv[sys.argv.index("--start") + 1]) if "--start" in sys.argv else None


def _case_path(folder: Path, start: Path | None) -> Path:
    """The example case; with ``start``, as a file of the questionnaire both trees read."""
    example = ROOT / "forms" / "examples" / "example-case.yaml"
    if "--one-word-ms" in sys.argv:           # the other tree: the file this run wrote for it
        return Path(sys.argv[sys.argv.index("--one-word-ms") + 1])
    if start is None:
        return example
    from cases import case_file_for, written_by
    return case_file_for(written_by(_python(start)), example, folder)


def _timed(build) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    build()
    return time.perf_counter() - wall, time.process_time() - cpu


def rationale_line(reg, pack, case, start: Path | None, case_path: Path, runs: int = 7) -> None:
    """Issue 15's figure: the rationale of a one-word record, warm, against bare ReportLab
    drawing the same text on the same pages, interleaved in this process (median of
    ``runs``); wall time and CPU time, as a loaded machine moves wall time the most."""
    ref = record(reg, pack, case)
    pdf = _pdf(reg, ref)                       # fonts and caches loaded, as in a running app
    bare = _bare_builder(pdf)
    bare()
    ours_t, bare_t = [], []
    for _ in range(runs):
        ours_t.append(_timed(lambda: _pdf(reg, ref)))
        bare_t.append(_timed(bare))
    ow, oc = (statistics.median(t[i] for t in ours_t) for i in (0, 1))
    bw, bc = (statistics.median(t[i] for t in bare_t) for i in (0, 1))
    line = (f"rationale PDF, warm: {ow * 1000:.0f} ms; bare ReportLab, same text and pages:"
            f" {bw * 1000:.0f} ms -> {ow / bw:.2f}x (CPU {oc * 1000:.0f} / {bc * 1000:.0f} ms ="
            f" {oc / bc:.2f}x; target 1.3x)")
    if start is not None:
        theirs = statistics.median(start_code_ms(start, case_path) for _ in range(3))
        line += f"; before ({start.name}) {theirs:.0f} ms = {theirs / (bw * 1000):.2f}x"
    print(line, flush=True)


def main() -> None:
    folder = tempfile.mkdtemp()
    os.environ["LEADFIT_DATA_DIR"] = folder
    pack = default_pack()
    start = _start_dir()
    case_path = _case_path(Path(folder), start)
    case = load_case_file(case_path, pack.questionnaire)
    with open_register(Path(folder) / "bench.sqlite3") as reg:
        if "--one-word-ms" in sys.argv:
            print(f"{one_word_ms(reg, pack, case):.1f}")
            return
        if "--rationale" in sys.argv:
            rationale_line(reg, pack, case, start, case_path)
            return
        if start is not None:
            checkout = start
            ours, theirs = [], []
            for _ in range(5):                     # interleaved: the same machine load
                ours.append(one_word_ms(reg, pack, case))
                theirs.append(start_code_ms(checkout, case_path))
            o, t = statistics.median(ours), statistics.median(theirs)
            print(f"one-word record, warm, median of 5 interleaved: this code {o:.0f} ms,"
                  f" {checkout.name} {t:.0f} ms ({o / t:.2f}x)")
        base_ref = record(reg, pack, case)
        seconds(reg, base_ref)
        base, pdf = seconds(reg, base_ref)
        bare = bare_seconds(pdf)
        print(f"one-word fields: {base * 1000:.0f} ms; bare ReportLab, same text and pages:"
              f" {bare * 1000:.0f} ms ({base / bare:.2f}x, target 1.3x)")
        print("each cell: ours ms / ratio to bare ReportLab of the same text")
        print(f"{'field at its limit':<30}" + "".join(f"{k[:13]:>16}" for k in KINDS))
        worst = 0.0
        for field in FIELDS:
            cells = []
            for text in KINDS.values():
                took, pdf = seconds(reg, record(reg, pack, case, text, field))
                worst = max(worst, took)
                cells.append(f"{took * 1000:6.0f} {took / bare_seconds(pdf):5.2f}x")
            print(f"{field + f' ({LIMITS[field]:,})':<30}" + "".join(f"{c:>16}" for c in cells))
        print(f"slowest: {worst * 1000:.0f} ms (target under 1 s)")


if __name__ == "__main__":
    main()
