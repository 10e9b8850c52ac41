"""Table structure a screen reader relies on: one tbody per group of rows under a
rowgroup header (HTML_CodeSniffer H43), colgroups for colgroup headers, and regions whose
names differ from their section's (axe landmark-unique)."""

import pytest
from django.conf import settings

from tests.assessments.report_helpers import detail_url, visitor_client
from tests.factories import CompletedAssessmentFactory

pytestmark = pytest.mark.usefixtures("live_guide")

GROUPS = """() => [...document.querySelectorAll('table')]
  .filter(t => t.querySelector('th[scope=rowgroup]'))
  .map(t => ({
    bodies: t.tBodies.length,
    groups: t.querySelectorAll('th[scope=rowgroup]').length,
    eachFirst: [...t.tBodies].every(b =>
      b.querySelectorAll('th[scope=rowgroup]').length === 1 &&
      b.rows[0].querySelector('th[scope=rowgroup]') !== null),
  }))"""

LANDMARK_NAMES = """() => {
  const named = [...document.querySelectorAll('section[aria-labelledby], [role=region]')];
  return named.map(el => {
    const ids = (el.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean);
    const name = el.getAttribute('aria-label') ||
      ids.map(id => document.getElementById(id)?.textContent.trim()).join(' ');
    return name.replace(/\\s+/g, ' ');
  });
}"""


@pytest.fixture
def report_path_and_cookie():
    assessment = CompletedAssessmentFactory()
    client = visitor_client(assessment)
    return detail_url(assessment), client.cookies[settings.SESSION_COOKIE_NAME].value


def test_rowgroups_and_region_names_on_the_report_and_the_career_ladder(
    live_server, browser, report_path_and_cookie
):
    path, cookie = report_path_and_cookie
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    host = live_server.url.split("//", 1)[1].split(":")[0]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "domain": host, "path": "/"}]
    )
    try:
        page = context.new_page()
        for url in (live_server.url + path, live_server.url + "/career-ladder/"):
            page.goto(url)
            tables = page.evaluate(GROUPS)
            assert tables, url
            for table in tables:
                assert table["bodies"] == table["groups"] and table["eachFirst"], (url, table)
            names = page.evaluate(LANDMARK_NAMES)
            duplicates = {name for name in names if names.count(name) > 1}
            assert not duplicates, (url, duplicates)
    finally:
        context.close()
