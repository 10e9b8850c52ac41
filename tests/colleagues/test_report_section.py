"""The colleagues' view in the report: page, JSON, CSV and PDF, and through share links."""

import csv
import io
import json

import pytest
from django.urls import reverse

from colleagues import services
from colleagues.models import Invitation
from colleagues.selectors import colleagues_view_of
from reports.viewing import ReportViewing
from tests.assessments.report_helpers import (
    create_share_link,
    detail_url,
    export_url,
    pdf_text,
    share_url_in,
    shared_export_url,
    shared_url,
)
from tests.assessments.report_schema import VALIDATOR
from tests.colleagues.helpers import rate

pytestmark = pytest.mark.django_db

# The round of the issue: 1 manager, 3 peers, 2 direct reports, on the default items.
ROUND = [("manager", 0), ("peer", 1), ("peer", 1), ("peer", 1), ("direct_report", 4)]
ROUND += [("direct_report", 4)]


def answered(round_, ratings, consent=False):
    for relationship, level in ratings:
        token = services.invitation_create(round_=round_, relationship=relationship)[1]
        response = rate(token, round_, level=level, consent=consent, comment=f"{relationship}!")
        assert response.status_code == 302


def json_of(client, report, url=None):
    response = client.get(url or export_url(report, "json"))
    assert response.status_code == 200
    return json.loads(response.content)


def test_before_three_answers_the_report_shows_only_the_counts(member_client, round_, report):
    answered(round_, ROUND[:2])
    services.invitation_create(round_=round_, relationship="other")
    html = member_client.get(detail_url(report)).content.decode()
    assert "Invited: 3 · answered: 2" in html
    assert "colleagues-table" not in html
    data = json_of(member_client, report)["colleagues"]
    assert data == {
        "invited": 3,
        "answered": 2,
        "groups": [],
        "blind_spots": [],
        "hidden_strengths": [],
    }


def test_the_round_of_the_issue_shows_what_the_rules_allow(member_client, round_, report):
    answered(round_, ROUND)
    document = json_of(member_client, report)
    VALIDATOR.validate(document)  # the published schema, with `colleagues`
    data = document["colleagues"]
    slugs = services.default_item_slugs(report)
    assert (data["invited"], data["answered"]) == (6, 6)
    assert [(g["relationship"], g["count"]) for g in data["groups"]] == [("peer", 3), ("all", 6)]
    assert data["groups"][0]["items"] == [{"item": s, "mean": 1.0} for s in slugs]
    assert data["groups"][1]["items"] == [{"item": s, "mean": 1.83} for s in slugs]
    assert data["blind_spots"] == []  # own level 2, colleagues 1.83
    assert data["hidden_strengths"] == []
    html = member_client.get(detail_url(report)).content.decode()
    section = html.split('id="colleagues"')[1].split("</section>")[0]
    assert "Peer" in section and "All colleagues" in section
    assert "Manager" not in section and "Direct report" not in section
    for relationship in ("manager!", "peer!", "direct_report!"):
        assert relationship in section  # comments, without relationship beside them


def test_blind_spots_and_hidden_strengths_reach_page_and_json(member_client, round_, report):
    answered(round_, [("peer", 0), ("peer", 1), ("peer", 0)])
    data = json_of(member_client, report)["colleagues"]
    assert data["blind_spots"] == services.default_item_slugs(report)
    html = member_client.get(detail_url(report)).content.decode()
    assert "Blind spot" in html and "colleagues-blind-spots" in html


def test_hidden_strengths_reach_page_and_json(member_client, round_, report):
    answered(round_, [("peer", 3), ("other", 4), ("peer", 3)])
    data = json_of(member_client, report)["colleagues"]
    assert data["hidden_strengths"] == services.default_item_slugs(report)
    assert "colleagues-hidden-strengths" in member_client.get(detail_url(report)).content.decode()


def test_the_json_keeps_every_other_key(member_client, round_, report):
    keys = set(json_of(member_client, report))
    assert {"schema", "assessment", "readiness", "items", "plan", "colleagues"} <= keys


def test_a_report_without_a_round_has_null_colleagues_and_an_unchanged_csv(member_client, report):
    assert json_of(member_client, report)["colleagues"] is None
    content = member_client.get(export_url(report, "csv")).content.decode("utf-8-sig")
    assert next(csv.reader(io.StringIO(content)))[-1] == "priority"


def test_the_csv_adds_the_colleagues_mean_per_item(member_client, round_, report):
    answered(round_, ROUND)
    content = member_client.get(export_url(report, "csv")).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0][-1] == "colleagues' mean"
    names = {line.item.name_en: line.item.slug for line in round_.round_items.all()}
    for row in rows[1:]:
        if not row:
            break
        assert row[7] == ("1.83" if row[0] in names else "")


def test_files_drawn_again_when_a_rating_arrives_and_not_otherwise(member_client, round_, report):
    answered(round_, ROUND[:3])
    assert json_of(member_client, report)["colleagues"]["groups"][-1]["count"] == 3
    answered(round_, ROUND[3:4])
    assert json_of(member_client, report)["colleagues"]["groups"][-1]["count"] == 4


def test_the_pdf_carries_the_section(member_client, round_, report):
    answered(round_, ROUND)
    response = member_client.get(export_url(report, "pdf"))
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "Colleagues' view" in text or "Colleagues’ view" in text
    assert "All colleagues" in text


def test_closing_freezes_the_view(member_client, round_, report):
    answered(round_, ROUND[:3])
    member_client.post(reverse("colleagues:close", args=[report.pk]))
    html = member_client.get(detail_url(report)).content.decode()
    assert "these figures are final" in html
    token = services.invitation_create  # a closed round takes no more invitations
    with pytest.raises(services.RoundClosed):
        token(round_=round_, relationship="peer")
    assert Invitation.objects.count() == 3


def test_share_viewers_see_it_only_when_the_owner_ticked_it(member_client, round_, report):
    answered(round_, ROUND)
    plain = create_share_link(member_client, report)
    response = member_client.post(
        reverse("assessments:share_create", args=[report.pk]),
        {"expires_in_days": "30", "show_colleagues": "on"},
    )
    assert response.status_code == 302
    ticked = share_url_in(member_client.get(detail_url(report)).content.decode())
    ticked = ticked.rstrip("/").rsplit("/", 1)[-1]
    viewer = member_client.__class__(HTTP_ACCEPT_LANGUAGE="en")
    assert 'id="colleagues"' not in viewer.get(shared_url(plain)).content.decode()
    assert json_of(viewer, report, shared_export_url(plain, "json"))["colleagues"] is None
    html = viewer.get(shared_url(ticked)).content.decode()
    assert 'id="colleagues"' in html and "Their own level" in html
    assert "Manage the round" not in html
    data = json_of(viewer, report, shared_export_url(ticked, "json"))["colleagues"]
    assert data["answered"] == 6


def test_the_report_page_runs_a_fixed_number_of_queries(
    member_client, round_, report, django_assert_max_num_queries
):
    answered(round_, ROUND)
    member_client.get(detail_url(report))  # the frozen body is drawn once
    # 12, and the state of the knowledge check and interview practice (calibration/).
    with django_assert_max_num_queries(14):
        assert member_client.get(detail_url(report)).status_code == 200


def test_the_frozen_page_body_is_keyed_without_the_round_and_files_with_it(round_, report):
    view = colleagues_view_of(report, language="en")
    viewing = ReportViewing(
        assessment=report,
        language="en",
        show_notes=True,
        show_comparison=True,
        states={"colleagues": view},
    )
    assert (
        viewing.drawing("page").key
        == ReportViewing(assessment=report, language="en", show_notes=True, show_comparison=True)
        .drawing("page")
        .key
    )
    assert view.stamp in viewing.drawing("json").key.split(":")
    answered(round_, ROUND[:1])
    newer = colleagues_view_of(report, language="en")
    assert newer.stamp != view.stamp
