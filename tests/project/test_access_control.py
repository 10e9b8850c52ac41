"""Walk every URL pattern of the project as an outsider: nothing private may answer 200.

A new view that forgets its access check makes this test fail. Public pages are listed
by name below; every other page must answer 404 (someone else's data), 302 (log in
first) or 405 (wrong method) to a member who owns nothing.
"""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from assessments import services
from assessments.models import Assessment
from colleagues import services as colleagues_services
from colleagues.models import Invitation, Round
from content.models import Stage
from tests.factories import CompletedAssessmentFactory
from tests.real_guide import ItemSlug

PUBLIC = {
    "home",
    "career_ladder",
    "skill_catalogue",
    "learning_path",
    "interview_practice",
    # Practising a question is open to all; a member sees only their own attempts there.
    "practice:practise",
    "future_trends",
    "healthz",
    "favicon",  # a redirect to the site's icon
    "assessments:start",
    "login",
    "login_code",  # the code after a right password: without one pending, back to log-in
    "signup",
    "signup_sent",  # the same page whatever the address
    "signup_confirm",  # only with a signed link from the email: else a 400 page
    "password_reset",
    "password_reset_done",
    "password_reset_complete",
    "password_reset_confirm",
    "set_language",
    "logout",
    # A member's own pages: the outsider is a member, so these show their own (empty) data.
    "dashboard",
    "account_settings",
    "data_export",
    "account_delete",
    "password_change",
    "password_change_done",
    "two_factor",
    "two_factor_setup",
    "two_factor_disable",
    "two_factor_backup_codes",
    "organisations:list",  # the member's own organisations
    "api_tokens",  # the member's own API tokens
    "api:openapi-json",  # the API's description, the same for everyone
    "api_root",  # where that description is
    "api:api-root",  # the same address, answered by api_root above
}
# The API answers a request without a token 401 (JSON), never a page.
API_STATUSES = (401, 404, 405)


def walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), f"{namespace}{pattern.name}"


def fill(route, values):
    """Turn a route into a concrete path, using someone else's objects for its parameters."""
    path = route.lstrip("^").rstrip("$")
    for marker, value in values.items():
        path = path.replace(marker, value)
    return "/" + path.replace("\\Z", "").replace("\\", "")


@pytest.fixture
def someone_elses_data(guide, django_user_model):
    owner = django_user_model.objects.create_user("owner", "owner@example.com", "x-Passw0rd-long")
    stages = list(Stage.objects.order_by("order"))
    completed = CompletedAssessmentFactory(
        owner=owner, current=stages[0].slug, target=stages[-1].slug, default=2
    )
    link, _ = services.share_link_create(assessment=completed)
    round_ = colleagues_services.round_open(
        assessment=completed, item_slugs=colleagues_services.default_item_slugs(completed)
    )
    colleagues_services.invitation_create(round_=round_, relationship="peer")
    visitor_draft, _ = services.assessment_start(
        owner=None, current_stage=stages[0], target_stage=stages[-1]
    )
    return completed, visitor_draft, link


def _walk_statuses(client, values, allowed_names=()):
    """Every non-public pattern filled with `values`, GET and POST: the failures found."""
    failures = []
    for route, name in walk(get_resolver().url_patterns):
        if name in PUBLIC or name.startswith("admin:"):
            continue
        path = fill(route, values)
        if "<" in path:
            failures.append(f"{name}: no value for a parameter in {route}")
            continue
        for method in ("get", "post"):
            status = getattr(client, method)(path).status_code
            if name in allowed_names and method == "get":
                if status != 200:
                    failures.append(f"GET {path} ({name}) answered {status}, not 200")
            elif name in allowed_names and status == 400:
                pass  # a form it may post to, refusing the empty post
            elif status not in (API_STATUSES if name.startswith("api:") else (302, 404, 405)):
                failures.append(f"{method.upper()} {path} ({name}) answered {status}")
    return failures


def values_for(assessment, link, token="not-a-real-token", fmt="pdf", organisation=None):  # noqa: S107
    """What fills each URL parameter: someone's assessment, their share link and colleagues'
    invitation, a token, and an organisation with its first invitation and membership (or
    nothing that exists)."""
    organisation_id = (
        str(organisation.pk) if organisation else "00000000-0000-0000-0000-000000000000"
    )
    invitation = organisation.invitations.first() if organisation else None
    membership = organisation.memberships.first() if organisation else None
    return {
        "<uuid:organisation_id>": organisation_id,
        "<uuidstr:organisation_id>": organisation_id,
        "<int:organisation_invitation_id>": str(invitation.pk) if invitation else "1",
        "<int:membership_id>": str(membership.pk) if membership else "1",
        "<int:token_id>": "1",
        "<uuidstr:assessment_id>": str(assessment.pk),
        "<uuid:assessment_id>": str(assessment.pk),
        "<int:number>": "1",
        "<int:link_id>": str(link.pk),
        "<int:invitation_id>": str(
            Invitation.objects.filter(round__assessment=link.assessment_id)
            .values_list("pk", flat=True)
            .first()
        ),
        "<str:token>": token,
        "<export_format:fmt>": fmt,
        "<section_table:fmt>": "plan",
        "<slug:item_slug>": ItemSlug.AI_ML,
        "<int:position>": "1",
    }


@pytest.mark.django_db
def test_an_outsider_reaches_nothing_private(client, django_user_model, someone_elses_data):
    completed, visitor_draft, link = someone_elses_data
    outsider = django_user_model.objects.create_user("outsider", "o@example.com", "x-Passw0rd-long")
    client.force_login(outsider)
    failures = []
    for assessment in (completed, visitor_draft):
        failures += _walk_statuses(client, values_for(assessment, link))
    assert failures == []
    assert Assessment.objects.get(pk=completed.pk).owner.username == "owner"


@pytest.mark.django_db
def test_admin_pages_send_a_member_to_the_admin_log_in(client, django_user_model):
    member = django_user_model.objects.create_user("member", "m@example.com", "x-Passw0rd-long")
    client.force_login(member)
    for route, name in walk(get_resolver().url_patterns):
        public = name in ("admin:login", "admin:logout")
        if not name.startswith("admin:") or public or "<" in route or "(?P" in route:
            continue
        path = fill(route, {})
        response = client.get(path)
        assert response.status_code in (302, 404), (path, response.status_code)
        if response.status_code == 302:
            assert "/admin/login/" in response["Location"], path


SHARED_VIEWS = {"shared_report", "shared_export", "shared_table_export"}


@pytest.mark.django_db
def test_a_share_viewer_reaches_the_shared_report_and_nothing_else(someone_elses_data):
    """The share link's holder, with no account, walks every pattern with its token."""
    completed, visitor_draft, _ = someone_elses_data
    link, token = services.share_link_create(assessment=completed)
    viewer = Client()
    values = values_for(completed, link, token=token, fmt="json")
    assert _walk_statuses(viewer, values, allowed_names=SHARED_VIEWS) == []
    # The token names one report only, and opens nothing on the owner's side.
    values["<uuid:assessment_id>"] = str(visitor_draft.pk)
    assert _walk_statuses(viewer, values, allowed_names=SHARED_VIEWS) == []


COLLEAGUE_VIEWS = {"colleague_rate"}


@pytest.mark.django_db
def test_a_colleague_reaches_the_rating_form_and_nothing_else(someone_elses_data):
    """The holder of an invitation, with no account, walks every pattern with its token."""
    completed, visitor_draft, link = someone_elses_data
    round_ = Round.objects.get(assessment=completed)
    _, token = colleagues_services.invitation_create(round_=round_, relationship="manager")
    colleague = Client()
    values = values_for(completed, link, token=token, fmt="json")
    assert _walk_statuses(colleague, values, allowed_names=COLLEAGUE_VIEWS) == []
    values["<uuid:assessment_id>"] = str(visitor_draft.pk)
    assert _walk_statuses(colleague, values, allowed_names=COLLEAGUE_VIEWS) == []


@pytest.mark.django_db
def test_a_visitor_with_a_draft_of_their_own_reaches_no_one_elses(someone_elses_data):
    completed, visitor_draft, link = someone_elses_data
    visitor = Client()
    stages = list(Stage.objects.order_by("order"))
    assert (
        visitor.post(
            "/assessments/start/",
            {"current_stage": stages[0].slug, "target_stage": stages[-1].slug},
        ).status_code
        == 302
    )
    for assessment in (completed, visitor_draft):
        assert _walk_statuses(visitor, values_for(assessment, link, fmt="csv")) == []


def test_the_walk_sees_the_private_views():
    names = {name for _, name in walk(get_resolver().url_patterns)}
    assert {"assessments:step", "assessments:export", "assessments:table_export"} <= names
    assert {"shared_report", "shared_export", "shared_table_export"} <= names
    assert {"organisations:heatmap", "api:shared_assessments", "api_token_revoke"} <= names
    assert {
        "plans:plan",
        "plans:hours",
        "plans:action",
        "plans:reassess",
        "plans:calendar",
        "calibration:check",
        "calibration:question",
    } <= names
    assert {
        "colleagues:manage",
        "colleagues:open",
        "colleagues:invite",
        "colleagues:revoke",
        "colleagues:close",
        "colleague_rate",
    } <= names


@pytest.fixture
def an_organisation(someone_elses_data, django_user_model):
    """The owner's organisation, with their completed assessment shared with it, a member
    and an open invitation; and the admin of another organisation (the outsider)."""
    from organisations import services as organisation_services

    completed, _draft, _link = someone_elses_data
    organisation = organisation_services.organisation_create(user=completed.owner, name="First")
    owner_membership = organisation.memberships.get()
    organisation_services.share_create(membership=owner_membership, assessment=completed)
    organisation_services.invitation_create(membership=owner_membership)
    member = django_user_model.objects.create_user("member", "m@example.com", "x-Passw0rd-long")
    invitation, _token = organisation_services.invitation_create(membership=owner_membership)
    organisation_services.invitation_accept(invitation=invitation, user=member)
    outsider = django_user_model.objects.create_user("admin2", "a2@example.com", "x-Passw0rd-long")
    organisation_services.organisation_create(user=outsider, name="Second")
    return organisation, outsider


@pytest.mark.django_db
def test_another_organisations_admin_reaches_nothing_of_this_one(
    client, someone_elses_data, an_organisation
):
    """The outsider administers an organisation of their own: by session and by API token,
    every organisation and API URL filled with the first organisation's objects is 404."""
    from api.services import token_create

    completed, _draft, link = someone_elses_data
    organisation, outsider = an_organisation
    values = values_for(completed, link, organisation=organisation)
    client.force_login(outsider)
    assert _walk_statuses(client, values) == []
    _row, token = token_create(user=outsider, name="walk")
    api_client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    failures = []
    for route, name in walk(get_resolver().url_patterns):
        if not name.startswith("api:") or name in PUBLIC:
            continue
        path = fill(route, values)
        for method in ("get", "post"):
            response = getattr(api_client, method)(path)
            if name in ("api:assessments", "api:organisations") and method == "get":
                # The outsider's own lists: nothing of the first organisation's in them.
                if response.status_code != 200 or str(organisation.pk) in response.content.decode():
                    failures.append(f"GET {path} answered {response.status_code} or leaked")
            elif response.status_code not in (404, 405):
                failures.append(f"{method.upper()} {path} ({name}) answered {response.status_code}")
    assert failures == []
    assert organisation.memberships.count() == 2 and organisation.shares.count() == 1
