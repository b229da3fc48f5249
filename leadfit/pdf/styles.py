"""Styles as data: leadfit/pdf/styles.yaml (or another file) -> ReportLab objects."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.lib import colors, pagesizes
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.ttfonts import TTFont

from leadfit.errors import PackError, Problem
from leadfit.pdf import fonts
from leadfit.yamlsafe import load_file

DEFAULT_STYLES = Path(__file__).with_name("styles.yaml")


@dataclass(frozen=True)
class Styles:
    page_size: tuple[float, float]
    margin: float
    footer_space: float
    colours: dict[str, colors.Color]
    paragraphs: dict[str, ParagraphStyle]
    fonts: dict[str, TTFont]          # key (body, bold) -> registered font
    footer: dict
    table: dict
    chart: dict
    watermark: dict = None  # type: ignore[assignment]  # size, colour, opacity, angle

    def colour(self, key: str) -> colors.Color:
        return self.colours[key]


@lru_cache(maxsize=8)
def load_styles(path: Path | None = None) -> Styles:
    """Read a style file; every font named in it is registered and embedded."""
    path = Path(path) if path else DEFAULT_STYLES
    data = load_file(path, cached=True).data  # parsed once per file text (yamlcache.py)
    try:
        return _build(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise PackError([Problem(f"style file is not usable: {exc!r}", str(path))]) from None


def _build(data: dict) -> Styles:
    font_map = {key: fonts.register(spec["name"], spec["file"]) for key, spec in data["fonts"].items()}
    colours = {key: colors.HexColor(value) for key, value in data["colours"].items()}
    paragraphs: dict[str, ParagraphStyle] = {}
    specs = data["paragraphs"]
    for name in specs:
        _paragraph(name, specs, paragraphs, font_map, colours)
    page = data["page"]
    footer = dict(data["footer"])
    footer["font"] = font_map[footer["font"]].fontName
    footer["colour"] = colours[footer["colour"]]
    return Styles(
        page_size=getattr(pagesizes, str(page["size"]).upper()),
        margin=float(page["margin_mm"]) * mm,
        footer_space=float(page["footer_mm"]) * mm,
        colours=colours, paragraphs=paragraphs, fonts=font_map, footer=footer,
        table=dict(data["table"]), chart=dict(data["chart"]),
        watermark={**_WATERMARK, **dict(data.get("watermark") or {})})


# Older style files have no watermark section: these keep them usable.
_WATERMARK = {"size": 54, "colour": "warn", "opacity": 0.13, "angle": 35}


def _paragraph(name, specs, done, font_map, colours) -> ParagraphStyle:
    if name in done:
        return done[name]
    spec = dict(specs[name])
    parent = _paragraph(spec.pop("parent"), specs, done, font_map, colours) if "parent" in spec else None
    kwargs = {}
    if "font" in spec:  # bullets too, or ReportLab references Helvetica on every page
        kwargs["fontName"] = kwargs["bulletFontName"] = font_map[spec["font"]].fontName
    for key, attr in (("size", "fontSize"), ("leading", "leading"), ("space_before", "spaceBefore"),
                      ("space_after", "spaceAfter")):
        if key in spec:
            kwargs[attr] = float(spec[key])
    if "colour" in spec:
        kwargs["textColor"] = colours[spec["colour"]]
    style = ParagraphStyle(name, parent=parent, **kwargs)
    done[name] = style
    return style
