"""A radar chart of self vs target, drawn as SVG on the server (no JavaScript, PDF-safe)."""

import math
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe

# A compact drawing that scales with its column: at a 336 px column (a 360 px phone) its
# 18-unit text is still 12 px, and every label is kept inside the viewBox by its width.
WIDTH, HEIGHT = 500, 430
CX, CY = WIDTH / 2, 190
RADIUS = 95
LEVELS = 4
FONT = 18
LINE = 20  # between a label's lines
MARGIN = 4  # between a label and the viewBox's edge
LINE_EMS = 7.5  # the widest a label's line may be, in ems (a longer Latin word keeps whole)
# Presentation attributes rather than CSS classes: WeasyPrint draws the same SVG in PDFs.
STYLE = {
    "ring": 'fill="none" stroke="#c8ced6" stroke-width="1"',
    "spoke": 'stroke="#c8ced6" stroke-width="1"',
    "self": 'fill="#0b5394" fill-opacity="0.35" stroke="#0b5394" stroke-width="2"',
    "target": 'fill="none" stroke="#b45309" stroke-width="2" stroke-dasharray="6 4"',
    "text": f'fill="#212529" font-size="{FONT}"',
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


def _ems(text):
    """About how wide `text` is, in ems: a CJK character is one, a Latin one about half."""
    return sum(1.0 if ord(ch) > 0x2E7F else 0.56 for ch in text)


def _lines(text, width=LINE_EMS):
    """Break a label into lines of at most `width` ems: at spaces, or anywhere in CJK text
    (which has no spaces to break at)."""
    lines, line = [], ""
    for word in text.split(" "):
        candidate = f"{line} {word}".strip()
        if _ems(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        if not any(ord(ch) > 0x2E7F for ch in word):
            line = word  # a Latin word is never cut
            continue
        for ch in word:  # CJK has no spaces: it breaks between characters
            if line and _ems(line + ch) > width:
                lines.append(line)
                line = ""
            line += ch
    return [*lines, line] if line else lines


def _label(index, count, text):
    x, y = _point(index, count, LEVELS + 0.5)
    anchor = "middle" if abs(x - CX) < 20 else ("start" if x > CX else "end")
    lines = _lines(text)
    width = max(_ems(line) for line in lines) * FONT
    # Kept inside the viewBox: moved in from an edge it would cross.
    left = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
    x += max(0, MARGIN - left) - max(0, left + width - (WIDTH - MARGIN))
    if y < CY:  # labels above the centre grow upwards
        y -= (len(lines) - 1) * LINE
    y = max(y, FONT + MARGIN)
    spans = "".join(
        f'<tspan x="{x:.1f}" dy="{0 if number == 0 else LINE}">{escape(line)}</tspan>'
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
    legend_y = HEIGHT - 32  # two legend lines, so a long stage name still fits
    svg = (
        f'<svg class="radar" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="radar-title" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="radar-title">{escape(title)}</title>'
        f"{rings}{spokes}"
        f'<polygon {STYLE["target"]} points="{_polygon(axes, "target")}"/>'
        f'<polygon {STYLE["self"]} points="{_polygon(axes, "value")}"/>'
        f"{labels}"
        f'<rect x="8" y="{legend_y - 12}" width="13" height="13" {STYLE["self"]}/>'
        f'<text x="28" y="{legend_y}" {STYLE["text"]}>{escape(self_label)}</text>'
        f'<rect x="8" y="{legend_y + 11}" width="13" height="13" {STYLE["target"]}/>'
        f'<text x="28" y="{legend_y + 23}" {STYLE["text"]}>{escape(target_label)}</text>'
        "</svg>"
    )
    return mark_safe(svg)  # noqa: S308 — every text above is escaped
