"""Forms of the colleagues' view: opening a round, inviting, and a colleague's rating."""

from itertools import groupby

from django import forms
from django.utils.translation import gettext_lazy as _

from colleagues.models import COMMENT_MAX_LENGTH, DISPLAY_NAME_MAX_LENGTH, Relationship
from content.levels import LEVEL_NAMES
from cto_assess.text import no_control_characters

CANNOT_JUDGE = "na"
LEVEL_PREFIX = "level-"


class RoundOpenForm(forms.Form):
    display_name = forms.CharField(
        label=_("How your colleagues see you named"),
        help_text=_("Optional. Leave it empty and the form will not name you."),
        max_length=DISPLAY_NAME_MAX_LENGTH,
        required=False,
        validators=[no_control_characters],
    )
    items = forms.MultipleChoiceField(
        label=_("Items your colleagues rate"), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, rateable, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].choices = [(item.slug, item.name) for item, _level in rateable]


class InvitationForm(forms.Form):
    relationship = forms.ChoiceField(
        label=_("This colleague is your"), choices=Relationship.choices
    )
    email = forms.EmailField(
        label=_("Their email address (optional)"),
        help_text=_("We send the link once and do not keep the address."),
        max_length=254,
        required=False,
    )


class RatingForm(forms.Form):
    """One choice per item of the round (a level or "can't judge"), a comment, a consent.

    As a draft (`draft=True`) every choice may still be missing; what is there is checked
    all the same. A draft kept earlier comes back as `initial` (draft_initial)."""

    comment = forms.CharField(
        label=_("A comment for them (optional)"),
        help_text=_("Shown to them without your relationship, mixed with others' comments."),
        max_length=COMMENT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, items, rubrics, is_manager, draft=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.items, self.rubrics = items, rubrics
        choices = [(str(level), name) for level, name in LEVEL_NAMES.items()]
        choices.append((CANNOT_JUDGE, _("I can't judge this")))
        for item in items:
            self.fields[LEVEL_PREFIX + item.slug] = forms.ChoiceField(
                label=item.name,
                choices=choices,
                widget=forms.RadioSelect,
                required=not draft,
                error_messages={"required": _("Choose a level, or that you can't judge it.")},
            )
        if is_manager:
            self.fields["manager_consent"] = forms.BooleanField(
                label=_(
                    "As their manager, I agree that my ratings may be shown to them on their "
                    "own. Without this, they are only shown pooled with other colleagues'."
                ),
                required=False,
            )

    def unexpected_items(self):
        """Level fields posted for items that are not in the round."""
        known = {LEVEL_PREFIX + item.slug for item in self.items}
        return [k for k in self.data if k.startswith(LEVEL_PREFIX) and k not in known]

    def levels(self):
        """{item slug: level or None}, from valid data."""
        return {
            item.slug: None
            if self.cleaned_data[LEVEL_PREFIX + item.slug] == CANNOT_JUDGE
            else int(self.cleaned_data[LEVEL_PREFIX + item.slug])
            for item in self.items
        }

    def draft(self):
        """What a draft keeps, from valid (possibly partial) data: plain JSON for the session."""
        return {
            "levels": {
                item.slug: self.cleaned_data[LEVEL_PREFIX + item.slug]
                for item in self.items
                if self.cleaned_data.get(LEVEL_PREFIX + item.slug)
            },
            "comment": self.cleaned_data["comment"],
            "manager_consent": bool(self.cleaned_data.get("manager_consent")),
        }

    def answered(self):
        """How many items have a choice (a level or "can't judge") in the form as shown."""
        return sum(1 for item in self.items if self[LEVEL_PREFIX + item.slug].value())

    def first_unanswered(self):
        """The first item without a choice in the form as shown, or None."""
        return next((i for i in self.items if not self[LEVEL_PREFIX + i.slug].value()), None)

    def sections(self):
        """[(category, rows)]: the round's items grouped under their category, in order."""
        return [
            (category, list(rows))
            for category, rows in groupby(self.rows(), key=lambda row: row[0].category)
        ]

    def rows(self):
        """(item, field name, bound field, [(value, label, rubric text, checked, id)])."""
        rows = []
        for item in self.items:
            name = LEVEL_PREFIX + item.slug
            value = self[name].value()
            options = [
                (
                    choice,
                    label,
                    self.rubrics.get((item.pk, int(choice)), "") if choice != CANNOT_JUDGE else "",
                    value == choice,
                    f"{name}-{choice}",
                )
                for choice, label in self.fields[name].choices
            ]
            rows.append((item, name, self[name], options))
        return rows


def draft_initial(draft):
    """A RatingForm's initial values from a kept draft (RatingForm.draft)."""
    initial = {LEVEL_PREFIX + slug: choice for slug, choice in draft.get("levels", {}).items()}
    initial["comment"] = draft.get("comment", "")
    initial["manager_consent"] = draft.get("manager_consent", False)
    return initial
