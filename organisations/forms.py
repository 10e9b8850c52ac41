"""Forms of the organisations app."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cto_assess.text import no_control_characters
from organisations.models import NAME_MAX_LENGTH, Role


class OrganisationForm(forms.Form):
    name = forms.CharField(
        label=_("Organisation name"),
        max_length=NAME_MAX_LENGTH,
        validators=[no_control_characters],  # it goes into invitations' subjects
    )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Give the organisation a name."))
        return name


class InvitationForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Joins as"),
        choices=[(Role.MEMBER.value, Role.MEMBER.label), (Role.ADMIN.value, Role.ADMIN.label)],
        initial=Role.MEMBER,
    )
    email = forms.EmailField(
        label=_("Email the link to (optional)"),
        required=False,
        help_text=_("Leave empty to copy the link yourself. The link works once, for 7 days."),
    )


class ShareForm(forms.Form):
    assessment = forms.UUIDField()


class NamingForm(forms.Form):
    named = forms.BooleanField(
        label=_("Name me where a figure covers fewer than three people"), required=False
    )
