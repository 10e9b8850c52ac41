"""Writes to a person's development plan: hours, progress, the date to assess again."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from plans.models import ActionProgress, ActionStatus, Plan


def plan_for(assessment):
    """The person's plan of a completed assessment, created (3 hours a week) on first use."""
    if not assessment.is_completed:
        raise ValueError("Only a completed assessment has a development plan.")
    plan, _created = Plan.objects.get_or_create(
        assessment=assessment, defaults={"started_on": timezone.localdate()}
    )
    return plan


def plan_hours_set(*, plan, hours_per_week):
    plan.hours_per_week = hours_per_week
    plan.full_clean()
    plan.save(update_fields=["hours_per_week", "updated_at"])


def _not_in_the_past(day, field):
    if day is not None and day < timezone.localdate():
        raise ValidationError({field: _("Choose today or a later date.")})


@transaction.atomic
def progress_update(*, plan, item, status, target_date=None, note=""):
    """Record where the person stands on the plan's action for `item`."""
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Choose to do, doing or done.")})
    _not_in_the_past(target_date, "target_date")
    progress, _created = ActionProgress.objects.select_for_update().get_or_create(
        plan=plan, item=item
    )
    progress.status, progress.target_date, progress.note = status, target_date, note
    progress.full_clean()
    progress.save()
    return progress


def reassess_set(*, plan, day):
    """The date the person means to assess again; a reminder goes out that day."""
    _not_in_the_past(day, "reassess_on")
    plan.reassess_on = day
    plan.reminder_sent_at = None
    plan.save(update_fields=["reassess_on", "reminder_sent_at", "updated_at"])


def plans_delete(*, assessments):
    """Delete the plans of these assessments with their progress (the assessments' erasure)."""
    ActionProgress.objects.filter(plan__assessment__in=assessments).delete()
    Plan.objects.filter(assessment__in=assessments).delete()


def _language_of(user):
    profile = getattr(user, "profile", None)
    preferred = getattr(profile, "preferred_language", "") or ""
    return preferred or settings.LANGUAGE_CODE


def reminders_send(*, today=None, base_url=""):
    """Email every member whose date to assess again has come; return how many were sent.

    Each plan is reminded once per date (setting a new date arms it again). Visitors have
    no address, so only members' plans are reminded.
    """
    today = today or timezone.localdate()
    due = (
        Plan.objects.filter(
            reassess_on__lte=today,
            reminder_sent_at__isnull=True,
            assessment__owner__isnull=False,
        )
        .exclude(assessment__owner__email="")
        .select_related("assessment__owner__profile", "assessment__target_stage")
    )
    sent = 0
    for plan in due:
        owner = plan.assessment.owner
        with translation.override(_language_of(owner)):
            start = base_url + reverse("assessments:start")
            plan_url = base_url + reverse("plans:plan", args=[plan.assessment_id])
            send_mail(
                subject=_("CTO Assess: time to assess yourself again"),
                message=_(
                    "You planned to assess yourself again today, towards %(stage)s.\n\n"
                    "Your plan: %(plan)s\nStart a new assessment (it can start from your "
                    "last answers): %(start)s\n"
                )
                % {"stage": plan.assessment.target_stage.name, "plan": plan_url, "start": start},
                from_email=None,
                recipient_list=[owner.email],
            )
        plan.reminder_sent_at = timezone.now()
        plan.save(update_fields=["reminder_sent_at"])
        sent += 1
    return sent
