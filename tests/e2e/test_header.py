"""The site header: one line of whole entries on a desktop, a folded menu below 1200 px."""

import pytest

PASSWORD = "a-long-Passw0rd!"  # noqa: S105 (a test account's password)


def _header_layout(page):
    """(header height, every entry on one line, the last entry inside the container)."""
    return page.evaluate(
        """() => {
          const header = document.querySelector('.site-header');
          const container = header.querySelector('.container').getBoundingClientRect();
          const style = getComputedStyle(header.querySelector('.container'));
          const inner = container.right - parseFloat(style.paddingRight);
          const entries = [...header.querySelectorAll('.nav-link, .btn:not(.navbar-toggler)')];
          const lineHeight = e => parseFloat(getComputedStyle(e).lineHeight);
          return {
            height: header.offsetHeight,
            unbroken: entries.every(e => e.getBoundingClientRect().height < 2 * lineHeight(e)),
            fits: entries.every(e => e.getBoundingClientRect().right <= inner + 0.5),
          };
        }"""
    )


def _log_in(page, url):
    page.goto(url + "/accounts/login/")
    page.fill("#id_username", "hana")
    page.fill("#id_password", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()


@pytest.mark.parametrize("width", [1200, 1280, 1440])
@pytest.mark.parametrize("locale", ["en-US", "ja-JP"])
def test_the_whole_menu_fits_on_one_line_for_visitors_and_members(
    live_server, browser, django_user_model, locale, width
):
    django_user_model.objects.create_user("hana", "hana@example.com", PASSWORD)
    context = browser.new_context(locale=locale, viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(live_server.url + "/")
    visitor = _header_layout(page)
    _log_in(page, live_server.url)
    assert page.locator(".site-header form[action$='/logout/']").count() == 1
    member = _header_layout(page)
    context.close()

    assert visitor == member == {"height": visitor["height"], "unbroken": True, "fits": True}
    assert visitor["height"] < 70


def test_below_1200_px_the_menu_folds_behind_its_button(live_server, browser):
    context = browser.new_context(locale="en-US", viewport={"width": 1199, "height": 800})
    page = context.new_page()
    page.goto(live_server.url + "/")
    menu_entry = page.locator(".site-header").get_by_role("link", name="Career ladder")
    assert page.locator(".navbar-toggler").is_visible()
    assert not menu_entry.is_visible()
    page.locator(".navbar-toggler").click()
    menu_entry.wait_for(state="visible")
    context.close()
