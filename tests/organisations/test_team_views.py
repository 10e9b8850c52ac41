"""The team's view: heatmap, coverage, bench and readiness, its files, and bad input."""

import datetime
import io

import pandas
import pytest

from content.models import Item
from organisations import services
from organisations.models import Membership, SharedAssessment, ShareReadiness
from organisations.team import bench as bench_module
from organisations.team.common import Group
from tests.factories import CompletedAssessmentFactory
from tests.organisations.conftest import join
from tests.real_guide import StageSlug


def _get(client, organisation, path):
    return client.get(f"/organisations/{organisation.pk}/{path}")


@pytest.mark.django_db
def test_the_heatmap_sorts_by_name_or_by_gap(english_client, organisation, owner, team):
    english_client.force_login(owner)
    by_name = _get(english_client, organisation, "heatmap/?sort=name").content.decode()
    assert by_name.index(">avery<") < by_name.index(">blake<") < by_name.index(">casey<")
    by_gap = _get(english_client, organisation, "heatmap/?sort=gap&stage=cto").content.decode()
    assert (
        by_gap.index(">avery<") < by_gap.index(">blake<") < by_gap.index(">casey<")
    )  # lowest first
    assert 'class="heatmap-cell lvl-1 below"' in by_gap


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("sort=age", 400),
        ("sort=name;drop", 400),
        ("stage=ceo", 400),
        ("page=0", 400),
        ("page=x", 400),
        ("page=2", 404),
        ("page=1", 200),
    ],
)
def test_the_heatmap_answers_bad_input_with_a_4xx(
    english_client, organisation, owner, team, query, status
):
    english_client.force_login(owner)
    response = _get(english_client, organisation, f"heatmap/?{query}")
    assert response.status_code == status
    if status != 200:
        assert b"avery" not in response.content


@pytest.mark.django_db
def test_a_plain_member_and_an_outsider_see_no_team_view(
    english_client, organisation, team, outsider
):
    for user in (team[0].user, outsider):
        english_client.force_login(user)
        for path in ("heatmap/", "coverage/", "bench/", "team.csv", "summary.pdf"):
            assert _get(english_client, organisation, path).status_code == 404


@pytest.mark.django_db
def test_coverage_counts_holders_and_names_them_only_with_everyones_consent(
    english_client, organisation, owner, team
):
    # Levels 1, 3, 4: two people at 3 or above on every item, fewer than three.
    english_client.force_login(owner)
    page = _get(english_client, organisation, "coverage/").content.decode()
    assert "blake" not in page and "casey" not in page
    assert "fewer than three people" in page
    for membership in team[1:]:
        services.membership_naming_set(membership=membership, named=True)
    page = _get(english_client, organisation, "coverage/").content.decode()
    assert "blake, casey" in page
    assert "Covered" in page


@pytest.mark.django_db
def test_coverage_flags_a_single_point_of_failure_and_a_gap(
    english_client, organisation, owner, make_member
):
    solo = make_member("solo")
    services.share_create(
        membership=join(organisation, solo),
        assessment=CompletedAssessmentFactory(owner=solo, default=3),
    )
    other = make_member("other")
    services.share_create(
        membership=join(organisation, other),
        assessment=CompletedAssessmentFactory(owner=other, default=1),
    )
    english_client.force_login(owner)
    page = _get(english_client, organisation, "coverage/").content.decode()
    assert "Single point of failure" in page and "Gap" not in page
    SharedAssessment.objects.filter(membership__user=solo).delete()
    page = _get(english_client, organisation, "coverage/").content.decode()
    assert "Gap" in page


def test_a_group_is_named_when_it_is_three_or_more_or_all_agreed():
    assert Group.of(2, ["a", "b"], unnamed=1).names == ()
    assert Group.of(2, ["a", "b"], unnamed=0).names == ("a", "b")
    assert Group.of(3, ["a", "b"], unnamed=3).named and Group.of(3, ["a", "b"], 3).more == 1
    assert Group.of(5, [], unnamed=5).more == 0  # counted, not listed


@pytest.mark.django_db
def test_the_bench_lists_who_is_ready_and_who_is_close(organisation, team):
    shares = {m.user.username: m.shares.get() for m in team}
    ShareReadiness.objects.filter(stage=StageSlug.CTO).delete()
    for name, value in (("avery", 65.0), ("blake", 75.0), ("casey", 85.0)):
        ShareReadiness.objects.create(share=shares[name], stage=StageSlug.CTO, readiness=value)
    Membership.objects.filter(pk__in=[m.pk for m in team]).update(named_in_small_groups=True)
    rows = {row.stage.slug: row for row in bench_module.bench(organisation, bench_module_stages())}
    assert rows[StageSlug.CTO].ready.names == ("casey",)
    assert rows[StageSlug.CTO].near.names == ("blake",)
    Membership.objects.filter(pk=team[1].pk).update(named_in_small_groups=False)
    rows = {row.stage.slug: row for row in bench_module.bench(organisation, bench_module_stages())}
    assert rows[StageSlug.CTO].near.count == 1 and rows[StageSlug.CTO].near.names == ()


def bench_module_stages():
    from organisations.team.common import stages

    return stages()


@pytest.mark.django_db
def test_team_readiness_and_its_change_since_the_previous_quarter(organisation, team):
    from content.models import Stage

    cto = Stage.objects.get(slug=StageSlug.CTO)
    shares = [m.shares.get() for m in team]
    ShareReadiness.objects.filter(stage=StageSlug.CTO).delete()
    for share, value in zip(shares, (60.0, 70.0, 80.0), strict=True):
        ShareReadiness.objects.create(share=share, stage=StageSlug.CTO, readiness=value)
    today = datetime.date(2026, 11, 29)
    now = bench_module.team_readiness(organisation, cto, today=today)
    assert now.people == 3 and now.mean == 70.0
    assert now.quarter_start == datetime.date(2026, 10, 1)
    assert now.previous_people == 0 and now.change is None
    # The same assessments, completed before the quarter began: the team stood there then.
    SharedAssessment.objects.filter(pk__in=[s.pk for s in shares]).update(
        completed_at=datetime.datetime(2026, 9, 1, tzinfo=datetime.UTC)
    )
    then = bench_module.team_readiness(organisation, cto, today=today)
    assert then.previous_people == 3 and then.previous_mean == 70.0 and then.change == 0.0
    Membership.objects.filter(pk=team[0].pk).delete()
    hidden = bench_module.team_readiness(organisation, cto, today=today)
    assert hidden.people == 2 and hidden.mean is None and hidden.previous_mean is None


def _read_csv(response):
    """The CSV as pandas reads it: one table, or a ParserError."""
    return pandas.read_csv(io.BytesIO(response.content), encoding="utf-8-sig")


@pytest.mark.django_db
def test_each_part_of_the_team_csv_is_one_table_pandas_reads_into_its_columns(
    english_client, organisation, owner, team
):
    english_client.force_login(owner)

    readiness = _read_csv(_get(english_client, organisation, "team.csv?part=readiness&stage=cto"))
    coverage = _read_csv(_get(english_client, organisation, "team.csv?part=coverage"))
    bench = _read_csv(_get(english_client, organisation, "team.csv?part=bench"))
    heatmap = _read_csv(_get(english_client, organisation, "team.csv?part=heatmap"))

    assert list(readiness.columns)[:3] == ["stage", "people", "mean readiness"]
    assert len(readiness) == 1 and readiness["people"][0] == 3
    assert list(coverage.columns) == [
        "item",
        "category",
        "people at level 3 or above",
        "status",
        "who",
    ]
    assert coverage["people at level 3 or above"].dtype.kind == "i"  # numbers, not text
    assert set(coverage["status"]) <= {"covered", "single-point", "gap"}
    assert list(bench.columns)[:3] == ["stage", "ready", "who is ready"]
    assert bench["ready"].dtype.kind == "i" and len(bench) == 7
    assert list(heatmap.columns)[:3] == ["member", "completed", "readiness"]
    assert sorted(heatmap["member"]) == ["avery", "blake", "casey"]
    levels = heatmap.set_index("member").iloc[:, 2:]
    assert (levels.loc["avery"] == 1).all() and (levels.loc["casey"] == 4).all()
    assert len(heatmap.columns) == 3 + Item.objects.filter(active=True).count()


@pytest.mark.django_db
def test_the_heatmap_csv_dates_a_share_in_the_site_time_zone(
    english_client, organisation, owner, team
):
    # 23:30 UTC on 6 December is 08:30 on 7 December in Tokyo (the configured zone).
    late = datetime.datetime(2026, 12, 6, 23, 30, tzinfo=datetime.UTC)
    SharedAssessment.objects.filter(membership=team[0]).update(completed_at=late)
    english_client.force_login(owner)

    heatmap = _read_csv(_get(english_client, organisation, "team.csv?part=heatmap"))

    assert heatmap.set_index("member").loc["avery", "completed"] == "2026-12-07"


@pytest.mark.django_db
def test_the_team_csv_holds_no_formula_and_refuses_an_unknown_part(
    english_client, organisation, owner, team
):
    Membership.objects.filter(pk=team[0].pk).update(named_in_small_groups=True)
    team[0].user.profile.display_name = "=HYPERLINK(1)"
    team[0].user.profile.save()
    english_client.force_login(owner)
    response = _get(english_client, organisation, "team.csv?part=heatmap")
    assert response["Content-Type"].startswith("text/csv")
    assert (
        response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]
    )
    text = response.content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text and "\n=HYPERLINK" not in text and ",=HYPERLINK" not in text
    assert _get(english_client, organisation, "team.csv?part=everything").status_code == 400


@pytest.mark.django_db
def test_the_pdf_summary_is_a_pdf(english_client, organisation, owner, team):
    english_client.force_login(owner)
    response = _get(english_client, organisation, "summary.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].startswith("attachment")
