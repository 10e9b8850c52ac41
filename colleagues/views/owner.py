"""The owner's side of a colleagues' round: open it, invite, revoke, close.

Only the person the assessment is about (member or visitor session) reaches these pages;
anyone else gets a 404 (assessments.access).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from assessments import access
from colleagues import selectors, services
from colleagues.forms import InvitationForm, RoundOpenForm
from colleagues.models import Invitation
from cto_assess.ratelimit import over_limit, ratelimited, too_many_requests
from cto_assess.text import one_line

NEW_LINK_KEY = "new_invitation_link"  # the link just made, shown once on the round's page


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
        pending = request.session.pop(NEW_LINK_KEY, None)
        context.update(
            items=selectors.round_items(round_),
            invitations=invitations,
            # The same counts as selectors.invitation_counts, from the list already read.
            invited=len(invitations),
            answered=sum(1 for i in invitations if i.used),
            now=now,
            max_invitations=services.MAX_INVITATIONS,
            invite_form=invite_form or InvitationForm(),
            new_link=pending["url"] if pending and pending["id"] == str(assessment.pk) else None,
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
    url = invitation_url(request, token)
    email = form.cleaned_data["email"]
    if email:
        _send_invitation(round_, invitation, url, email)
        messages.success(request, _("We emailed the link to %(email)s.") % {"email": email})
    request.session[NEW_LINK_KEY] = {"id": str(assessment.pk), "url": url}
    return redirect(_manage_url(assessment, "#new-link"))


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


@require_POST
def invitation_revoke(request, assessment_id, invitation_id):
    assessment = _owned_report(request, assessment_id)
    invitation = get_object_or_404(Invitation, pk=invitation_id, round__assessment=assessment)
    services.invitation_revoke(invitation=invitation)
    messages.success(request, _("The link was revoked: it no longer opens the rating form."))
    return redirect(_manage_url(assessment, "#invitations"))


@require_POST
def round_close(request, assessment_id):
    assessment = _owned_report(request, assessment_id)
    round_ = selectors.round_of(assessment)
    if round_ is None:
        raise Http404("No round to close")
    services.round_close(round_=round_)
    messages.success(request, _("The round is closed: your colleagues' view is now final."))
    return redirect(reverse("assessments:detail", args=[assessment.pk]) + "#colleagues")
