"""Signing up by email, without telling anyone whether an account exists.

Step one takes only an email address and always answers the same "check your email"
page, after the same work (one lookup, one email): a new address gets a link to choose
a password, an address that already has an account gets a note saying so, with the way
to log in or reset the password. Only the owner of the mailbox learns which it was.
The link carries the address (and the page to return to) signed with SECRET_KEY and a
time stamp: it works for SIGNUP_LINK_HOURS and makes at most one account, since the
address is then taken.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse

SALT = "accounts.signup"


def account_exists(email):
    """Whether the address already logs in, or already belongs to an account."""
    return (
        get_user_model().objects.filter(Q(username__iexact=email) | Q(email__iexact=email)).exists()
    )


def signup_link_token(*, email, next_url):
    return signing.dumps({"email": email, "next": next_url or ""}, salt=SALT, compress=True)


def signup_link_read(token):
    """(email, next) from a link's token; None when forged, damaged or expired."""
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.SIGNUP_LINK_HOURS * 3600)
    except signing.BadSignature:  # SignatureExpired is one too
        return None
    if not isinstance(data, dict) or not isinstance(data.get("email"), str):
        return None
    return data["email"], data.get("next") or ""


def signup_email_send(*, request, email, next_url):
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
        token = signup_link_token(email=email, next_url=next_url)
        context["link"] = request.build_absolute_uri(reverse("signup_confirm", args=[token]))
    subject = render_to_string(f"{template}_subject.txt", context).strip()
    body = render_to_string(f"{template}.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email])
