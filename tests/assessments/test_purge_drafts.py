"""manage.py purge_drafts: visitors' drafts untouched for N days go; nothing else does."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from assessments import services
from assessments.models import Answer, Assessment
from tests.factories import AnswerFactory, AssessmentFactory


def _aged(days, **fields):
    """An assessment with one answer, last changed `days` ago."""
    assessment = AnswerFactory(assessment=AssessmentFactory(**fields)).assessment
    Assessment.objects.filter(pk=assessment.pk).update(
        updated_at=timezone.now() - timedelta(days=days)
    )
    return assessment


@pytest.fixture
def drafts(db, member):
    return {
        "stale visitor draft": _aged(91),
        "recent visitor draft": _aged(89),
        "stale member draft": _aged(400, owner=member),
        "stale visitor report": _aged(
            400, status="completed", completed_at=timezone.now(), snapshot={"version": 1}
        ),
    }


def purge(*args):
    stdout = StringIO()
    call_command("purge_drafts", *args, stdout=stdout)
    return stdout.getvalue()


def _left(drafts):
    kept = set(Assessment.objects.values_list("pk", flat=True))
    return sorted(name for name, assessment in drafts.items() if assessment.pk in kept)


def test_it_deletes_visitors_drafts_untouched_for_90_days_with_their_answers(drafts):
    output = purge()

    assert output.strip() == "Deleted 1 anonymous drafts untouched for 90 days."
    assert _left(drafts) == ["recent visitor draft", "stale member draft", "stale visitor report"]
    assert not Answer.objects.filter(assessment_id=drafts["stale visitor draft"].pk).exists()
    assert Answer.objects.count() == 3


def test_it_takes_another_number_of_days(drafts):
    output = purge("--days", "30")
    assert "Deleted 2 anonymous drafts untouched for 30 days." in output
    assert _left(drafts) == ["stale member draft", "stale visitor report"]


def test_a_dry_run_counts_and_deletes_nothing(drafts):
    output = purge("--dry-run", "--days", "30")
    assert output.strip() == "2 anonymous drafts untouched for 30 days would be deleted."
    assert len(_left(drafts)) == 4
    assert Answer.objects.count() == 4


@pytest.mark.parametrize("days", ["0", "-5"])
def test_it_refuses_fewer_than_one_day(drafts, days):
    with pytest.raises(CommandError):
        purge("--days", days)
    assert len(_left(drafts)) == 4


def test_answering_keeps_a_draft_alive(drafts):
    stale = drafts["stale visitor draft"]
    services.answers_save(
        assessment=stale, answers={Answer.objects.get(assessment=stale).item: (1, "")}
    )
    purge()
    assert "stale visitor draft" in _left(drafts)


def test_the_service_returns_how_many_it_deleted(drafts):
    cutoff = timezone.now() - timedelta(days=90)
    assert services.drafts_purge(older_than=cutoff, dry_run=True) == 1
    assert len(_left(drafts)) == 4
    assert services.drafts_purge(older_than=cutoff) == 1
    assert services.drafts_purge(older_than=cutoff) == 0
