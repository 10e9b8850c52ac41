"""Signing up by email, without telling anyone whether an account exists.

Step one takes only an email address and always answers the same "check your email"
page, after the same work (one lookup, one email): a new address gets a link to choose
a password, an address that already has an account gets a note saying so, with the way
to log in or reset the password. Only the owner of the mailbox learns which it was.
The link carries the address (and the page to return to) signed with SECRET_KEY and a
time stamp: it works for SIGNUP_LINK_HOURS and makes at most one account, since the
address is then taken.

The link also carries the visitor's assessments the browser asking may take into an
account, so they come along whichever browser opens the email (a phone's mail app opens
its own): each with the start of its resume link's hash as it was then, so that a link
replaced since (or an assessment someone else kept first) claims nothing.
"""

from collections import namedtuple

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse

from assessments import access
from assessments.models import Assessment

SALT = "accounts.signup"
KEEP_HASH_CHARS = 20  # 80 bits of the resume link's hash: enough to tell a replaced link

SignupLink = namedtuple("SignupLink", ["email", "next_url", "keep"])


def account_exists(email):
    """Whether the address already logs in, or already belongs to an account."""
    return (
        get_user_model().objects.filter(Q(username__iexact=email) | Q(email__iexact=email)).exists()
    )


def signup_keep(request):
    """[[id, start of its resume link's hash]] of the visitor's assessments this browser
    may take into an account (assessments.access decides which)."""
    ids = access.claimable_assessment_ids(request)
    if not ids:
        return []
    rows = Assessment.objects.filter(pk__in=ids, owner__isnull=True).values_list(
        "pk", "resume_token_hash"
    )
    return [[str(pk), token_hash[:KEEP_HASH_CHARS]] for pk, token_hash in rows]


def signup_kept_ids(keep):
    """The ids of `keep` still nobody's, behind the same resume link as at step one."""
    wanted = dict(keep)
    if not wanted:
        return []
    rows = Assessment.objects.filter(pk__in=list(wanted), owner__isnull=True).values_list(
        "pk", "resume_token_hash"
    )
    return [str(pk) for pk, token_hash in rows if token_hash[:KEEP_HASH_CHARS] == wanted[str(pk)]]


def signup_link_token(*, email, next_url, keep=()):
    data = {"email": email, "next": next_url or "", "keep": [list(pair) for pair in keep]}
    return signing.dumps(data, salt=SALT, compress=True)


def _keep_read(keep):
    if not isinstance(keep, list):
        return []
    return [
        tuple(pair)
        for pair in keep
        if isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)
    ]


def signup_link_read(token):
    """A SignupLink (email, next, keep) from a link's token; None when forged, damaged or
    expired."""
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.SIGNUP_LINK_HOURS * 3600)
    except signing.BadSignature:  # SignatureExpired is one too
        return None
    if not isinstance(data, dict) or not isinstance(data.get("email"), str):
        return None
    return SignupLink(data["email"], data.get("next") or "", _keep_read(data.get("keep")))


def signup_email_send(*, request, email, next_url, keep=()):
    """Step one's email, in the language of the page: a link, or "you have an account"."""
    exists = account_exists(email)
    context = {
        "email": email,
        "hours": settings.SIGNUP_LINK_HOURS,
        "login_url": request.build_absolute_uri(reverse("login")),
        "reset_url": request.build_absolute_uri(reverse("password_reset")),
    }
    if exists:
        template = "registration/signup_email_existing"
    else:
        template = "registration/signup_email_new"
        token = signup_link_token(email=email, next_url=next_url, keep=keep)
        context["link"] = request.build_absolute_uri(reverse("signup_confirm", args=[token]))
    subject = render_to_string(f"{template}_subject.txt", context).strip()
    body = render_to_string(f"{template}.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email])
