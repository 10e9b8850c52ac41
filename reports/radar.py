"""A radar chart of self vs target, drawn as SVG on the server (no JavaScript, PDF-safe)."""

import math
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe

# A compact drawing that scales with its column: at a 336 px column (a 360 px phone) its
# 18-unit text is still 12 px, and every label is kept inside the viewBox by its width.
WIDTH = 500
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


def _cjk(text):
    return any(ord(ch) > 0x2E7F for ch in text)


def _pieces(word, width):
    """A CJK word in pieces no wider than `width`: cut after a separator (・、/) where
    there is one, else into equal parts, so no line holds a lone character."""
    pieces, piece = [], ""
    for ch in word:
        piece += ch
        if ch in "・、/／":
            pieces.append(piece)
            piece = ""
    pieces = [*pieces, piece] if piece else pieces
    out = []
    for piece in pieces:
        parts = math.ceil(_ems(piece) / width)
        size = math.ceil(len(piece) / parts)
        out.extend(piece[i : i + size] for i in range(0, len(piece), size))
    return out


def _lines(text, width=LINE_EMS):
    """Break a label into lines of at most `width` ems: at spaces, or in CJK text (which has
    no spaces to break at) after a separator or into equal parts."""
    lines, line = [], ""
    for word in text.split(" "):
        candidate = f"{line} {word}".strip()
        if _ems(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        if not _cjk(word):
            line = word  # a Latin word is never cut
            continue
        for piece in _pieces(word, width):
            if line and _ems(line + piece) > width:
                lines.append(line)
                line = ""
            line += piece
    return [*lines, line] if line else lines


def _label(index, count, text):
    """The label's <text>, and the top and bottom of the room it takes."""
    x, y = _point(index, count, LEVELS + 0.5)
    anchor = "middle" if abs(x - CX) < 20 else ("start" if x > CX else "end")
    lines = _lines(text)
    width = max(_ems(line) for line in lines) * FONT
    # Kept inside the viewBox: moved in from an edge it would cross.
    left = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
    x += max(0, MARGIN - left) - max(0, left + width - (WIDTH - MARGIN))
    if y < CY:  # labels above the centre grow upwards
        y -= (len(lines) - 1) * LINE
    spans = "".join(
        f'<tspan x="{x:.1f}" dy="{0 if number == 0 else LINE}">{escape(line)}</tspan>'
        for number, line in enumerate(lines)
    )
    position = f'x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"'
    top, bottom = y - FONT, y + (len(lines) - 1) * LINE + FONT * 0.3
    return f"<text {position} {STYLE['text']}>{spans}</text>", top, bottom


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
    labels = [_label(i, count, axis.label) for i, axis in enumerate(axes)]
    # The drawing is as tall as what is in it: from the highest label to the legend, which
    # sits under the lowest label (two lines, so a long stage name still fits).
    top = min(min(label[1] for label in labels), CY - RADIUS) - MARGIN
    legend_y = max(max(label[2] for label in labels), CY + RADIUS) + 28
    height = legend_y + 23 + 8 - top
    svg = (
        f'<svg class="radar" viewBox="0 {top:.0f} {WIDTH} {height:.0f}" '
        f'role="img" aria-labelledby="radar-title" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="radar-title">{escape(title)}</title>'
        f"{rings}{spokes}"
        f'<polygon {STYLE["target"]} points="{_polygon(axes, "target")}"/>'
        f'<polygon {STYLE["self"]} points="{_polygon(axes, "value")}"/>'
        f"{''.join(label[0] for label in labels)}"
        f'<rect x="8" y="{legend_y - 12:.0f}" width="13" height="13" {STYLE["self"]}/>'
        f'<text x="28" y="{legend_y:.0f}" {STYLE["text"]}>{escape(self_label)}</text>'
        f'<rect x="8" y="{legend_y + 11:.0f}" width="13" height="13" {STYLE["target"]}/>'
        f'<text x="28" y="{legend_y + 23:.0f}" {STYLE["text"]}>{escape(target_label)}</text>'
        "</svg>"
    )
    return mark_safe(svg)  # noqa: S308 — every text above is escaped
