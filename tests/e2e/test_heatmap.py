"""The organisation's heatmap in a real browser: colours that pass contrast, readable names,
every column reachable, a legend, and cells on a phone."""

import pytest
from django.conf import settings
from django.test import Client

from accounts.services import account_create
from organisations import services
from tests.e2e.conftest import axe_violations
from tests.factories import CompletedAssessmentFactory

PASSWORD = "a-long-Passw0rd!"  # noqa: S105 (a test account's password)

# WCAG contrast of each cell's text against its own background colour.
CONTRAST = """() => {
  function rgb(value) { return value.match(/[0-9.]+/g).slice(0, 3).map(Number); }
  function lum(c) {
    const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  return [...document.querySelectorAll('.heatmap-cell')].map(cell => {
    const style = getComputedStyle(cell);
    const [a, b] = [lum(rgb(style.color)), lum(rgb(style.backgroundColor))];
    return [cell.className, style.backgroundColor, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
  });
}"""

REACH = """() => {
  const region = document.querySelector('.heatmap-region');
  region.scrollLeft = region.scrollWidth;
  const box = region.getBoundingClientRect();
  const headers = [...document.querySelectorAll('.heatmap-item')];
  const last = headers[headers.length - 1].getBoundingClientRect();
  const clipped = [...document.querySelectorAll('.heatmap-item span')]
    .filter(s => s.scrollHeight > s.clientHeight + 1 || s.scrollWidth > s.clientWidth + 1).length;
  return {
    columns: headers.length,
    lastInside: last.right <= box.right + 1 && last.left >= box.left,
    fitsWithoutScrolling: region.scrollWidth <= region.clientWidth + 1,
    clipped,
  };
}"""


@pytest.fixture
def heatmap_url(live_server, live_guide):
    chief = account_create(username="chief", email="chief@example.com", password=PASSWORD)
    organisation = services.organisation_create(user=chief, name="Kaizen Labs")
    inviter = organisation.memberships.get()
    for username, level in (("rin.takahashi@example.co.jp", 1), ("sam", 3), ("kai", 4)):
        user = account_create(
            username=username,
            email=username if "@" in username else f"{username}@example.com",
            password=PASSWORD,
        )
        invitation, _token = services.invitation_create(membership=inviter)
        membership = services.invitation_accept(invitation=invitation, user=user)
        assessment = CompletedAssessmentFactory(owner=user, default=level)
        services.share_create(membership=membership, assessment=assessment)
    client = Client()
    client.force_login(chief)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    return f"{live_server.url}/organisations/{organisation.pk}/heatmap/", cookie


def _open(browser, heatmap_url, locale, width):
    url, cookie = heatmap_url
    context = browser.new_context(locale=locale, viewport={"width": width, "height": 900})
    host = url.split("//", 1)[1].split(":")[0]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "domain": host, "path": "/"}]
    )
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state()
    return context, page


@pytest.mark.parametrize(("locale", "width"), [("ja-JP", 360), ("ja-JP", 390), ("en-US", 1280)])
def test_the_heatmap_shows_every_column_in_colour_with_readable_names(
    browser, heatmap_url, locale, width
):
    context, page = _open(browser, heatmap_url, locale, width)
    try:
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
        names = page.locator("tbody .heatmap-name").all_inner_texts()
        assert sorted(names) == ["kai", "rin.takahashi", "sam"]  # never an email address

        cells = page.evaluate(CONTRAST)
        assert all(ratio >= 4.5 for _, _, ratio in cells), cells
        colours = {background for name, background, _ in cells if "lvl-none" not in name}
        assert len(colours) >= 3, colours  # a colour scale, not numbers on white

        # Cells show beside the names, on a phone too.
        first = page.locator("tbody .heatmap-cell").first.bounding_box()
        assert first["x"] + first["width"] <= width

        reach = page.evaluate(REACH)
        assert reach["columns"] == page.locator("tbody tr").first.locator(".heatmap-cell").count()
        assert reach["lastInside"] and reach["clipped"] == 0, reach
        cue = page.locator(".scroll-cue")
        if width >= 1280:
            assert reach["fitsWithoutScrolling"], reach
            assert not cue.is_visible()
        else:
            assert cue.is_visible()  # the region scrolls, and says so

        legend = page.locator(".heatmap-legend li")
        assert legend.count() == 7  # the five levels, not answered, below the stage
        assert page.locator(".heatmap colgroup").count() >= 3  # scope="colgroup" has its groups
        assert axe_violations(page) == []
    finally:
        context.close()
