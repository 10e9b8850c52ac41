"""The radar chart scales with its column: at 360 and 390 px (Japanese) and 1280 px
(English) every label lies inside the viewBox, the chart inside its column, and no text
is drawn under 12 px."""

import pytest
from django.conf import settings

from tests.assessments.report_helpers import detail_url, visitor_client
from tests.factories import CompletedAssessmentFactory

pytestmark = pytest.mark.usefixtures("live_guide")

FIT = """() => {
  const svg = document.querySelector('svg.radar');
  const box = svg.viewBox.baseVal;
  const scale = svg.getBoundingClientRect().width / box.width;
  const outside = [], small = [];
  for (const text of svg.querySelectorAll('text')) {
    const b = text.getBBox();
    if (b.x < box.x || b.y < box.y || b.x + b.width > box.x + box.width || b.y + b.height > box.y + box.height)
      outside.push(text.textContent);
    const size = parseFloat(getComputedStyle(text).fontSize) * scale;
    if (size < 11.95) small.push(`${text.textContent} ${size.toFixed(1)}px`);
  }
  const column = svg.parentElement.getBoundingClientRect();
  return {
    outside, small,
    inColumn: svg.getBoundingClientRect().right <= column.right + 1,
    pageFits: document.documentElement.scrollWidth <= window.innerWidth,
    labels: svg.querySelectorAll('text').length,
  };
}"""


@pytest.mark.parametrize(("locale", "width"), [("ja-JP", 360), ("ja-JP", 390), ("en-US", 1280)])
def test_the_radar_labels_stay_inside_at_every_width(live_server, browser, locale, width):
    assessment = CompletedAssessmentFactory()
    language = locale[:2]
    client = visitor_client(assessment, language=language)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context = browser.new_context(locale=locale, viewport={"width": width, "height": 900})
    host = live_server.url.split("//", 1)[1].split(":")[0]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "domain": host, "path": "/"}]
    )
    try:
        page = context.new_page()
        page.goto(live_server.url + detail_url(assessment))
        fit = page.evaluate(FIT)
        assert fit["labels"] >= 5 + 2  # the categories and the legend
        assert fit["outside"] == [] and fit["small"] == [], fit
        assert fit["inColumn"] and fit["pageFits"], fit
    finally:
        context.close()
