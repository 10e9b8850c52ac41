"""The owner's side of a colleagues' round: open it, invite, copy, re-issue, revoke, close.

Only the person the assessment is about (member or visitor session) reaches these pages;
anyone else gets a 404 (assessments.access). The list of links shows each one's
relationship and dates, never whether it was answered (only how many were).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from assessments import access
from colleagues import kept_links, selectors, services
from colleagues.forms import InvitationForm, RoundOpenForm
from colleagues.models import Invitation
from cto_assess.ratelimit import over_limit, ratelimited, too_many_requests
from cto_assess.text import one_line


def _owned_report(request, assessment_id):
    """The person's own completed assessment; else Http404."""
    seen = access.access_for(request, assessment_id)
    if not seen.sees.manage or not seen.assessment.is_completed:
        raise Http404("Colleagues rate a completed assessment of one's own")
    return seen.assessment


def _manage_url(assessment, anchor=""):
    return reverse("colleagues:manage", args=[assessment.pk]) + anchor


def invitation_url(request, token):
    return request.build_absolute_uri(reverse("colleague_rate", args=[token]))


def _page(request, assessment, *, open_form=None, invite_form=None, status=200):
    round_ = selectors.round_of(assessment)
    context = {"assessment": assessment, "round": round_}
    if round_ is None:
        rateable = services.rateable_items(assessment)
        context["open_form"] = open_form or RoundOpenForm(
            rateable=rateable, initial={"items": services.default_item_slugs(assessment)}
        )
        context["min_items"] = services.MIN_ITEMS
    else:
        now = timezone.now()
        invitations = list(round_.invitations.all())
        live = [i for i in invitations if round_.is_open and i.is_live(now)]
        to_copy = kept_links.links_to_copy(
            request.session, assessment=assessment, live_ids={i.pk for i in live}
        )
        context.update(
            items=selectors.round_items(round_),
            # Newest first: the link just made is at the top, beside the form that made it.
            live_links=[
                (i, invitation_url(request, to_copy[i.pk]) if i.pk in to_copy else None)
                for i in reversed(live)
            ],
            ended_links=[i for i in reversed(invitations) if i not in live],
            # The same counts as selectors.invitation_counts, from the list already read.
            invited=len(invitations),
            answered=sum(1 for i in invitations if i.used),
            now=now,
            invitation_days=services.INVITATION_DAYS,
            max_invitations=services.MAX_INVITATIONS,
            invite_form=invite_form or InvitationForm(),
        )
    return render(request, "colleagues/manage.html", context, status=status)


@require_safe
def manage(request, assessment_id):
    return _page(request, _owned_report(request, assessment_id))


@require_POST
def round_open(request, assessment_id):
    assessment = _owned_report(request, assessment_id)
    if selectors.round_of(assessment) is not None:
        return redirect(_manage_url(assessment))
    form = RoundOpenForm(request.POST, rateable=services.rateable_items(assessment))
    if form.is_valid():
        try:
            services.round_open(
                assessment=assessment,
                item_slugs=form.cleaned_data["items"],
                display_name=form.cleaned_data["display_name"],
            )
        except ValidationError as error:
            form.add_error("items", error)
    if not form.is_valid():
        return _page(request, assessment, open_form=form, status=400)
    messages.success(request, _("Your colleagues' round is open. Now invite them."))
    return redirect(_manage_url(assessment, "#invite"))


@require_POST
@ratelimited("invite")
def invitation_create(request, assessment_id):
    assessment = _owned_report(request, assessment_id)
    round_ = selectors.round_of(assessment)
    if round_ is None:
        raise Http404("No round to invite to")
    form = InvitationForm(request.POST)
    if not form.is_valid():
        return _page(request, assessment, invite_form=form, status=400)
    wait = over_limit(request, "invite_assessment", scope=f"assessment:{assessment.pk}")
    if wait is not None:
        return too_many_requests(wait)
    try:
        invitation, token = services.invitation_create(
            round_=round_, relationship=form.cleaned_data["relationship"]
        )
    except services.RoundClosed:
        messages.error(request, _("This round is closed: it takes no more invitations."))
        return redirect(_manage_url(assessment))
    except services.TooManyInvitations:
        form.add_error(
            None,
            _("A round has at most %(count)d links. Revoke one you no longer need first.")
            % {"count": services.MAX_INVITATIONS},
        )
        return _page(request, assessment, invite_form=form, status=400)
    email = form.cleaned_data["email"]
    if email:
        _send_invitation(round_, invitation, invitation_url(request, token), email)
        messages.success(request, _("We emailed the link to %(email)s.") % {"email": email})
    return _link_made(request, assessment, invitation, token)


def _link_made(request, assessment, invitation, token):
    kept_links.link_keep(request.session, assessment=assessment, invitation=invitation, token=token)
    messages.success(
        request,
        _("A new link (%(relationship)s) is at the top of the list: copy it and send it.")
        % {"relationship": invitation.get_relationship_display()},
    )
    return redirect(_manage_url(assessment, f"#invitation-{invitation.pk}"))


def _send_invitation(round_, invitation, url, email):
    """Email one invitation link; the address is not kept."""
    who = one_line(round_.display_name) or _("A colleague of yours")
    send_mail(
        subject=_("%(name)s asks for your view of their work") % {"name": who},
        message=_(
            "%(name)s took a self-assessment against a CTO skill matrix and would like to "
            "know how you see them, as their %(relationship)s.\n\n"
            "Open this link to rate a few items (about ten minutes, no account needed):\n\n"
            "%(link)s\n\n"
            "They only ever see averages of several colleagues, never who rated what. "
            "The link works once, until %(expires)s."
        )
        % {
            "name": who,
            "relationship": invitation.get_relationship_display().lower(),
            "link": url,
            "expires": timezone.localdate(invitation.expires_at).isoformat(),
        },
        from_email=None,
        recipient_list=[email],
    )


def _owned_invitation(request, assessment_id, invitation_id):
    assessment = _owned_report(request, assessment_id)
    invitation = get_object_or_404(Invitation, pk=invitation_id, round__assessment=assessment)
    return assessment, invitation


@require_POST
def invitation_revoke(request, assessment_id, invitation_id):
    assessment, invitation = _owned_invitation(request, assessment_id, invitation_id)
    services.invitation_revoke(invitation=invitation)
    kept_links.link_forget(request.session, assessment=assessment, invitation_id=invitation.pk)
    messages.success(request, _("The link was revoked: it no longer opens the rating form."))
    return redirect(_manage_url(assessment, "#invitations"))


@require_POST
@ratelimited("invite")
def invitation_reissue(request, assessment_id, invitation_id):
    """Revoke a live link and make a new one for the same relationship, to copy."""
    assessment, invitation = _owned_invitation(request, assessment_id, invitation_id)
    wait = over_limit(request, "invite_assessment", scope=f"assessment:{assessment.pk}")
    if wait is not None:
        return too_many_requests(wait)
    try:
        new, token = services.invitation_reissue(invitation=invitation)
    except (services.RoundClosed, services.InvitationUnusable):
        messages.error(request, _("This link no longer works, so it cannot be re-issued."))
        return _page(request, assessment, status=409)
    kept_links.link_forget(request.session, assessment=assessment, invitation_id=invitation.pk)
    return _link_made(request, assessment, new, token)


@require_POST
def invitation_copied(request, assessment_id, invitation_id):
    """The owner copied the link: this session stops keeping it (the copy button's call)."""
    assessment, invitation = _owned_invitation(request, assessment_id, invitation_id)
    kept_links.link_forget(request.session, assessment=assessment, invitation_id=invitation.pk)
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"kept": False})
    return redirect(_manage_url(assessment, f"#invitation-{invitation.pk}"))


@require_POST
def round_close(request, assessment_id):
    assessment = _owned_report(request, assessment_id)
    round_ = selectors.round_of(assessment)
    if round_ is None:
        raise Http404("No round to close")
    services.round_close(round_=round_)
    kept_links.links_to_copy(request.session, assessment=assessment, live_ids=set())
    messages.success(request, _("The round is closed: your colleagues' view is now final."))
    return redirect(reverse("assessments:detail", args=[assessment.pk]) + "#colleagues")
