"""The gap report of a completed assessment: page, downloads and share links."""

from datetime import timedelta

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from assessments import access, services
from assessments.models import Assessment, ShareLink
from assessments.reporting.files import FORMATS, report_file
from assessments.reporting.page import page_parts
from assessments.reporting.plan import DEFAULT_HOURS_PER_WEEK
from assessments.reporting.viewing import ReportViewing
from cto_assess.private import private_response
from cto_assess.ratelimit import ratelimited
from plans.models import ActionProgress, ActionStatus, Plan

SHARE_TOKEN_KEY = "new_share_token"  # noqa: S105 (a session key name, not a secret)
RESUME_TOKEN_KEY = "resume_link_to_show"  # noqa: S105 (a session key name, not a secret)
SHARE_EXPIRY_DAYS = {"": None, "7": 7, "30": 30, "90": 90}


def _is_pdf(**kwargs):
    return kwargs.get("fmt") == "pdf"


_pdf_limited = ratelimited("pdf", methods=("GET", "HEAD"), when=_is_pdf)


def show_resume_link_once(request, assessment, token):
    request.session[RESUME_TOKEN_KEY] = {"id": str(assessment.pk), "token": token}


def resume_link_to_show(request, assessment):
    """The resume link, if it was just made for this assessment (shown once)."""
    pending = request.session.get(RESUME_TOKEN_KEY)
    if pending and pending["id"] == str(assessment.pk):
        del request.session[RESUME_TOKEN_KEY]
        return request.build_absolute_uri(reverse("assessments:resume", args=[pending["token"]]))
    return None


def _language(request):
    return "en" if request.LANGUAGE_CODE == "en" else "ja"


def _previous(assessment):
    """The owner's completed assessment before this one, for 'what moved'."""
    if assessment.owner_id is None:
        return None
    return (
        Assessment.objects.filter(
            owner_id=assessment.owner_id,
            status=Assessment.Status.COMPLETED,
            completed_at__lt=assessment.completed_at,
        )
        .order_by("-completed_at")
        .defer("snapshot")  # read only when its report is not cached yet
        .first()
    )


def _hours_per_week(assessment):
    """The time the person gives their development plan (the default until they choose)."""
    hours = Plan.objects.filter(assessment=assessment).values_list("hours_per_week", flat=True)
    return hours.first() or DEFAULT_HOURS_PER_WEEK


def _viewing(request, seen):
    """The report of `seen` (an access.Access) as its audience may see it."""
    sees = seen.sees
    if not sees.report or not seen.assessment.is_completed:
        raise Http404("The report exists once the assessment is submitted")
    return ReportViewing(
        assessment=seen.assessment,
        language=_language(request),
        show_notes=sees.notes,
        show_comparison=sees.comparison,
        previous=_previous(seen.assessment) if sees.comparison else None,
        hours_per_week=_hours_per_week(seen.assessment),
    )


def _plan_progress(previous):
    """What the person did of the plan of their previous assessment: (done items, total)."""
    if previous is None:
        return None
    progress = list(ActionProgress.objects.filter(plan__assessment=previous).select_related("item"))
    if not progress:
        return None
    done = [p.item.name for p in progress if p.status == ActionStatus.DONE]
    return {"done": done, "tracked": len(progress)}


def _completed_for(request, assessment_id):
    seen = access.access_for(request, assessment_id)
    if not seen.assessment.is_completed:
        raise Http404("The report exists once the assessment is submitted")
    return seen


def report_page(request, seen):
    """The report page of the person's own completed assessment (seen: an access.Access)."""
    assessment = seen.assessment
    viewing = _viewing(request, seen)
    page = page_parts(viewing)
    pending = request.session.pop(SHARE_TOKEN_KEY, None)
    new_share_url = None
    if pending and pending["id"] == str(assessment.pk):
        new_share_url = request.build_absolute_uri(
            reverse("shared_report", args=[pending["token"]])
        )
    now = timezone.now()
    links = [link for link in assessment.share_links.all() if link.is_live(now)]
    return render(
        request,
        "assessments/report.html",
        {
            "assessment": assessment,
            "page": page,
            "is_owner_view": seen.sees.manage,
            "share_links": links,
            "new_share_url": new_share_url,
            "previous_plan": _plan_progress(viewing.compared_with),
            "resume_url": resume_link_to_show(request, assessment) if seen.sees.manage else None,
            "downloads": {
                fmt: reverse("assessments:export", args=[assessment.pk, fmt]) for fmt in FORMATS
            },
        },
    )


def _file_response(fmt, viewing):
    content_type, filename, content = report_file(fmt, viewing)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
@_pdf_limited
def export(request, assessment_id, fmt):
    return _file_response(fmt, _viewing(request, access.access_for(request, assessment_id)))


@require_POST
@ratelimited("share")
def share_create(request, assessment_id):
    seen = _completed_for(request, assessment_id)
    choice = request.POST.get("expires_in_days", "")
    if choice not in SHARE_EXPIRY_DAYS:
        messages.error(request, _("Choose how long the link should work."))
        response = report_page(request, seen)
        response.status_code = 400
        return response
    days = SHARE_EXPIRY_DAYS[choice]
    expires_at = timezone.now() + timedelta(days=days) if days else None
    token = services.share_link_create(assessment=seen.assessment, expires_at=expires_at)[1]
    request.session[SHARE_TOKEN_KEY] = {"id": str(seen.assessment.pk), "token": token}
    messages.success(request, _("Your share link is ready. Copy it now: it is shown only once."))
    return redirect(reverse("assessments:detail", args=[seen.assessment.pk]) + "#share")


@require_POST
def share_revoke(request, assessment_id, link_id):
    assessment = _completed_for(request, assessment_id).assessment
    link = get_object_or_404(ShareLink, pk=link_id, assessment=assessment)
    services.share_link_revoke(link=link)
    messages.success(request, _("The share link was revoked: it no longer opens your report."))
    return redirect(reverse("assessments:detail", args=[assessment.pk]) + "#share")


@require_safe
@private_response
def shared_report(request, token):
    """The read-only report behind a share link: the parts a share viewer sees."""
    seen = access.access_by_share_token(token)
    return render(
        request,
        "assessments/report.html",
        {
            "assessment": seen.assessment,
            "page": page_parts(_viewing(request, seen)),
            "is_owner_view": seen.sees.manage,
            "downloads": {fmt: reverse("shared_export", args=[token, fmt]) for fmt in FORMATS},
        },
    )


@require_safe
@private_response
@_pdf_limited
def shared_export(request, token, fmt):
    return _file_response(fmt, _viewing(request, access.access_by_share_token(token)))
