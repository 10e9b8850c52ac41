"""Forms for members' accounts: sign up, log in, settings, two-step verification, deletion."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from accounts.backends import login_name
from accounts.models import DISPLAY_NAME_MAX_LENGTH
from accounts.two_factor import code_verify
from cto_assess.text import no_control_characters

# The address is the login name, and a username holds 150 characters.
EMAIL_MAX_LENGTH = 150


def _language_choices():
    # Each language in its own words, as the language switcher shows them.
    return [("", _("Follow my browser"))] + [
        (code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES
    ]


class AccountSettingsForm(forms.Form):
    display_name = forms.CharField(
        label=_("Display name"),
        max_length=DISPLAY_NAME_MAX_LENGTH,
        required=False,
        validators=[no_control_characters],
        help_text=_("Shown instead of your username on your assessments page. Optional."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    preferred_language = forms.ChoiceField(
        label=_("Language"),
        choices=_language_choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("The site switches to it now and each time you log in."),
    )


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Type your password to confirm. This cannot be undone."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return password


class SignupForm(forms.Form):
    """Step one of signing up: the email address, to which the next step is sent."""

    email = forms.EmailField(
        label=_("Email address"),
        max_length=EMAIL_MAX_LENGTH,
        help_text=_("We send a link there to confirm it. You log in with this address."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        # The address becomes the login name, so it takes the characters a username may.
        try:
            UnicodeUsernameValidator()(email)
        except forms.ValidationError:
            raise forms.ValidationError(
                _("Please use an address made of letters, digits and @ . + - _ only.")
            ) from None
        return email


class SignupPasswordForm(SetPasswordForm):
    """Step two, from the emailed link: the password of the new account (Django's rules,
    checked against the address too)."""

    def __init__(self, *args, email, **kwargs):
        super().__init__(get_user_model()(username=email, email=email), *args, **kwargs)


class LoginForm(AuthenticationForm):
    """Django's log-in form; the name is an email address (in lower case, as signing up
    keeps it) or, for accounts made before sign-up by email, a username."""

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Email address or username")

    def clean_username(self):
        return login_name(self.cleaned_data.get("username"))


def _code_field(**attrs):
    return forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_("The six digits your authenticator app shows, or one of your backup codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", **attrs}),
    )


class CodeForm(forms.Form):
    code = _code_field(autofocus=True)


class TwoFactorDisableForm(AccountDeleteForm):
    """Turning two-step verification off: the password and a current code."""

    code = _code_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = ""  # not the deletion's "cannot be undone"

    def clean(self):
        cleaned = super().clean()
        if "password" in cleaned and not code_verify(user=self.user, code=cleaned.get("code")):
            self.add_error("code", _("That code is not right, or it has expired."))
        return cleaned
