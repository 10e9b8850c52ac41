"""Consent per assessment: share, withdraw, delete; the latest flag; what admins never see."""

import re

import pytest

from accounts.services import account_delete
from assessments import services as assessment_services
from organisations import services
from organisations.models import Membership, SharedAssessment
from tests.assessments.report_helpers import SECRET_NOTE
from tests.factories import CompletedAssessmentFactory
from tests.organisations.conftest import join


def _heatmap(client, organisation):
    return client.get(f"/organisations/{organisation.pk}/heatmap/").content.decode()


@pytest.mark.django_db
def test_a_member_shares_and_withdraws_and_the_views_follow_at_once(
    english_client, organisation, owner, make_member
):
    dana = make_member("dana")
    membership = join(organisation, dana)
    assessment = CompletedAssessmentFactory(owner=dana, default=3)
    english_client.force_login(dana)
    share_url = f"/organisations/{organisation.pk}/share/"
    assert english_client.post(share_url, {"assessment": str(assessment.pk)}).status_code == 302
    assert SharedAssessment.objects.get(membership=membership).is_latest
    english_client.force_login(owner)
    assert "dana" in _heatmap(english_client, organisation)
    assert "dana" in english_client.get(
        f"/organisations/{organisation.pk}/team.csv"
    ).content.decode("utf-8-sig")

    english_client.force_login(dana)
    withdraw = f"/organisations/{organisation.pk}/shares/{assessment.pk}/withdraw/"
    assert english_client.post(withdraw).status_code == 302
    assert english_client.post(withdraw).status_code == 404  # nothing left to withdraw
    english_client.force_login(owner)
    assert "dana" not in _heatmap(english_client, organisation)
    assert "dana" not in english_client.get(
        f"/organisations/{organisation.pk}/team.csv"
    ).content.decode("utf-8-sig")


@pytest.mark.django_db
def test_only_ones_own_completed_assessment_can_be_shared(
    english_client, organisation, team, make_member
):
    eve = make_member("eve")
    join(organisation, eve)
    someone_elses = team[0].shares.get().assessment
    draft, _token = assessment_services.assessment_start(
        owner=eve,
        current_stage=someone_elses.current_stage,
        target_stage=someone_elses.target_stage,
    )
    english_client.force_login(eve)
    url = f"/organisations/{organisation.pk}/share/"
    assert english_client.post(url, {"assessment": str(someone_elses.pk)}).status_code == 404
    assert english_client.post(url, {"assessment": str(draft.pk)}).status_code == 404
    assert english_client.post(url, {"assessment": "not-a-uuid"}).status_code == 400
    assert not SharedAssessment.objects.filter(membership__user=eve).exists()


@pytest.mark.django_db
def test_the_latest_share_is_flagged_and_moves_back_when_it_goes(organisation, make_member):
    fay = make_member("fay")
    membership = join(organisation, fay)
    older, newer = (
        CompletedAssessmentFactory(owner=fay, default=1),
        CompletedAssessmentFactory(owner=fay, default=4),
    )
    services.share_create(membership=membership, assessment=newer)
    services.share_create(membership=membership, assessment=older)
    latest = SharedAssessment.objects.get(membership=membership, is_latest=True)
    assert latest.assessment_id == newer.pk
    assessment_services.assessment_delete(assessment=newer)
    latest = SharedAssessment.objects.get(membership=membership, is_latest=True)
    assert latest.assessment_id == older.pk
    services.share_withdraw(membership=membership, assessment_id=older.pk)
    assert not SharedAssessment.objects.filter(membership=membership).exists()


@pytest.mark.django_db
def test_admins_never_see_notes(english_client, organisation, owner, team):
    english_client.force_login(owner)
    pages = [
        _heatmap(english_client, organisation),
        english_client.get(f"/organisations/{organisation.pk}/coverage/").content.decode(),
        english_client.get(f"/organisations/{organisation.pk}/bench/").content.decode(),
        english_client.get(f"/organisations/{organisation.pk}/team.csv").content.decode(
            "utf-8-sig"
        ),
    ]
    assert all(SECRET_NOTE not in page for page in pages)


@pytest.mark.django_db
def test_deleting_an_account_leaves_organisations_and_keeps_everyone_elses_answers(
    organisation, owner, team
):
    avery, blake = team[0].user, team[1].user
    account_delete(user=avery)
    assert not Membership.objects.filter(user_id=avery.pk).exists()
    assert organisation.shares.count() == 2
    assert blake.assessments.get().answers.count() > 0
    account_delete(user=owner)
    organisation.refresh_from_db()
    assert organisation.memberships.filter(role="owner").count() == 1


@pytest.mark.django_db
def test_the_data_download_lists_organisations_and_shares(english_client, organisation, team):
    avery = team[0].user
    english_client.force_login(avery)
    data = english_client.get("/accounts/my-data.json").json()
    assert data["organisations"][0]["organisation"] == "Acme Engineering"
    shared = data["organisations"][0]["shared_assessments"]
    assert shared[0]["assessment"] == str(team[0].shares.get().assessment_id)


@pytest.mark.django_db
def test_the_naming_consent_is_the_members_own(english_client, organisation, team):
    avery = team[0]
    english_client.force_login(avery.user)
    assert (
        english_client.post(
            f"/organisations/{organisation.pk}/naming/", {"named": "on"}
        ).status_code
        == 302
    )
    avery.refresh_from_db()
    assert avery.named_in_small_groups
    english_client.post(f"/organisations/{organisation.pk}/naming/", {})
    avery.refresh_from_db()
    assert not avery.named_in_small_groups


@pytest.mark.django_db
def test_two_assessments_of_one_day_read_apart_in_the_share_list(english_client, organisation):
    from datetime import timedelta

    from assessments.models import Assessment

    gil = organisation.memberships.get().user
    first = CompletedAssessmentFactory(owner=gil, default=2)
    second = CompletedAssessmentFactory(owner=gil, default=3)
    Assessment.objects.filter(pk=first.pk).update(
        completed_at=second.completed_at - timedelta(hours=2)
    )
    english_client.force_login(gil)

    page = english_client.get(f"/organisations/{organisation.pk}/").content.decode()

    rows = re.findall(r'<li class="list-group-item[^"]*">(.*?)</li>', page, re.S)
    labels = [re.sub(r"<[^>]+>|\s+", " ", row).strip() for row in rows]
    shares = [label for label in labels if "completed" in label]
    assert len(shares) == 2 and shares[0] != shares[1], shares
    for assessment in (first, second):
        assert f'href="/assessments/{assessment.pk}/"' in page  # each opens its own report
