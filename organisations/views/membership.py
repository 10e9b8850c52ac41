"""Organisations: create, invite, join, leave, and what a member shares with each."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.invited import invitation_forget, invitation_remember
from accounts.views import with_next
from assessments.models import Assessment
from cto_assess.ratelimit import ratelimited
from cto_assess.text import one_line
from organisations import selectors, services
from organisations.forms import InvitationForm, NamingForm, OrganisationForm, ShareForm
from organisations.models import Membership, OrganisationInvitation
from organisations.team.common import BadChoice, page_number
from organisations.views.errors import bad_request

INVITATION_KEY = "new_invitation"  # the link shown once after it is made
MEMBERS_PER_PAGE = 50


@login_required
@require_http_methods(["GET", "POST"])
@ratelimited("organisation")
def organisation_list(request):
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = services.organisation_create(
            user=request.user, name=form.cleaned_data["name"]
        )
        messages.success(request, _("Your organisation is ready. Invite your team."))
        return redirect("organisations:detail", organisation.pk)
    return render(
        request,
        "organisations/list.html",
        {"memberships": selectors.memberships_of(request.user), "form": form},
        status=400 if request.method == "POST" else 200,
    )


def _members_page(request, organisation):
    try:
        number = page_number(request.GET.get("page"))
    except BadChoice:
        return None
    paginator = Paginator(selectors.members(organisation), MEMBERS_PER_PAGE)
    if number > paginator.num_pages:
        raise Http404("No such page")
    return paginator.page(number)


@login_required
def organisation_detail(request, organisation_id):
    membership = selectors.membership_for(request.user, organisation_id)
    organisation = membership.organisation
    context = {
        "organisation": organisation,
        "membership": membership,
        "assessments": selectors.shareable_assessments(membership),
        "naming_form": NamingForm(initial={"named": membership.named_in_small_groups}),
    }
    if membership.is_admin:
        members_page = _members_page(request, organisation)
        if members_page is None:
            return bad_request(request)
        pending = request.session.pop(INVITATION_KEY, None)
        if pending and pending["organisation"] == str(organisation.pk):
            context["new_invitation_url"] = request.build_absolute_uri(
                reverse("organisations:join", args=[pending["token"]])
            )
        context.update(
            members_page=members_page,
            invitations=selectors.open_invitations(organisation),
            invitation_form=InvitationForm(),
        )
    return render(request, "organisations/detail.html", context)


@login_required
@require_POST
@ratelimited("org_invite")
def invitation_create(request, organisation_id):
    membership = selectors.membership_for(request.user, organisation_id, admin=True)
    form = InvitationForm(request.POST)
    if not form.is_valid():
        return bad_request(request)
    try:
        invitation, token = services.invitation_create(
            membership=membership, role=form.cleaned_data["role"], email=form.cleaned_data["email"]
        )
    except (PermissionDenied, ValidationError):
        return bad_request(request)
    url = request.build_absolute_uri(reverse("organisations:join", args=[token]))
    if invitation.email:
        send_mail(
            _("Join %(name)s on CTO Assess") % {"name": one_line(membership.organisation.name)},
            _("You are invited to join %(name)s on CTO Assess. The link works once, for 7 days:")
            % {"name": membership.organisation.name}
            + f"\n\n{url}\n",
            None,
            [invitation.email],
        )
        messages.success(request, _("The invitation was sent."))
    request.session[INVITATION_KEY] = {"organisation": str(organisation_id), "token": token}
    return redirect("organisations:detail", organisation_id)


@login_required
@require_POST
def invitation_revoke(request, organisation_id, organisation_invitation_id):
    membership = selectors.membership_for(request.user, organisation_id, admin=True)
    invitation = get_object_or_404(
        OrganisationInvitation,
        pk=organisation_invitation_id,
        organisation_id=membership.organisation_id,
    )
    services.invitation_revoke(membership=membership, invitation=invitation)
    messages.success(request, _("The invitation no longer works."))
    return redirect("organisations:detail", organisation_id)


@require_http_methods(["GET", "POST"])
@ratelimited("join", methods=("GET", "POST"))
def join(request, token):
    invitation = selectors.open_invitation(token)
    if invitation is None:
        raise Http404("No such invitation")
    organisation = invitation.organisation
    if not request.user.is_authenticated:
        # Logged out: say who invites them, and keep the invitation through log-in or sign-up.
        invitation_remember(request, organisation_name=organisation.name, join_path=request.path)
        if request.method == "POST":
            return redirect_to_login(request.path)
        return render(
            request,
            "organisations/join.html",
            {
                "organisation": organisation,
                "invitation": invitation,
                "signup_url": with_next(reverse("signup"), request.path),
                "login_url": with_next(reverse("login"), request.path),
            },
        )
    invitation_forget(request)
    if Membership.objects.filter(organisation=organisation, user=request.user).exists():
        messages.info(request, _("You are a member of this organisation already."))
        return redirect("organisations:detail", organisation.pk)
    if request.method == "POST":
        try:
            services.invitation_accept(invitation=invitation, user=request.user)
        except (ValidationError, services.AlreadyMember) as refused:
            raise Http404("No such invitation") from refused
        messages.success(request, _("Welcome to %(name)s.") % {"name": organisation.name})
        return redirect("organisations:detail", organisation.pk)
    return render(
        request, "organisations/join.html", {"organisation": organisation, "invitation": invitation}
    )


@login_required
@require_http_methods(["GET", "POST"])
def leave(request, organisation_id):
    membership = selectors.membership_for(request.user, organisation_id)
    if request.method == "POST":
        name = membership.organisation.name
        services.membership_leave(membership=membership)
        messages.success(request, _("You left %(name)s.") % {"name": name})
        return redirect("organisations:list")
    return render(request, "organisations/leave.html", {"membership": membership})


@login_required
@require_POST
def share(request, organisation_id):
    membership = selectors.membership_for(request.user, organisation_id)
    form = ShareForm(request.POST)
    if not form.is_valid():
        return bad_request(request)
    assessment = (
        Assessment.objects.filter(
            pk=form.cleaned_data["assessment"],
            owner=request.user,
            status=Assessment.Status.COMPLETED,
        )
        .select_related("frozen_report")
        .first()
    )
    if assessment is None:
        raise Http404("No such assessment")
    services.share_create(membership=membership, assessment=assessment)
    messages.success(request, _("The organisation now sees this assessment's report."))
    return redirect("organisations:detail", organisation_id)


@login_required
@require_POST
def withdraw(request, organisation_id, assessment_id):
    membership = selectors.membership_for(request.user, organisation_id)
    if not services.share_withdraw(membership=membership, assessment_id=assessment_id):
        raise Http404("Not shared")
    messages.success(request, _("The organisation no longer sees this assessment."))
    return redirect("organisations:detail", organisation_id)


@login_required
@require_POST
def naming(request, organisation_id):
    membership = selectors.membership_for(request.user, organisation_id)
    form = NamingForm(request.POST)
    form.is_valid()  # an unticked box is simply absent: always valid
    services.membership_naming_set(membership=membership, named=form.cleaned_data["named"])
    messages.success(request, _("Your choice is saved."))
    return redirect("organisations:detail", organisation_id)


@login_required
@require_POST
def member_remove(request, organisation_id, membership_id):
    by = selectors.membership_for(request.user, organisation_id, admin=True)
    member = get_object_or_404(Membership, pk=membership_id, organisation_id=by.organisation_id)
    if member.pk == by.pk:
        return bad_request(request)  # leaving has its own page
    try:
        services.membership_remove(by=by, membership=member)
    except PermissionDenied:
        return bad_request(request)
    messages.success(request, _("The member was removed."))
    return redirect("organisations:detail", organisation_id)
