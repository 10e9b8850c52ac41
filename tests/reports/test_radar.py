"""The radar's drawing: labels broken where a reader would break them, and a viewBox as
tall as what is drawn (no empty band above the chart or between it and its legend)."""

import re

from reports.radar import CY, FONT, RADIUS, Axis, _lines, radar_svg


def test_a_japanese_label_breaks_after_its_separator_never_leaving_one_character():
    assert _lines("ツール・サービス") == ["ツール・", "サービス"]
    assert _lines("ハードスキル") == ["ハードスキル"]
    for label in ("プロダクトマネジメントとデザイン", "セキュリティとコンプライアンス対応"):
        lines = _lines(label)
        assert "".join(lines) == label
        assert min(len(line) for line in lines) >= 2, lines


def test_an_english_label_breaks_at_spaces_and_keeps_words_whole():
    assert _lines("Collaboration with other functions") == [
        "Collaboration",
        "with other",
        "functions",
    ]


def _drawing(labels):
    axes = [Axis(label, 2, 3) for label in labels]
    return radar_svg(axes, title="t", self_label="You", target_label="Target: CTO")


def test_the_drawing_is_as_tall_as_what_is_in_it():
    svg = _drawing(["Hard skills", "Soft skills", "Tools and services", "Core", "Collab"])
    top, height = (float(v) for v in re.search(r'viewBox="0 (\S+) 500 (\S+)"', svg).groups())
    first_label_y = min(float(y) for y in re.findall(r'<text x="[\d.]+" y="([\d.]+)"', svg))
    # The highest label's top is a few units under the viewBox's top, not a band away.
    assert 0 <= (first_label_y - FONT) - top <= 10
    legend = max(float(y) for y in re.findall(r'<text x="28" y="(\d+)"', svg))
    # The legend follows the chart closely and ends the drawing.
    assert legend - (CY + RADIUS) <= 90
    assert top + height - legend <= 10


def test_fewer_than_three_axes_draw_nothing():
    assert _drawing(["a", "b"]) == ""
