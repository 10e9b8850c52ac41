"""A colleague's side: the rating form behind an invitation link, without an account.

An unknown link is a 404; a link that was used, revoked, has expired or whose round is
closed says so with a 410. The colleague never sees the owner's own ratings.
"""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from assessments.tokens import hash_token
from colleagues import services
from colleagues.forms import RatingForm
from colleagues.models import Invitation, Relationship, RoundItem
from content.models import RubricLevel
from cto_assess.private import private_response


def _invitation(token):
    invitation = (
        Invitation.objects.select_related("round").filter(token_hash=hash_token(token)).first()
    )
    if invitation is None:
        raise Http404("No such invitation")
    return invitation


def _ended(request, state):
    return render(request, "colleagues/link_ended.html", {"state": state}, status=410)


def _form(invitation, data=None):
    items = [
        line.item
        for line in RoundItem.objects.filter(round=invitation.round)
        .select_related("item")
        .order_by("order")
    ]
    rubrics = {
        (level.item_id, level.level): level.text
        for level in RubricLevel.objects.filter(item__in=items)
    }
    return RatingForm(
        data,
        items=items,
        rubrics=rubrics,
        is_manager=invitation.relationship == Relationship.MANAGER,
    )


def _form_page(request, invitation, form, status=200, error=None):
    context = {
        "invitation": invitation,
        "owner_name": invitation.round.display_name,
        "form": form,
        "error": error,
    }
    return render(request, "colleagues/rate.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@private_response
def rate(request, token):
    invitation = _invitation(token)
    state = services.invitation_state(invitation, timezone.now())
    if state != "live":
        return _ended(request, state)
    if request.method != "POST":
        return _form_page(request, invitation, _form(invitation))
    form = _form(invitation, request.POST)
    if form.unexpected_items():
        error = _("Not saved: some ratings were for items this round does not ask about.")
        return _form_page(request, invitation, form, status=400, error=error)
    if not form.is_valid():
        error = _("Not saved yet: please choose an answer for every item.")
        return _form_page(request, invitation, form, status=400, error=error)
    try:
        services.rating_submit(
            token=token,
            levels=form.levels(),
            comment=form.cleaned_data["comment"],
            manager_consent=form.cleaned_data.get("manager_consent", False),
        )
    except services.InvitationUnusable as unusable:
        return _ended(request, unusable.reason)
    except ValidationError as refused:
        return _form_page(request, invitation, form, status=400, error=" ".join(refused.messages))
    return redirect("colleague_rate", token=token)
