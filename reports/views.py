"""The gap report of a completed assessment: page, downloads and share links."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from assessments import access, selectors, services
from assessments.models import ShareLink
from assessments.views.keeping import pop_token
from calibration.report_section import section as calibration_section
from cto_assess.errors import service_unavailable
from cto_assess.private import private_response
from cto_assess.ratelimit import over_limit, ratelimited, too_many_requests
from plans.models import ActionProgress, ActionStatus
from reports.files import download_urls, report_file
from reports.page import served_page
from reports.tasks import (
    pdf_queued,
    pdf_ready,
    pdf_requested,
    pdf_requested_on_commit,
    pdf_unkeepable,
)
from reports.viewing import viewing_for

SHARE_TOKEN_KEY = "new_share_token"  # noqa: S105 (a session key name, not a secret)


@dataclass(frozen=True)
class ExpiryChoice:
    value: str  # what the form posts
    days: int | None  # None: until the owner revokes it
    label: str
    is_default: bool = False


# How long a new share link works: the form's choices and what the view accepts.
SHARE_EXPIRY = (
    ExpiryChoice("7", 7, gettext_lazy("7 days")),
    ExpiryChoice("30", 30, gettext_lazy("30 days"), is_default=True),
    ExpiryChoice("90", 90, gettext_lazy("90 days")),
    ExpiryChoice("", None, gettext_lazy("Until I revoke it")),
)
SHARE_EXPIRY_DAYS = {choice.value: choice.days for choice in SHARE_EXPIRY}
PREPARING_REFRESH_SECONDS = 3


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


def _pdf_state(viewing):
    """ "ready" (a download), "preparing" (queued for the worker) or "" (drawn when asked)."""
    if pdf_ready(viewing):
        return "ready"
    return "preparing" if pdf_queued(viewing) else ""


def detail(request, assessment_id):
    """A draft goes on where it stopped; a completed assessment shows its report."""
    seen = access.access_for(request, assessment_id)
    assessment = seen.assessment
    if not assessment.is_completed:
        return redirect("assessments:step", assessment.pk, selectors.first_open_step(assessment))
    return report_page(request, seen)


def report_page(request, seen):
    """The report page of the person's own completed assessment (seen: an access.Access)."""
    assessment = seen.assessment
    viewing = viewing_for(request, seen)
    check_started = calibration_section.has_started(viewing.states.get(calibration_section.key))
    pending = request.session.pop(SHARE_TOKEN_KEY, None)
    new_share_url = None
    if pending and pending["id"] == str(assessment.pk):
        new_share_url = request.build_absolute_uri(
            reverse("shared_report", args=[pending["token"]])
        )
    now = timezone.now()
    links = [link for link in assessment.share_links.all() if link.is_live(now)]
    resume_url = pop_token(request, assessment) if assessment.owner_id is None else None
    return served_page(
        request,
        viewing,
        "assessments/report.html",
        {
            "assessment": assessment,
            "colleagues": viewing.colleagues,
            "is_owner_view": seen.sees.manage,
            "check_started": check_started,
            "share_links": links,
            "share_expiry": SHARE_EXPIRY,
            "new_share_url": new_share_url,
            "previous_plan": _plan_progress(viewing.compared_with),
            "pdf_state": _pdf_state(viewing),
            "resume_url": resume_url,
            "downloads": download_urls(
                [assessment.pk],
                report_view="assessments:export",
                table_view="assessments:table_export",
            ),
        },
        shown_once=bool(new_share_url or resume_url),
    )


def _pdf_wait(request, viewing):
    """Seconds to wait if this request would queue a drawing past the PDF rate limit.
    Only a request that queues one counts: serving a drawn PDF, or the "being prepared"
    page reloading while one waits for the worker, costs the person nothing."""
    if pdf_ready(viewing) or pdf_queued(viewing):
        return None
    return over_limit(request, "pdf")


def _file_response(request, fmt, viewing, report_url):
    if fmt == "pdf" and (wait := _pdf_wait(request, viewing)) is not None:
        return too_many_requests(wait)
    if fmt == "pdf" and not pdf_requested(viewing):
        if pdf_unkeepable(viewing):
            # The files cache is away (Redis down): no drawing could reach this request.
            return service_unavailable(
                message=_(
                    "The PDF cannot be prepared right now. Your report is safe: the page "
                    "and the other downloads work. Please try again in a minute."
                )
            )
        # Queued for the worker: a page that says so and asks again by itself.
        response = render(
            request, "assessments/pdf_preparing.html", {"report_url": report_url}, status=202
        )
        response["Refresh"] = str(PREPARING_REFRESH_SECONDS)
        response["Retry-After"] = str(PREPARING_REFRESH_SECONDS)
        return response
    content_type, filename, content = report_file(fmt, viewing)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def export(request, assessment_id, fmt):
    viewing = viewing_for(request, access.access_for(request, assessment_id))
    report_url = reverse("assessments:detail", args=[assessment_id])
    return _file_response(request, fmt, viewing, report_url)


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
    token = services.share_link_create(
        assessment=seen.assessment,
        expires_at=expires_at,
        show_colleagues=request.POST.get("show_colleagues") == "on",
    )[1]
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


def _display_name(user_id):
    """The owner's display name if they chose one; never their username or email."""
    if user_id is None:
        return ""
    names = get_user_model().objects.filter(pk=user_id).values_list("profile__display_name")
    return next((name for (name,) in names if name), "")


@require_safe
@private_response
def shared_report(request, token):
    """The read-only report behind a share link: the parts a share viewer sees."""
    seen = access.access_by_share_token(token)
    viewing = viewing_for(request, seen)
    response = served_page(
        request,
        viewing,
        "assessments/report.html",
        {
            "assessment": seen.assessment,
            "pdf_state": _pdf_state(viewing),
            "colleagues": viewing.colleagues,
            "is_owner_view": seen.sees.manage,
            "is_shared": True,
            "shared_by": _display_name(seen.assessment.owner_id),
            "downloads": download_urls(
                [token], report_view="shared_export", table_view="shared_table_export"
            ),
        },
    )
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
@private_response
def shared_export(request, token, fmt):
    viewing = viewing_for(request, access.access_by_share_token(token))
    return _file_response(request, fmt, viewing, reverse("shared_report", args=[token]))


def queue_pdf(sender, *, request, assessment, **kwargs):
    """Queue the new report's PDF for the task worker, so the first download is ready
    (a receiver of assessments.signals.assessment_submitted)."""
    if settings.REPORT_WARM_ON_COMPLETE:
        pdf_requested_on_commit(viewing_for(request, access.access_for(request, assessment.pk)))
