"""Writes of the assessments app: every change to an assessment goes through here."""

from django.db import transaction
from django.utils import timezone

from assessments import signals
from assessments.models import Answer, Assessment, FrozenReport, ShareLink
from assessments.reporting.freeze import assessment_snapshot
from assessments.tokens import new_token
from content.models import Item


class AssessmentLocked(Exception):
    """The assessment is completed: its answers are frozen."""


class AssessmentIncomplete(Exception):
    """Some active items have no answer yet."""

    def __init__(self, missing_items):
        super().__init__(", ".join(item.slug for item in missing_items))
        self.missing_items = missing_items


@transaction.atomic
def assessment_start(*, owner, current_stage, target_stage, company_kind=None, answers_from=None):
    """Create a draft; return it with its resume token (shown once, never stored).

    `answers_from`: an earlier assessment of the same person whose answers (levels and
    notes, on items still active) the draft starts with.
    """
    token, token_hash = new_token()
    assessment = Assessment(
        owner=owner if owner and owner.is_authenticated else None,
        current_stage=current_stage,
        target_stage=target_stage,
        company_kind=company_kind,
        resume_token_hash=token_hash,
    )
    assessment.full_clean()
    assessment.save()
    if answers_from is not None:
        earlier = Answer.objects.filter(assessment=answers_from, item__active=True)
        Answer.objects.bulk_create(
            Answer(
                assessment=assessment,
                item_id=a.item_id,
                level=a.level,
                note=a.note,
                evidence=a.evidence,
            )
            for a in earlier
        )
    return assessment, token


@transaction.atomic
def assessment_rotate_token(*, assessment):
    """Give an assessment (draft or completed) a new resume link; the old one stops
    working."""
    token, assessment.resume_token_hash = new_token()
    assessment.save(update_fields=["resume_token_hash", "updated_at"])
    return token


def _lock(assessment):
    """Re-read the assessment under a row lock; refuse if it is completed."""
    locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if locked.is_completed:
        raise AssessmentLocked
    return locked


@transaction.atomic
def answers_save(*, assessment, answers):
    """Save the given answers: {item: (level, note[, evidence])}; items left out are untouched.

    Evidence is kept whatever the level (lowering a rating for a moment loses nothing);
    reports show it beside ratings of EVIDENCE_FROM_LEVEL and up.
    """
    locked = _lock(assessment)
    now = timezone.now()
    rows = []
    for item, (level, note, *evidence) in answers.items():
        kept = (evidence[0] or "") if evidence else ""
        rows.append(
            Answer(
                assessment=locked,
                item=item,
                level=level,
                note=note or "",
                evidence=kept,
                updated_at=now,
            )
        )
    for row in rows:
        row.full_clean(
            exclude=["assessment", "item"], validate_unique=False, validate_constraints=False
        )
    # One upsert for the whole step: an answer saved meanwhile by a concurrent request is
    # updated in place, so there is never a second row for the same item.
    Answer.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["assessment", "item"],
        update_fields=["level", "note", "evidence", "updated_at"],
    )
    locked.save(update_fields=["updated_at"])
    assessment.updated_at = locked.updated_at


def missing_items(assessment):
    """Active items the assessment has no answer for, in matrix order."""
    answered = Answer.objects.filter(assessment=assessment).values("item_id")
    return list(
        Item.objects.filter(active=True)
        .exclude(pk__in=answered)
        .order_by("category__order", "order")
    )


@transaction.atomic
def assessment_complete(*, assessment):
    """Freeze a fully answered draft. Raises AssessmentIncomplete or AssessmentLocked."""
    locked = _lock(assessment)
    missing = missing_items(locked)
    if missing:
        raise AssessmentIncomplete(missing)
    locked.snapshot = assessment_snapshot(locked)
    locked.status = Assessment.Status.COMPLETED
    locked.completed_at = timezone.now()
    locked.save(update_fields=["frozen_report", "status", "completed_at", "updated_at"])
    return locked


@transaction.atomic
def assessments_claim(*, assessment_ids, user):
    """Give a member the visitor drafts and reports they were working on. Each gets a new
    resume token that nobody is shown: the visitor's old links stop working, and the
    member finds the assessment on their dashboard."""
    claimed = list(
        Assessment.objects.select_for_update().filter(pk__in=assessment_ids, owner__isnull=True)
    )
    now = timezone.now()
    for assessment in claimed:
        assessment.owner, assessment.updated_at = user, now
        assessment.resume_token_hash = new_token()[1]
        assessment.save(update_fields=["owner", "resume_token_hash", "updated_at"])
    return len(claimed)


def _dependants_delete(assessments):
    """What the apps built on assessments keep of these (plans, rounds, checks, shares):
    each deletes its own, told by the signal, as nothing cascades on purpose."""
    signals.assessments_deleting.send(sender=Assessment, assessments=assessments)


@transaction.atomic
def assessment_delete(*, assessment):
    """Delete an assessment, its answers, share links and plan, on purpose (nothing cascades);
    every organisation it was shared with stops seeing it."""
    _dependants_delete(Assessment.objects.filter(pk=assessment.pk))
    ShareLink.objects.filter(assessment=assessment).delete()
    Answer.objects.filter(assessment=assessment).delete()
    frozen_report_id = assessment.frozen_report_id
    assessment.delete()
    FrozenReport.objects.filter(pk=frozen_report_id).delete()


@transaction.atomic
def assessments_delete_of_owner(*, owner):
    """Delete every assessment of a member, with answers, share links and plans (erasure)."""
    owned = Assessment.objects.filter(owner=owner)
    _dependants_delete(owned)
    ShareLink.objects.filter(assessment__in=owned).delete()
    Answer.objects.filter(assessment__in=owned).delete()
    frozen_report_ids = list(owned.values_list("frozen_report_id", flat=True))
    owned.delete()
    FrozenReport.objects.filter(pk__in=frozen_report_ids).delete()


@transaction.atomic
def drafts_purge(*, older_than, dry_run=False):
    """Delete anonymous drafts untouched since `older_than`; return how many."""
    stale = Assessment.objects.filter(
        owner__isnull=True, status=Assessment.Status.DRAFT, updated_at__lt=older_than
    )
    count = stale.count()
    if not dry_run:
        Answer.objects.filter(assessment__in=stale).delete()
        stale.delete()
    return count


@transaction.atomic
def share_link_create(*, assessment, expires_at=None, show_colleagues=False):
    """A new read-only link to a completed report; returns (link, token shown once)."""
    if not assessment.is_completed:
        raise AssessmentIncomplete([])
    token, token_hash = new_token()
    link = ShareLink.objects.create(
        assessment=assessment,
        token_hash=token_hash,
        expires_at=expires_at,
        show_colleagues=show_colleagues,
    )
    return link, token


@transaction.atomic
def share_link_revoke(*, link):
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
