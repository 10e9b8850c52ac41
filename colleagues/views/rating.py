"""A colleague's side: the rating form behind an invitation link, without an account.

What a link shows must not tell the owner which links were answered. So a used, revoked
or expired link, one of a closed round and an unknown one all answer the same 404 page,
to everyone but the rater who has just used it (their session, and only theirs, keeps a
keyed digest of the link, never the hash the invitation is stored under, and is
thanked). The owner of the round, by account or by the visitor's session, is refused
every link of it (403, saying why): they cannot rate themselves into their colleagues'
figures, nor see from a link whether it was used. The colleague never sees the owner's
own ratings.
"""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from assessments import access
from assessments.tokens import hash_token
from colleagues import services
from colleagues.forms import RatingForm
from colleagues.models import Invitation, Relationship, RoundItem
from content.models import RubricLevel
from cto_assess.private import private_response

RATED_KEY = "colleague_links_rated"  # digests of the links this session just used
RATED_KEPT = 5


def _invitation(token):
    return (
        Invitation.objects.select_related("round__assessment")
        .filter(token_hash=hash_token(token))
        .first()
    )


def _rated_digest(token):
    # Keyed and salted apart from hash_token: the session cannot be matched to the
    # invitation row by anyone reading the tables.
    return salted_hmac("colleagues.rated-link", token).hexdigest()[:32]


def _remember_rated(request, token):
    kept = request.session.get(RATED_KEY, [])
    request.session[RATED_KEY] = [*kept, _rated_digest(token)][-RATED_KEPT:]


def _just_rated(request, token):
    return _rated_digest(token) in request.session.get(RATED_KEY, [])


def _unavailable(request):
    """One answer for every link that takes no rating, whatever the reason."""
    return render(request, "colleagues/link_ended.html", {"state": "unavailable"}, status=404)


def _thanks(request):
    return render(request, "colleagues/link_ended.html", {"state": "used"})


def _own_round(request):
    return render(request, "colleagues/own_round.html", status=403)


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
    if invitation is not None and access.audience_of(request, invitation.round.assessment):
        return _own_round(request)
    if invitation is not None and invitation.used and _just_rated(request, token):
        return _thanks(request)
    if invitation is None or services.invitation_state(invitation, timezone.now()) != "live":
        return _unavailable(request)
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
    except (services.InvitationUnusable, Invitation.DoesNotExist):
        return _unavailable(request)
    except ValidationError as refused:
        return _form_page(request, invitation, form, status=400, error=" ".join(refused.messages))
    _remember_rated(request, token)
    return redirect("colleague_rate", token=token)
