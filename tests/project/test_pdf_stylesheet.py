"""The PDFs' styles come from one stylesheet (static/css/pdf.css, after shared.css, which
the pages share), and no rule is written twice across the app's stylesheets."""

from collections import Counter
from pathlib import Path

import pytest
import tinycss2
from django.conf import settings

from cto_assess.pdf import STYLESHEETS, laid_out

STATIC = Path(settings.STATICFILES_DIRS[0])
TEMPLATES = Path(settings.BASE_DIR) / "templates"
PDF_TEMPLATES = ("assessments/report_pdf.html", "organisations/summary_pdf.html")
POINT = 4 / 3  # CSS px per pt


@pytest.mark.parametrize("template", PDF_TEMPLATES)
def test_the_pdf_templates_hold_no_styles_of_their_own(template):
    source = (TEMPLATES / template).read_text(encoding="utf-8")
    assert "<style" not in source and "style=" not in source
    assert 'class="pdf-' in source, "the <html> names its document for the stylesheet"


def declarations(path):
    """(selector, property, value) of every declaration in a stylesheet, at-rules included
    under their prelude (an @page's margin boxes under theirs)."""

    def walk(rules, scope):
        for rule in rules:
            if rule.type not in ("qualified-rule", "at-rule") or rule.content is None:
                continue
            prelude = " ".join(tinycss2.serialize(rule.prelude).split())
            name = f"{scope}@{rule.at_keyword} {prelude}" if rule.type == "at-rule" else prelude
            for selector in name.split(",") if rule.type == "qualified-rule" else [name]:
                where = f"{scope}{selector.strip()}" if rule.type == "qualified-rule" else name
                for item in tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True):
                    if item.type == "declaration":
                        value = " ".join(tinycss2.serialize(item.value).split())
                        yield where, item.lower_name, value
                    elif item.type == "at-rule":
                        yield from walk([item], f"{where} ")

    rules = tinycss2.parse_stylesheet(path.read_text(encoding="utf-8"), skip_whitespace=True)
    return list(walk(rules, ""))


def test_no_rule_is_written_twice_in_the_pages_and_the_pdfs_stylesheets():
    sheets = {STATIC / "css" / "site.css", *(STATIC / name for name in STYLESHEETS)}
    written = Counter(d for sheet in sheets for d in declarations(sheet))
    assert len(written) > 100, "the stylesheets were read"
    assert [d for d, times in written.items() if times > 1] == []


def first_box(document, tag):
    def walk(box):
        if getattr(box, "element_tag", None) == tag:
            return box
        for child in getattr(box, "children", ()):
            if (found := walk(child)) is not None:
                return found
        return None

    return walk(document.pages[0]._page_box)


def footer(document):
    page = document.pages[0]._page_box
    return [box.at_keyword for box in page.children if getattr(box, "at_keyword", None)]


def test_both_pdfs_draw_in_the_one_stylesheet():
    report = laid_out('<html class="pdf-report"><body><h1>Report</h1></body></html>')
    team = laid_out('<html class="pdf-team"><body><h1>Team</h1></body></html>')
    assert round(first_box(report, "h1").style["font_size"] / POINT, 1) == 17
    assert round(first_box(team, "h1").style["font_size"] / POINT, 1) == 16
    for document in (report, team):
        width, height = document.pages[0].width, document.pages[0].height
        assert (round(width / POINT), round(height / POINT)) == (595, 842)  # A4
    # The report's pages count themselves at their foot; the team summary's do not.
    assert {"@bottom-left", "@bottom-right"} <= set(footer(report))
    assert footer(team) == []
