"""Regenerate the window's 'not known' screenshots in docs/, drawn offscreen:
holds, depends, and what would change it, at 1024x700 and at scale 1.5.

    .venv/bin/python docs/screenshots_unknowns.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshot import fill, open_window, picture, run  # noqa: E402 (fill: benchmarks/unknowns.py)

STATES = {  # file stem -> (changes to the ready candidate, question shown)
    "unknowns-holds": ({"candidate.rivals": "not known"}, "candidate.rivals"),
    "unknowns-depends": ({"candidate.holds_line": "not known",
                          "candidate.former_role_share": "not known",
                          "candidate.reduce_former_role": False,
                          "candidate.blamed_digital": "not known"}, "candidate.former_role_share"),
    "unknowns-changes": ({"org.formal_role": False, "candidate.digital_years": 2}, "org.formal_role"),
}


def shoot(tag: str) -> None:
    from leadfit.rules.model.library import resolve_pack
    ready = {s.name: s for s in resolve_pack(None).scenarios}["ready candidate is appointed"].answers
    with tempfile.TemporaryDirectory() as tmp:
        for stem, (changes, question) in STATES.items():
            app, window = open_window(Path(tmp) / stem)
            fill(window, {**ready, **changes})
            app.processEvents()
            window.reveal(question)
            app.processEvents()
            window.controller.refresh()
            window.background.wait()
            app.processEvents()
            if stem == "unknowns-changes":  # the panel scrolls: show its other outcomes
                window.panel.parentWidget().parentWidget().ensureWidgetVisible(window.panel.alternatives)
                app.processEvents()
            out = picture(stem, tag)
            window.grab().save(str(out))
            print(f"wrote {out}")
            window.controller.new_case()
            window.close()


if __name__ == "__main__":
    run(__file__, shoot, "docs/unknowns-*.png")
