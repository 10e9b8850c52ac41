"""Assessments in admin: read-only, with figures by target stage."""

import pytest

from assessments.models import Assessment


@pytest.mark.django_db
def test_staff_see_figures_by_target_stage_and_cannot_edit(admin_client, visitor_draft):
    _, draft = visitor_draft
    response = admin_client.get("/admin/assessments/assessment/")
    assert response.status_code == 200
    figures = {row["target_stage__name"]: row for row in response.context["figures_by_target"]}
    assert figures[draft.target_stage.name]["drafts"] == 1
    assert figures[draft.target_stage.name]["completed"] == 0
    change = admin_client.post(f"/admin/assessments/assessment/{draft.pk}/change/", {})
    assert change.status_code == 403
    assert Assessment.objects.get(pk=draft.pk).status == "draft"
    assert admin_client.get("/admin/assessments/assessment/add/").status_code == 403


@pytest.mark.django_db
def test_a_member_cannot_open_the_assessment_admin(member_client):
    response = member_client.get("/admin/assessments/assessment/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
