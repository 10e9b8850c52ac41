"""Two posts through one link at the same moment store one rating (row lock on PostgreSQL;
SQLite lets one writer in at a time anyway)."""

import threading

import pytest
from django.db import connection, connections

from colleagues import services
from colleagues.models import ColleagueRating, ItemRating, RoundItem
from tests.colleagues.helpers import SELF_LEVEL, open_round
from tests.factories import CompletedAssessmentFactory


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent writers")
def test_two_simultaneous_posts_store_one_rating(member):
    round_ = open_round(CompletedAssessmentFactory(owner=member, default=SELF_LEVEL))
    token = services.invitation_create(round_=round_, relationship="peer")[1]
    levels = dict.fromkeys(
        RoundItem.objects.filter(round=round_).values_list("item__slug", flat=True), 2
    )
    start = threading.Barrier(2)
    outcomes = []

    def post():
        try:
            start.wait()
            services.rating_submit(token=token, levels=levels)
            outcomes.append("stored")
        except services.InvitationUnusable as refused:
            outcomes.append(refused.reason)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["stored", "used"]
    assert ColleagueRating.objects.count() == 1
    assert ItemRating.objects.count() == len(levels)
