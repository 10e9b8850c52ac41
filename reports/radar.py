"""A radar chart of self vs target, drawn as SVG on the server (no JavaScript, PDF-safe)."""

import math
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe

WIDTH, HEIGHT = 600, 470
CX, CY = WIDTH / 2, 205
RADIUS = 150
LEVELS = 4
# Presentation attributes rather than CSS classes: WeasyPrint draws the same SVG in PDFs.
STYLE = {
    "ring": 'fill="none" stroke="#c8ced6" stroke-width="1"',
    "spoke": 'stroke="#c8ced6" stroke-width="1"',
    "self": 'fill="#0b5394" fill-opacity="0.35" stroke="#0b5394" stroke-width="2"',
    "target": 'fill="none" stroke="#b45309" stroke-width="2" stroke-dasharray="6 4"',
    "text": 'fill="#212529" font-size="15"',
}


@dataclass(frozen=True)
class Axis:
    label: str
    value: float  # self, 0-4
    target: float  # target, 0-4


def _point(index, count, value):
    angle = -math.pi / 2 + 2 * math.pi * index / count
    distance = RADIUS * value / LEVELS
    return CX + distance * math.cos(angle), CY + distance * math.sin(angle)


def _polygon(axes, attribute):
    points = " ".join(
        f"{x:.1f},{y:.1f}"
        for x, y in (_point(i, len(axes), getattr(axis, attribute)) for i, axis in enumerate(axes))
    )
    return points


def _lines(text, width=16):
    """Break a long label at spaces so it stays inside the chart (CJK labels are short)."""
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


def _label(index, count, text):
    x, y = _point(index, count, LEVELS + 0.55)
    anchor = "middle" if abs(x - CX) < 20 else ("start" if x > CX else "end")
    lines = _lines(text)
    if y < CY:  # labels above the centre grow upwards
        y -= (len(lines) - 1) * 16
    spans = "".join(
        f'<tspan x="{x:.1f}" dy="{0 if number == 0 else 16}">{escape(line)}</tspan>'
        for number, line in enumerate(lines)
    )
    position = f'x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"'
    return f"<text {position} {STYLE['text']}>{spans}</text>"


def radar_svg(axes, *, title, self_label, target_label):
    """Return an accessible inline <svg> comparing self and target on each axis."""
    if len(axes) < 3:
        return ""
    count = len(axes)
    rings = "".join(
        f'<polygon {STYLE["ring"]} points="{_polygon([Axis("", level, 0)] * count, "value")}"/>'
        for level in range(1, LEVELS + 1)
    )
    spokes = "".join(
        f'<line {STYLE["spoke"]} x1="{CX}" y1="{CY}" x2="{x:.1f}" y2="{y:.1f}"/>'
        for x, y in (_point(i, count, LEVELS) for i in range(count))
    )
    labels = "".join(_label(i, count, axis.label) for i, axis in enumerate(axes))
    legend_y = HEIGHT - 34  # two legend lines, so a long stage name still fits
    svg = (
        f'<svg class="radar" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'role="img" aria-labelledby="radar-title" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="radar-title">{escape(title)}</title>'
        f"{rings}{spokes}"
        f'<polygon {STYLE["target"]} points="{_polygon(axes, "target")}"/>'
        f'<polygon {STYLE["self"]} points="{_polygon(axes, "value")}"/>'
        f"{labels}"
        f'<rect x="20" y="{legend_y - 10}" width="12" height="12" {STYLE["self"]}/>'
        f'<text x="38" y="{legend_y}" {STYLE["text"]}>{escape(self_label)}</text>'
        f'<rect x="20" y="{legend_y + 12}" width="12" height="12" {STYLE["target"]}/>'
        f'<text x="38" y="{legend_y + 22}" {STYLE["text"]}>{escape(target_label)}</text>'
        "</svg>"
    )
    return mark_safe(svg)  # noqa: S308 — every text above is escaped
