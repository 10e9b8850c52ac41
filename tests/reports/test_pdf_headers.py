"""The PDF's table headers keep their words whole: no header cell breaks over two lines
(it did in Japanese, あな/た and ギャッ/プ, where any two characters may part)."""

import pytest

from assessments.access import Access, Audience
from cto_assess.pdf import laid_out
from reports.files import report_pdf_html
from reports.viewing import viewing_of
from tests.assessments.report_helpers import client_in
from tests.calibration.check_helpers import answer_all, factory_bank, start
from tests.colleagues.helpers import invite, open_round, rate
from tests.factories import CompletedAssessmentFactory

pytestmark = pytest.mark.usefixtures("guide")


def boxes(box, inside=()):
    """(box, its ancestors' tags) for `box` and every box in it."""
    yield box, inside
    for child in getattr(box, "children", ()):
        yield from boxes(child, (*inside, box.element_tag))


def text_of(box):
    return "".join(getattr(b, "text", "") for b, _ in boxes(box))


def header_cells(document):
    """(header text, lines it takes) for every header cell (thead th) on every page."""
    found = []
    for page in document.pages:
        for box, inside in boxes(page._page_box):
            if (
                box.element_tag == "th"
                and "thead" in inside
                and type(box).__name__ == "TableCellBox"
            ):
                lines = [child for child in box.children if type(child).__name__ == "LineBox"]
                found.append((text_of(box).strip(), len(lines)))
    return found


@pytest.fixture
def rich_report(member):
    """A retake with a knowledge check and a colleagues' view of four groups: the widest
    tables the PDF draws."""
    factory_bank()
    CompletedAssessmentFactory(owner=member, default=1)
    assessment = CompletedAssessmentFactory(owner=member, default=2)
    owner = client_in("en")
    owner.force_login(member)
    start(owner, assessment)
    answer_all(owner, assessment, right=True)
    round_ = open_round(assessment)
    for relationship in ["manager", *["peer", "direct_report", "other"] * 3]:
        response = rate(invite(owner, assessment, relationship), round_, level=3, consent=True)
        assert response.status_code == 302
    return assessment


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_header_cell_of_the_report_pdf_is_one_line(rich_report, language):
    viewing = viewing_of(Access(rich_report, Audience.OWNER), language=language)
    document = laid_out(report_pdf_html(viewing.build(), show_notes=True))
    headers = header_cells(document)
    texts = {text for text, _ in headers}
    you = {"ja": "あなた", "en": "You"}[language]
    gap = {"ja": "ギャップ", "en": "Gap"}[language]
    assert {you, gap} <= texts
    assert any(
        text.startswith({"ja": "回答者全体", "en": "All colleagues"}[language]) for text in texts
    )
    assert [(text, lines) for text, lines in headers if lines != 1] == []
