"""A colleague's side: the rating form behind an invitation link, without an account.

What a link shows must not tell the owner which links were answered. So a used, revoked
or expired link, one of a closed round and an unknown one all answer the same 404 page,
to everyone but the rater who has just used it (their session, and only theirs, keeps a
keyed digest of the link, never the hash the invitation is stored under, and is
thanked). The owner of the round, by account or by the visitor's session, is refused
every link of it (403, saying why): they cannot rate themselves into their colleagues'
figures, nor see from a link whether it was used. The colleague never sees the owner's
own ratings.

The form saves a draft in the rater's session as they go (colleagues.drafts): a post with
go=draft, in the background from site.js (answered in JSON) or from the "Save and finish
later" button. A draft post through a link that takes no rating answers one 404 too.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from assessments import access
from assessments.tokens import hash_token
from colleagues import drafts, services
from colleagues.forms import RatingForm, draft_initial
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


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _unavailable(request):
    """One answer for every link that takes no rating, whatever the reason."""
    if _wants_json(request):
        message = _("This link does not work any more: nothing was saved.")
        return JsonResponse({"saved": False, "error": message}, status=404)
    return render(request, "colleagues/link_ended.html", {"state": "unavailable"}, status=404)


def _thanks(request):
    return render(request, "colleagues/link_ended.html", {"state": "used"})


def _own_round(request):
    return render(request, "colleagues/own_round.html", status=403)


def _form(invitation, data=None, *, draft=False, initial=None):
    items = [
        line.item
        for line in RoundItem.objects.filter(round=invitation.round)
        .select_related("item__category")
        .order_by("order")
    ]
    rubrics = {
        (level.item_id, level.level): level.text
        for level in RubricLevel.objects.filter(item__in=items)
    }
    return RatingForm(
        data,
        initial=initial,
        items=items,
        rubrics=rubrics,
        is_manager=invitation.relationship == Relationship.MANAGER,
        draft=draft,
    )


def _form_page(request, invitation, form, status=200, error=None):
    context = {
        "invitation": invitation,
        "owner_name": invitation.round.display_name,
        "form": form,
        "answered": form.answered(),
        "error": error,
    }
    return render(request, "colleagues/rate.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@private_response
def rate(request, token):
    invitation = _invitation(token)
    if invitation is not None and access.audience_of(request, invitation.round.assessment):
        return _own_round(request)
    drafting = request.method == "POST" and request.POST.get("go") == "draft"
    if invitation is not None and invitation.used and _just_rated(request, token) and not drafting:
        return _thanks(request)
    if invitation is None or services.invitation_state(invitation, timezone.now()) != "live":
        drafts.draft_discard(request.session, token)
        return _unavailable(request)
    if request.method != "POST":
        draft = drafts.draft_of(request.session, token)
        initial = draft_initial(draft) if draft else None
        return _form_page(request, invitation, _form(invitation, initial=initial))
    if drafting:
        return _draft_save(request, invitation, token)
    form = _form(invitation, request.POST)
    if form.unexpected_items():
        error = _("Not saved: some ratings were for items this round does not ask about.")
        return _form_page(request, invitation, form, status=400, error=error)
    if not form.is_valid():
        _keep_what_is_valid(request, invitation, token)
        error = _("Not sent yet: please choose an answer for every item. What you chose is kept.")
        return _form_page(request, invitation, form, status=400, error=error)
    try:
        services.rating_submit(
            token=token,
            levels=form.levels(),
            comment=form.cleaned_data["comment"],
            manager_consent=form.cleaned_data.get("manager_consent", False),
        )
    except (services.InvitationUnusable, Invitation.DoesNotExist):
        drafts.draft_discard(request.session, token)
        return _unavailable(request)
    except ValidationError as refused:
        return _form_page(request, invitation, form, status=400, error=" ".join(refused.messages))
    drafts.draft_discard(request.session, token)
    _remember_rated(request, token)
    return redirect("colleague_rate", token=token)


def _keep_what_is_valid(request, invitation, token):
    """A refused send still keeps its answers as the draft, when they are well formed."""
    form = _form(invitation, request.POST, draft=True)
    if form.is_valid():
        drafts.draft_keep(request.session, token, form.draft())


def _draft_save(request, invitation, token):
    """Keep the form as it stands as this session's draft; JSON for site.js, else a page."""
    form = _form(invitation, request.POST, draft=True)
    if form.unexpected_items():
        error = _("Not saved: some ratings were for items this round does not ask about.")
    elif not form.is_valid():
        reasons = " ".join(str(message) for found in form.errors.values() for message in found)
        error = _("Not saved: %(reasons)s") % {"reasons": reasons}
    else:
        drafts.draft_keep(request.session, token, form.draft())
        if _wants_json(request):
            return JsonResponse({"saved": True, "answered": form.answered()})
        messages.success(
            request,
            _("Saved in this browser. Open the same link again before %(date)s to finish.")
            % {"date": date_format(timezone.localtime(invitation.expires_at), "DATE_FORMAT")},
        )
        return redirect("colleague_rate", token=token)
    if _wants_json(request):
        return JsonResponse({"saved": False, "error": error}, status=400)
    return _form_page(request, invitation, form, status=400, error=error)
