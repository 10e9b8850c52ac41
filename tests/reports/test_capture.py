"""Capture every rendering of a fixed set of reports, to compare two versions of the code.

Not a check by itself: with REPORT_CAPTURE=DIR set, it writes the page, CSV, JSON and the
PDF's text of a fixed set of reports (both languages; the owner, a visitor, a share viewer
with and without the colleagues' view, an organisation admin) into DIR, with what changes
from run to run (ids, tokens, times) replaced by stable names. Run it on two commits and
`diff -r` the two folders: a move that changes nothing a person sees leaves no difference.

    REPORT_CAPTURE=/tmp/before .venv/bin/python -m pytest -n 0 tests/reports/test_capture.py
"""

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from api.services import token_create
from assessments.access import Access, Audience
from assessments.models import Assessment, ShareLink
from calibration.models import CheckAnswer, CheckSitting
from colleagues.models import Invitation, Round
from organisations import services as organisation_services
from tests.assessments.report_helpers import client_in, pdf_text
from tests.calibration.test_check_pages import answer_all, start
from tests.colleagues.helpers import invite, open_round, rate
from tests.factories import CompletedAssessmentFactory
from tests.real_guide import ItemSlug, StageSlug

CAPTURE = os.environ.get("REPORT_CAPTURE")
pytestmark = [
    pytest.mark.skipif(not CAPTURE, reason="set REPORT_CAPTURE=DIR to capture"),
    pytest.mark.usefixtures("guide"),
]

MOMENT = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.UTC)
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
MASKED = [
    (
        re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"'),
        'name="csrfmiddlewaretoken" value="…"',
    ),
    (re.compile(r'nonce="[^"]+"'), 'nonce="…"'),
    (re.compile(r"/(shared|rate|resume)/[A-Za-z0-9_-]{20,}"), r"/\1/TOKEN"),
]


def normalised(text):
    names = {}
    text = UUID.sub(lambda m: names.setdefault(m.group(0), f"ID{len(names) + 1}"), text)
    for pattern, replacement in MASKED:
        text = pattern.sub(replacement, text)
    return text


def _fix_times():
    Assessment.objects.update(completed_at=MOMENT, created_at=MOMENT)
    ShareLink.objects.update(created_at=MOMENT)
    ShareLink.objects.exclude(expires_at=None).update(expires_at=MOMENT + dt.timedelta(days=400))
    CheckSitting.objects.update(started_at=MOMENT)
    CheckAnswer.objects.exclude(answered_at=None).update(answered_at=MOMENT)
    Round.objects.update(opened_at=MOMENT)
    Invitation.objects.update(created_at=MOMENT, expires_at=MOMENT + dt.timedelta(days=400))


def _write(folder, name, response_or_bytes, kind):
    path = Path(CAPTURE) / folder
    path.mkdir(parents=True, exist_ok=True)
    if hasattr(response_or_bytes, "status_code"):
        response = response_or_bytes
        head = (
            f"{response.status_code} {response.get('Content-Type')} "
            f"{response.get('Content-Disposition', '')}\n"
        )
        body = response.content
    else:
        head, body = "", response_or_bytes
    text = pdf_text(body) if kind == "pdf" else body.decode("utf-8")
    (path / name).write_text(normalised(head + text))


def _viewing_for(request, seen):
    try:
        from reports.viewing import viewing_for
    except ImportError:  # the code before the reports app (main at c225021)
        from assessments.views.report import _viewing as viewing_for
    return viewing_for(request, seen)


def _files_for(seen, language):
    try:
        from reports.files import report_file
    except ImportError:  # the code before the reports app
        from assessments.reporting.files import report_file
    request = RequestFactory().get("/")
    request.LANGUAGE_CODE = language
    request.session = {}
    viewing = _viewing_for(request, seen)
    return {fmt: report_file(fmt, viewing)[2] for fmt in ("csv", "json", "pdf")}


def test_capture(django_user_model):
    member = django_user_model.objects.create_user(
        "owner-capture", "owner@example.com", "pw-Capture-1"
    )
    from accounts.models import Profile

    Profile.objects.update_or_create(user=member, defaults={"display_name": "Mina K."})
    CompletedAssessmentFactory(owner=member, default=1)
    own = CompletedAssessmentFactory(
        owner=member,
        company_kind="startups",
        notes={ItemSlug.COMMUNICATION: "NOTE: mine"},
        evidence={ItemSlug.SYSTEM_ARCHITECTURE: "EVIDENCE: led the redesign"},
    )
    visitors = CompletedAssessmentFactory(default=3, target=StageSlug.VP_ENGINEERING)
    owner = client_in("en")
    owner.force_login(member)
    start(owner, own)
    answered = list(CheckAnswer.objects.filter(sitting__assessment=own).order_by("position"))
    assert answered
    answer_all(owner, own, right=True)
    round_ = open_round(own)
    for relationship in ("peer", "peer", "direct_report"):
        assert rate(invite(owner, own, relationship), round_, level=3).status_code in (200, 302)
    from assessments import services

    _l1, plain_token = services.share_link_create(assessment=own)
    _l2, with_colleagues = services.share_link_create(assessment=own, show_colleagues=True)
    admin = django_user_model.objects.create_user(
        "admin-capture", "admin@example.com", "pw-Capture-2"
    )
    organisation = organisation_services.organisation_create(user=admin, name="Capture Co")
    inviter = organisation.memberships.get(role="owner")
    invitation, _t = organisation_services.invitation_create(membership=inviter)
    membership = organisation_services.invitation_accept(invitation=invitation, user=member)
    organisation_services.share_create(membership=membership, assessment=own)
    _row, api_token = token_create(user=admin, name="capture")
    _fix_times()

    visitor = Client()
    session = visitor.session
    from assessments import access

    session[access.SESSION_KEY] = [str(visitors.pk)]
    session[getattr(access, "CLAIMABLE_KEY", "claimable")] = [str(visitors.pk)]
    session.save()
    for language in ("en", "ja"):
        headers = {"HTTP_ACCEPT_LANGUAGE": language}
        owner.cookies["django_language"] = language
        visitor.cookies["django_language"] = language
        audiences = {
            "owner": (owner, own, None),
            "visitor": (visitor, visitors, None),
            "share": (Client(), own, plain_token),
            "share-colleagues": (Client(), own, with_colleagues),
        }
        for audience, (client, assessment, token) in audiences.items():
            client.cookies["django_language"] = language
            folder = f"{language}/{audience}"
            if token is None:
                page = client.get(reverse("assessments:detail", args=[assessment.pk]), **headers)
            else:
                page = client.get(reverse("shared_report", args=[token]), **headers)
            _write(folder, "page.html", page, "html")
            for fmt in ("csv", "json", "pdf"):
                if token is None:
                    url = reverse("assessments:export", args=[assessment.pk, fmt])
                else:
                    url = reverse("shared_export", args=[token, fmt])
                _write(folder, f"report.{fmt}", client.get(url, **headers), fmt)
        api = Client().get(
            f"/api/v1/organisations/{organisation.pk}/shared-assessments/{own.pk}/report",
            HTTP_AUTHORIZATION=f"Bearer {api_token}",
            **headers,
        )
        _write(f"{language}/organisation-admin", "api.json", api, "json")
        files = _files_for(Access(own, Audience.ORGANISATION_ADMIN), language)
        for fmt, content in files.items():
            _write(f"{language}/organisation-admin", f"report.{fmt}", content, fmt)
        plan = owner.get(reverse("plans:plan", args=[own.pk]), **headers)
        _write(f"{language}/owner", "plan.html", plan, "html")
