"""Forms of the development plan: hours per week, one action's progress, the reassessment."""

from django import forms
from django.utils.translation import gettext_lazy as _

from plans.models import NOTE_MAX_LENGTH, ActionStatus
from plans.plan import HOURS_PER_WEEK_MAX, HOURS_PER_WEEK_MIN


class HoursForm(forms.Form):
    hours_per_week = forms.IntegerField(
        label=_("Hours a week for your plan"),
        min_value=HOURS_PER_WEEK_MIN,
        max_value=HOURS_PER_WEEK_MAX,
        help_text=_("Between 1 and 40. The plan fits its actions into 12 weeks of this."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


class ProgressForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    target_date = forms.DateField(
        label=_("Target date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReassessForm(forms.Form):
    reassess_on = forms.DateField(
        label=_("Assess yourself again on"), widget=forms.DateInput(attrs={"type": "date"})
    )
