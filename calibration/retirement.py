"""Questions that misbehave retire themselves: once a question has enough answers, its
figures (calibration.quality) are refreshed with every answer, and a flagged question is
withdrawn from selection. An admin may restore it: it is asked again and judged afresh
on the answers given after the restore.
"""

from django.conf import settings
from django.db.models import Count, F, Q
from django.utils import timezone

from calibration.models import CheckAnswer, CheckQuality
from calibration.quality import MIN_RESPONSES, quality_from_counts


def min_responses():
    return getattr(settings, "CALIBRATION_MIN_RESPONSES", MIN_RESPONSES)


def _counts(knowledge_check_id, since):
    answers = CheckAnswer.objects.filter(
        knowledge_check_id=knowledge_check_id, answered_at__isnull=False
    )
    if since is not None:
        answers = answers.filter(answered_at__gt=since)
    high, low = Q(rating__gte=F("probed_level")), Q(rating__lt=F("probed_level"))
    return answers.aggregate(
        high_total=Count("pk", filter=high),
        high_right=Count("pk", filter=high & Q(correct=True)),
        low_total=Count("pk", filter=low),
        low_right=Count("pk", filter=low & Q(correct=True)),
    )


def question_quality_refresh(*, knowledge_check_id, threshold=None, always=False):
    """Judge one question on its answers (since a restore); withdraw it when flagged.

    Writes nothing while the question has fewer answers than the threshold, unless
    `always` (the management command records every question's count)."""
    threshold = min_responses() if threshold is None else threshold
    kept = CheckQuality.objects.filter(knowledge_check_id=knowledge_check_id).first()
    if kept is not None and kept.withdrawn_at is not None and not always:
        return kept  # withdrawn: it gets no new answers until restored
    found = quality_from_counts(
        **_counts(knowledge_check_id, kept.restored_at if kept else None),
        min_responses=threshold,
    )
    if found.difficulty is None and not always:
        return kept
    now = timezone.now()
    kept = kept or CheckQuality(knowledge_check_id=knowledge_check_id)
    kept.responses = found.responses
    kept.difficulty = found.difficulty
    kept.discrimination = found.discrimination
    kept.flags = ",".join(found.flags)
    kept.computed_at = now
    if found.flags and kept.withdrawn_at is None:
        kept.withdrawn_at, kept.withdrawn_for = now, kept.flags
    kept.save()
    return kept


def question_restore(*, quality):
    """An admin puts a withdrawn question back; its count starts again now."""
    if quality.withdrawn_at is None:
        return quality
    quality.withdrawn_at = None
    quality.restored_at = timezone.now()
    quality.save(update_fields=["withdrawn_at", "restored_at"])
    return quality
