"""The gap report of a completed assessment: page, downloads and share links."""

from datetime import timedelta

from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from assessments import access, services
from assessments.exports import CACHE_SECONDS, export_file, export_filename
from assessments.models import Assessment, ShareLink
from assessments.report import build_report
from assessments.tokens import hash_token

SHARE_TOKEN_KEY = "new_share_token"  # noqa: S105 (a session key name, not a secret)
SHARE_EXPIRY_DAYS = {"": None, "7": 7, "30": 30, "90": 90}
FORMATS = ("pdf", "csv", "json")


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


def _completed_for(request, assessment_id):
    assessment = access.get_assessment_for(request, assessment_id)
    if not assessment.is_completed:
        raise Http404("The report exists once the assessment is submitted")
    return assessment


def _cache_key(assessment, previous):
    """What a report's page and files depend on: the report and the one it is compared to."""
    return f"{assessment.pk}:{previous.pk if previous else '-'}"


def frozen_page(assessment, *, language, previous, owner_view, cache_key):
    """The parts of the report page that never change, rendered once and then cached.

    A completed report is frozen, so only the person around it (messages, share links,
    forms) is rendered for every request.
    """
    key = f"report-page:v1:{cache_key}:{language}:{int(owner_view)}"
    page = cache.get(key)
    if page is None:
        report = build_report(assessment, language=language, previous=previous)
        page = {
            "stage_name": report.target_stage.name,
            "completed_at": report.completed_at,
            "filenames": {fmt: export_filename(report, fmt) for fmt in FORMATS},
            # Safe HTML from our template; it stays marked safe through the cache's pickling.
            "body": render_to_string(
                "assessments/report/_body.html",
                {"report": report, "show_notes": owner_view, "is_owner_view": owner_view},
            ),
        }
        cache.set(key, page, CACHE_SECONDS)
    return page


def report_page(request, assessment):
    previous = _previous(assessment)
    page = frozen_page(
        assessment,
        language=_language(request),
        previous=previous,
        owner_view=True,
        cache_key=_cache_key(assessment, previous),
    )
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
            "is_owner_view": True,
            "share_links": links,
            "new_share_url": new_share_url,
            "downloads": {
                fmt: reverse("assessments:export", args=[assessment.pk, fmt]) for fmt in FORMATS
            },
        },
    )


def _file_response(fmt, *, report, language, show_notes, cache_key):
    content_type, filename, content = export_file(
        fmt, report=report, language=language, show_notes=show_notes, cache_key=cache_key
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def export(request, assessment_id, fmt):
    assessment = _completed_for(request, assessment_id)
    previous = _previous(assessment)
    language = _language(request)
    return _file_response(
        fmt,
        report=lambda: build_report(assessment, language=language, previous=previous),
        language=language,
        show_notes=True,
        cache_key=_cache_key(assessment, previous),
    )


@require_POST
def share_create(request, assessment_id):
    assessment = _completed_for(request, assessment_id)
    choice = request.POST.get("expires_in_days", "")
    if choice not in SHARE_EXPIRY_DAYS:
        messages.error(request, _("Choose how long the link should work."))
        response = report_page(request, assessment)
        response.status_code = 400
        return response
    days = SHARE_EXPIRY_DAYS[choice]
    expires_at = timezone.now() + timedelta(days=days) if days else None
    token = services.share_link_create(assessment=assessment, expires_at=expires_at)[1]
    request.session[SHARE_TOKEN_KEY] = {"id": str(assessment.pk), "token": token}
    messages.success(request, _("Your share link is ready. Copy it now: it is shown only once."))
    return redirect(reverse("assessments:detail", args=[assessment.pk]) + "#share")


@require_POST
def share_revoke(request, assessment_id, link_id):
    assessment = _completed_for(request, assessment_id)
    link = get_object_or_404(ShareLink, pk=link_id, assessment=assessment)
    services.share_link_revoke(link=link)
    messages.success(request, _("The share link was revoked: it no longer opens your report."))
    return redirect(reverse("assessments:detail", args=[assessment.pk]) + "#share")


def _shared_assessment(token):
    link = (
        ShareLink.objects.select_related("assessment")
        .defer("assessment__snapshot")  # read only when the report is not cached yet
        .filter(token_hash=hash_token(token))
        .first()
    )
    if link is None or not link.is_live(timezone.now()):
        raise Http404("No such report")
    return link.assessment


def shared_report(request, token):
    """The read-only report behind a share link: no notes, no owner, no comparison."""
    assessment = _shared_assessment(token)
    page = frozen_page(
        assessment,
        language=_language(request),
        previous=None,
        owner_view=False,
        cache_key=f"{assessment.pk}:shared",
    )
    return render(
        request,
        "assessments/report.html",
        {
            "assessment": assessment,
            "page": page,
            "is_owner_view": False,
            "downloads": {fmt: reverse("shared_export", args=[token, fmt]) for fmt in FORMATS},
        },
    )


def shared_export(request, token, fmt):
    assessment = _shared_assessment(token)
    language = _language(request)
    return _file_response(
        fmt,
        report=lambda: build_report(assessment, language=language),
        language=language,
        show_notes=False,
        cache_key=f"{assessment.pk}:shared",
    )
