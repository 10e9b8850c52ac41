"""The knowledge check: an introduction, then one question per page, each answered once;
each next question is put when the one before is answered (calibration.adaptive).

Only the person the assessment is about reaches these pages (anyone else: 404), and only
once the assessment is completed. Every page works without JavaScript.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from assessments import access
from calibration import services
from calibration.adaptive import question_range
from calibration.models import FIRST_EDITION, CheckAnswer, CheckSitting
from calibration.verdicts import minutes_for, verdict
from content.knowledge_checks import CHOICES_PER_CHECK


def _own_completed(request, assessment_id):
    seen = access.access_for(request, assessment_id)
    if not seen.sees.manage or not seen.assessment.is_completed:
        raise Http404("The knowledge check exists once the assessment is submitted")
    return seen.assessment


def _next_open(sitting):
    return (
        CheckAnswer.objects.filter(sitting=sitting, answered_at__isnull=True)
        .order_by("position")
        .values_list("position", flat=True)
        .first()
    )


@require_http_methods(["GET", "HEAD", "POST"])
def check(request, assessment_id):
    """GET: what the check is (or where it stands); POST: start it, or go on with it."""
    assessment = _own_completed(request, assessment_id)
    sitting = CheckSitting.objects.filter(assessment=assessment).first()
    if request.method == "POST":
        sitting = services.sitting_start(assessment=assessment)
        position = _next_open(sitting)
        if position is None:
            return redirect(_report_url(assessment))
        return redirect("calibration:question", assessment.pk, position)
    fewest = most = answered = 0
    finished = False
    if sitting is None:
        fewest, most = question_range(*services.check_plan(assessment))
    else:
        counts = list(CheckAnswer.objects.filter(sitting=sitting).values_list("answered_at"))
        answered = sum(1 for (at,) in counts if at is not None)
        if sitting.edition == FIRST_EDITION:
            fewest = most = len(counts)
            finished = answered == len(counts)
        else:
            fewest = most = len(counts)
            finished = sitting.finished_at is not None
            if not finished:  # the answers decide how many more: say the most it can be
                most = max(most, question_range(*services.check_plan(assessment))[1])
    return render(
        request,
        "calibration/check.html",
        {
            "assessment": assessment,
            "sitting": sitting,
            "first_edition": sitting is not None and sitting.edition == FIRST_EDITION,
            "offered": most,
            "fewest": fewest,
            "answered": answered,
            "finished": finished,
            "minutes": minutes_for(most - answered),
            "choices": CHOICES_PER_CHECK,
            "report_url": _report_url(assessment),
        },
    )


def _report_url(assessment):
    return reverse("assessments:detail", args=[assessment.pk]) + "#calibration"


@require_http_methods(["GET", "HEAD", "POST"])
def question(request, assessment_id, position):
    assessment = _own_completed(request, assessment_id)
    answer = (
        CheckAnswer.objects.filter(sitting__assessment=assessment, position=position)
        .select_related("knowledge_check", "item", "choice", "sitting")
        .first()
    )
    if answer is None:
        raise Http404("No such question in this knowledge check")
    status, error = 200, None
    if request.method == "POST":
        chosen = request.POST.get("choice", "")
        if not chosen:
            error = _("Choose one answer.")
        elif not chosen.isdigit():
            status, error = 400, _("That answer is not one of this question's choices.")
        else:
            try:
                answer = services.check_answer(answer=answer, choice_id=int(chosen))
            except services.AlreadyAnswered:
                status = 409
                messages.warning(
                    request, _("You answered this question before; your first answer stands.")
                )
                answer.refresh_from_db()
            except services.NotAChoiceOfTheQuestion:
                status, error = 400, _("That answer is not one of this question's choices.")
            else:
                return redirect("calibration:question", assessment.pk, position)
    return _question_page(request, assessment, answer, status=status, error=error)


def _question_page(request, assessment, answer, *, status, error):
    positions = list(
        CheckAnswer.objects.filter(sitting_id=answer.sitting_id)
        .order_by("position")
        .values_list("position", "answered_at", "item_id", "probed_level")
    )
    choices = shown_in_order(answer, answer.knowledge_check.choices.all())
    following, follow_up_level = None, None
    for position, at, item_id, level in positions:
        if at is None and position != answer.position:
            following = position
            # The next question asks about this item again (calibration.adaptive): say so.
            if answer.is_answered and item_id == answer.item_id:
                follow_up_level = level
            break
    adaptive = answer.sitting.edition != FIRST_EDITION
    total = len(positions)
    if adaptive and answer.sitting.finished_at is None:
        # Not finished: more may follow; the bar runs to the most the check can ask.
        total = max(total, question_range(*services.check_plan(assessment))[1])
    found = (
        verdict(answer.rating, answer.probed_level, answer.correct) if answer.is_answered else None
    )
    return render(
        request,
        "calibration/question.html",
        {
            "assessment": assessment,
            "answer": answer,
            "item_name": answer.item.name,
            "choices": choices,
            "best": next((c for c in choices if c.correct), None) if answer.is_answered else None,
            "verdict": found,
            "error": error,
            "total": total,
            "adaptive": adaptive,
            "answered": sum(1 for _, at, _, _ in positions if at is not None),
            "next_position": following,
            "follow_up_level": follow_up_level,
            "report_url": _report_url(assessment),
        },
        status=status,
    )


def shown_in_order(answer, choices):
    """The choices in the order this answer shows them (stored when it was put)."""
    shown = {order: place for place, order in enumerate(answer.choice_order)}
    return sorted(choices, key=lambda c: (shown.get(c.order, len(shown)), c.order))
