"""A colleague's rating in progress: kept in their session as they go, back after a reload,
gone when sent or when the link ends, and never within the owner's reach."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from colleagues import drafts, services
from colleagues.forms import CANNOT_JUDGE, LEVEL_PREFIX
from colleagues.models import ColleagueRating, Invitation, RoundItem
from tests.assessments.report_helpers import client_in
from tests.colleagues.helpers import rate_url, rating_data

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def token(round_):
    return services.invitation_create(round_=round_, relationship="manager")[1]


@pytest.fixture
def rater():
    return client_in("en")


def slugs(round_):
    lines = RoundItem.objects.filter(round=round_).order_by("order")
    return list(lines.values_list("item__slug", flat=True))


def partial(round_, count, comment="Calm."):
    """A draft post: the first `count` items answered (the first one "can't judge")."""
    data = {"go": "draft", "comment": comment}
    for n, slug in enumerate(slugs(round_)[:count]):
        data[LEVEL_PREFIX + slug] = CANNOT_JUDGE if n == 0 else "3"
    return data


def checked(html):
    return html.count(" checked>")


def test_a_draft_is_saved_in_the_background_and_counted(rater, token, round_):
    response = rater.post(rate_url(token), partial(round_, 5), **JSON)
    assert response.status_code == 200
    assert response.json() == {"saved": True, "answered": 5}
    kept = drafts.draft_of(rater.session, token)
    assert kept["levels"][slugs(round_)[0]] == CANNOT_JUDGE and kept["comment"] == "Calm."
    assert ColleagueRating.objects.count() == 0 and not Invitation.objects.get().used


def test_the_draft_comes_back_on_reload_with_its_progress(rater, token, round_):
    rater.post(rate_url(token), partial(round_, 5, comment="Listens well."), **JSON)
    html = rater.get(rate_url(token)).content.decode()
    total = len(slugs(round_))
    assert f"5 of {total} answered" in html and 'aria-valuenow="5"' in html
    assert checked(html) == 5
    first = f"{LEVEL_PREFIX}{slugs(round_)[0]}-{CANNOT_JUDGE}"
    assert f'id="{first}" value="{CANNOT_JUDGE}" checked' in html
    assert "Listens well.</textarea>" in html


def test_save_for_later_works_without_javascript(rater, token, round_):
    response = rater.post(rate_url(token), partial(round_, 2))
    assert response.status_code == 302 and response["Location"] == rate_url(token)
    html = rater.get(rate_url(token)).content.decode()
    assert "Saved in this browser" in html and checked(html) == 2


def test_a_refused_send_keeps_what_was_chosen(rater, token, round_):
    data = partial(round_, 3)
    del data["go"]
    response = rater.post(rate_url(token), data)
    assert response.status_code == 400 and b"What you chose is kept" in response.content
    assert checked(rater.get(rate_url(token)).content.decode()) == 3


def test_sending_discards_the_draft(rater, token, round_):
    rater.post(rate_url(token), partial(round_, 4), **JSON)
    assert rater.post(rate_url(token), rating_data(round_, level=2)).status_code == 302
    assert drafts.draft_of(rater.session, token) is None
    assert drafts.SESSION_KEY not in rater.session or rater.session[drafts.SESSION_KEY] == {}


@pytest.mark.parametrize("end", ["revoke", "expire", "close"])
def test_a_link_that_ends_discards_the_draft_and_takes_no_more(rater, token, round_, end):
    rater.post(rate_url(token), partial(round_, 4), **JSON)
    invitation = Invitation.objects.get()
    if end == "revoke":
        services.invitation_revoke(invitation=invitation)
    elif end == "expire":
        Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    else:
        services.round_close(round_=round_)
    response = rater.post(rate_url(token), partial(round_, 6), **JSON)
    assert response.status_code == 404 and response.json()["saved"] is False
    assert rater.get(rate_url(token)).status_code == 404
    assert drafts.draft_of(rater.session, token) is None


def test_a_draft_through_an_ended_or_unknown_link_answers_alike(rater, token, round_):
    used = services.invitation_create(round_=round_, relationship="peer")[1]
    assert rater.post(rate_url(used), rating_data(round_)).status_code == 302
    answers = [
        rater.post(rate_url(link), partial(round_, 1), **JSON)
        for link in (used, "no-such-link-" + "x" * 30)
    ]
    assert [a.status_code for a in answers] == [404, 404]
    assert answers[0].content == answers[1].content


def test_the_owner_neither_drafts_nor_sees_a_draft(member_client, rater, token, round_, report):
    rater.post(rate_url(token), partial(round_, 5, comment="Private draft."), **JSON)
    refused = member_client.post(rate_url(token), partial(round_, 5), **JSON)
    assert refused.status_code == 403
    assert drafts.draft_of(member_client.session, token) is None
    manage = member_client.get(reverse("colleagues:manage", args=[report.pk]))
    assert "Invited: 1 · answered: 0" in manage.content.decode()
    report_page = member_client.get(reverse("assessments:detail", args=[report.pk]))
    assert report_page.status_code == 200
    for page in (manage, report_page):
        assert b"Private draft." not in page.content


@pytest.mark.parametrize(
    "bad",
    [{"level-no-such-item": "2"}, {"first": "7"}, {"first": "high"}, {"comment": "x" * 1001}],
)
def test_a_malformed_draft_is_refused_and_keeps_the_last_good_one(rater, token, round_, bad):
    rater.post(rate_url(token), partial(round_, 2), **JSON)
    data = partial(round_, 3)
    if "first" in bad:
        data[LEVEL_PREFIX + slugs(round_)[0]] = bad["first"]
    else:
        data.update(bad)
    response = rater.post(rate_url(token), data, **JSON)
    assert response.status_code == 400 and response.json()["error"].startswith("Not saved")
    assert len(drafts.draft_of(rater.session, token)["levels"]) == 2
    assert rater.post(rate_url(token), data).status_code == 400  # the same without JS


def test_a_session_keeps_a_few_drafts_at_most(round_):
    session = {}
    for n in range(drafts.DRAFTS_KEPT + 2):
        drafts.draft_keep(session, f"link-{n}", {"levels": {}, "comment": str(n)})
    assert len(session[drafts.SESSION_KEY]) == drafts.DRAFTS_KEPT
    assert drafts.draft_of(session, "link-0") is None
    assert drafts.draft_of(session, f"link-{drafts.DRAFTS_KEPT + 1}")["comment"] == "6"


def test_the_draft_is_kept_under_a_digest_not_the_link_or_its_hash(rater, token, round_):
    rater.post(rate_url(token), partial(round_, 1), **JSON)
    stored = str(dict(rater.session))
    assert token not in stored and Invitation.objects.get().token_hash not in stored


def test_the_form_groups_items_under_their_categories(rater, token, round_):
    html = rater.get(rate_url(token)).content.decode()
    categories = {line.item.category for line in round_.round_items.select_related("item")}
    assert html.count('class="h5 rate-category-heading"') == len(categories)
    for category in categories:
        assert f'id="category-{category.slug}">{category.name}</h2>' in html


def test_the_form_and_a_draft_save_run_a_fixed_number_of_queries(
    rater, token, round_, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        assert rater.post(rate_url(token), partial(round_, 5), **JSON).status_code == 200
    with django_assert_max_num_queries(8):
        assert rater.get(rate_url(token)).status_code == 200
