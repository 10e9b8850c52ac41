"""Forms for members' accounts: sign up, settings, deletion."""

from django import forms
from django.conf import settings
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.models import User
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from accounts.models import DISPLAY_NAME_MAX_LENGTH


class SignupForm(UserCreationForm):
    email = forms.EmailField(
        label=_("Email"), help_text=_("Used only to reset your password."), required=True
    )

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email")


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
