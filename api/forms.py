from django import forms
from django.utils.translation import gettext_lazy as _

from api.models import NAME_MAX_LENGTH


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=NAME_MAX_LENGTH,
        help_text=_("Say what will use it, e.g. “HR dashboard”."),
    )
