"""URLs of organisations: membership and consent, then the team's view (admins only)."""

from django.urls import path

from organisations.views import membership, team

app_name = "organisations"

urlpatterns = [
    path("", membership.organisation_list, name="list"),
    path("join/<str:token>/", membership.join, name="join"),
    path("<uuid:organisation_id>/", membership.organisation_detail, name="detail"),
    path("<uuid:organisation_id>/invitations/", membership.invitation_create, name="invite"),
    path(
        "<uuid:organisation_id>/invitations/<int:organisation_invitation_id>/revoke/",
        membership.invitation_revoke,
        name="invitation_revoke",
    ),
    path("<uuid:organisation_id>/leave/", membership.leave, name="leave"),
    path("<uuid:organisation_id>/share/", membership.share, name="share"),
    path(
        "<uuid:organisation_id>/shares/<uuid:assessment_id>/withdraw/",
        membership.withdraw,
        name="withdraw",
    ),
    path("<uuid:organisation_id>/naming/", membership.naming, name="naming"),
    path(
        "<uuid:organisation_id>/members/<int:membership_id>/remove/",
        membership.member_remove,
        name="member_remove",
    ),
    path("<uuid:organisation_id>/heatmap/", team.heatmap_page, name="heatmap"),
    path("<uuid:organisation_id>/coverage/", team.coverage_page, name="coverage"),
    path("<uuid:organisation_id>/bench/", team.bench_page, name="bench"),
    path("<uuid:organisation_id>/team.csv", team.export_csv, name="export_csv"),
    path("<uuid:organisation_id>/summary.pdf", team.summary_pdf, name="summary_pdf"),
]
