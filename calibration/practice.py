"""Interview practice: a written answer, then the answer points it covered.

A question's answer points are one text per language, a sentence per point; they split
the same way in both languages (a test holds every question to it), so a point ticked in
Japanese is the same point in English.
"""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from calibration.models import ANSWER_MAX_LENGTH

_SENTENCE_END = re.compile(r"(?<=。)|(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


def answer_points(text):
    """The answer points of a text: its sentences, in order."""
    return [part.strip() for part in _SENTENCE_END.split(text or "") if part and part.strip()]


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Your answer"),
        max_length=ANSWER_MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(
            attrs={"rows": 8, "maxlength": ANSWER_MAX_LENGTH, "class": "form-control"}
        ),
        help_text=_("Write it as you would say it in the interview. Then compare."),
    )


class CoveredForm(AnswerForm):
    """The answer again (kept in the page, no JavaScript needed) and the points it covered."""

    def __init__(self, *args, points, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answer"].widget = forms.HiddenInput()
        self.fields["covered"] = forms.TypedMultipleChoiceField(
            label=_("Which of these points did your answer cover?"),
            choices=[(str(n), point) for n, point in enumerate(points)],
            coerce=int,
            required=False,
            widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        )
