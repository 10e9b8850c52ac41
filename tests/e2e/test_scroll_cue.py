"""A table wider than a phone scrolls inside its region, and the region shows it: a shadow
on the side where more is hidden, none on a side that is at its end."""

import io
import statistics

import pytest
from django.conf import settings
from PIL import Image

from tests.assessments.report_helpers import detail_url, visitor_client
from tests.factories import CompletedAssessmentFactory

pytestmark = pytest.mark.usefixtures("live_guide")


def _edges(region):
    """The darkness (0 white .. 255 black) of the region's left and right edge: the median
    down its height (rows with a shade of their own, a category's, cover the edge)."""
    image = Image.open(io.BytesIO(region.screenshot())).convert("L")
    width, height = image.size

    def darkness(x):
        return 255 - statistics.median(image.getpixel((x, y)) for y in range(height))

    return darkness(1), darkness(width - 2)


def test_the_report_tables_show_where_they_scroll_on_a_phone(live_server, browser):
    assessment = CompletedAssessmentFactory()
    client = visitor_client(assessment, language="ja")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context = browser.new_context(locale="ja-JP", viewport={"width": 390, "height": 900})
    host = live_server.url.split("//", 1)[1].split(":")[0]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "domain": host, "path": "/"}]
    )
    try:
        page = context.new_page()
        page.goto(live_server.url + detail_url(assessment))
        region = page.locator(".table-responsive").filter(has=page.locator("table")).last
        region.scroll_into_view_if_needed()
        assert region.evaluate("r => r.scrollWidth > r.clientWidth + 20")  # it does scroll
        left, right = _edges(region)
        assert right > 20 and left < 8, (left, right)  # more to the right only
        region.evaluate("r => { r.scrollLeft = r.scrollWidth; }")
        left, right = _edges(region)
        assert left > 20 and right < 8, (left, right)  # at its end: more to the left only
    finally:
        context.close()
