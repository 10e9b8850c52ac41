"""URLs of the owner's colleagues' round, under their assessment."""

from django.urls import path

from colleagues.views import owner

app_name = "colleagues"

urlpatterns = [
    path("<uuid:assessment_id>/colleagues/", owner.manage, name="manage"),
    path("<uuid:assessment_id>/colleagues/open/", owner.round_open, name="open"),
    path("<uuid:assessment_id>/colleagues/close/", owner.round_close, name="close"),
    path(
        "<uuid:assessment_id>/colleagues/invitations/",
        owner.invitation_create,
        name="invite",
    ),
    path(
        "<uuid:assessment_id>/colleagues/invitations/<int:invitation_id>/revoke/",
        owner.invitation_revoke,
        name="revoke",
    ),
    path(
        "<uuid:assessment_id>/colleagues/invitations/<int:invitation_id>/reissue/",
        owner.invitation_reissue,
        name="reissue",
    ),
    path(
        "<uuid:assessment_id>/colleagues/invitations/<int:invitation_id>/copied/",
        owner.invitation_copied,
        name="copied",
    ),
]
