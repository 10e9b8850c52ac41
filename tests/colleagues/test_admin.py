"""Admin sees rounds and their counts, never a single rating or who gave it."""

import pytest
from django.contrib import admin
from django.urls import reverse

from colleagues import services
from colleagues.models import ColleagueComment, ColleagueRating, ItemRating
from tests.colleagues.helpers import rate

pytestmark = pytest.mark.django_db


def test_ratings_and_comments_are_not_in_admin():
    for model in (ColleagueRating, ItemRating, ColleagueComment):
        assert not admin.site.is_registered(model)


def test_a_round_shows_counts_and_links_without_tokens_or_answers(admin_client, round_):
    tokens = [services.invitation_create(round_=round_, relationship="peer")[1] for _ in range(3)]
    for token in tokens:
        rate(token, round_, comment="SECRET-COMMENT-7d1")
    listing = admin_client.get(reverse("admin:colleagues_round_changelist")).content.decode()
    assert ">3</td>" in listing  # invited and answered
    change = admin_client.get(reverse("admin:colleagues_round_change", args=[round_.pk]))
    html = change.content.decode()
    assert change.status_code == 200
    assert "SECRET-COMMENT-7d1" not in html
    assert "token_hash" not in html and "used" not in html.lower() and "使用済み" not in html
    for token in tokens:
        assert token not in html


def test_rounds_are_read_only(admin_client, round_):
    assert admin_client.get(reverse("admin:colleagues_round_add")).status_code == 403
    url = reverse("admin:colleagues_round_delete", args=[round_.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 403
