"""Dates: in the configured time zone everywhere, one format per language."""

from datetime import UTC, datetime

import pytest
from django.core import mail
from django.template import Context, Template
from django.utils import translation

from assessments.models import Assessment
from tests.assessments.report_helpers import detail_url, visitor_client
from tests.factories import CompletedAssessmentFactory

# 23:30 UTC on 6 December is 08:30 on 7 December in Tokyo (settings.TIME_ZONE).
LATE = datetime(2026, 12, 6, 23, 30, tzinfo=UTC)
ALL_FORMATS = Template(
    '{{ d|date:"DATE_FORMAT" }}|{{ d|date:"SHORT_DATE_FORMAT" }}|'
    '{{ d|date:"DATETIME_FORMAT" }}|{{ d|date:"SHORT_DATETIME_FORMAT" }}'
)


@pytest.mark.parametrize(
    ("language", "day", "moment"),
    [("en", "7 Dec 2026", "7 Dec 2026, 08:30"), ("ja", "2026年12月7日", "2026年12月7日 08:30")],
)
def test_each_language_has_one_date_format_in_the_configured_time_zone(language, day, moment):
    with translation.override(language):
        drawn = ALL_FORMATS.render(Context({"d": LATE})).split("|")
    assert drawn == [day, day, moment, moment]


def test_the_report_page_dates_everything_alike_in_the_time_zone(guide):
    assessment = CompletedAssessmentFactory()
    Assessment.objects.filter(pk=assessment.pk).update(completed_at=LATE)
    client = visitor_client(assessment)

    page = client.get(detail_url(assessment)).content.decode()

    assert "Completed on 7 Dec 2026." in page
    assert "6 Dec 2026" not in page and "Dec." not in page and "12/07/2026" not in page


def test_a_colleagues_invitation_email_dates_its_expiry_in_the_time_zone(guide, member):
    from colleagues import services as colleagues_services
    from colleagues.models import Invitation

    assessment = CompletedAssessmentFactory(owner=member)
    round_ = colleagues_services.round_open(
        assessment=assessment, item_slugs=colleagues_services.default_item_slugs(assessment)
    )
    invitation, _token = colleagues_services.invitation_create(round_=round_, relationship="peer")
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=LATE)
    invitation.refresh_from_db()
    from colleagues.views import owner

    owner._send_invitation(round_, invitation, "https://x.test/r/abc", "peer@example.com")
    assert "2026-12-07" in mail.outbox[-1].body and "2026-12-06" not in mail.outbox[-1].body
