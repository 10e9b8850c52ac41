"""Forms for starting and answering an assessment."""

from django import forms
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from assessments.models import EVIDENCE_MAX_LENGTH, NOTE_MAX_LENGTH
from content.levels import LEVEL_NAMES
from content.models import LEVEL_MAX, LEVEL_MIN, CompanyKind, Stage
from guide_version.cache import Kept


class StageChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, stage):
        return stage.name


class CompanyKindChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, kind):
        return kind.name


class StartForm(forms.Form):
    current_stage = StageChoiceField(
        label=_("Where are you now?"),
        queryset=Stage.objects.order_by("order"),
        empty_label=_("Choose your current stage"),
        to_field_name="slug",
    )
    target_stage = StageChoiceField(
        label=_("Which stage are you aiming for?"),
        queryset=Stage.objects.order_by("order"),
        empty_label=None,
        to_field_name="slug",
        help_text=_("Your answers are scored against this stage's target profile."),
    )
    company_kind = CompanyKindChoiceField(
        label=_("What kind of company are you aiming at?"),
        queryset=CompanyKind.objects.order_by("order"),
        required=False,
        empty_label=_("Not specified (the general profile)"),
        to_field_name="slug",
        help_text=_(
            "A startup CTO and the CTO of a large system integrator face different targets."
        ),
    )

    def __init__(self, *args, last_completed=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.last_completed = last_completed
        if last_completed is not None:
            self.fields["start_from_last"] = forms.BooleanField(
                label=_("Start from the answers of your last assessment (completed on %(date)s)")
                % {
                    "date": date_format(
                        timezone.localdate(last_completed.completed_at), "DATE_FORMAT"
                    )
                },
                required=False,
                initial=True,
                help_text=_(
                    "Each step shows them with the rubric as usual: change what has moved."
                ),
            )
        top = Stage.objects.order_by("-order").first()
        if top is not None:
            self.fields["target_stage"].initial = top.slug
        if last_completed is not None:
            # A retake carries over where the person stood and aimed last time.
            self.fields["current_stage"].initial = last_completed.current_stage.slug
            self.fields["target_stage"].initial = last_completed.target_stage.slug
            if last_completed.company_kind_id is not None:
                self.fields["company_kind"].initial = last_completed.company_kind.slug


class NoteField(forms.CharField):
    """A note whose line breaks count once, as the textarea's maxlength counts them."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n") if value else value


class StepTextarea(forms.Textarea):
    """Django's textarea, drawn in Python: a step draws ten of them (a note and an example
    per item), and drawing each from Django's template (textarea.html with attrs.html)
    cost about a tenth of the page. The HTML is the template's, byte for byte
    (tests/assessments/test_step_view.py holds the two side by side)."""

    def _render(self, template_name, context, renderer=None):
        widget = context["widget"]
        attrs = "".join(
            f" {conditional_escape(name)}"
            if value is True
            else f' {conditional_escape(name)}="{conditional_escape(value)}"'
            for name, value in widget["attrs"].items()
            if value is not False
        )
        text = conditional_escape(widget["value"]) if widget["value"] else ""
        name = conditional_escape(widget["name"])
        return mark_safe(f'<textarea name="{name}"{attrs}>\n{text}</textarea>')  # noqa: S308


class StepForm(forms.Form):
    """One category's items: a 0-4 level each (optional until submit) and a short note."""

    def __init__(self, *args, items, answers, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            answer = answers.get(item.pk)
            self.fields[self.level_name(item)] = forms.TypedChoiceField(
                label=item.name,
                choices=[(level, LEVEL_NAMES[level]) for level in range(LEVEL_MIN, LEVEL_MAX + 1)],
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                initial=answer.level if answer else None,
            )
            self.fields[self.note_name(item)] = NoteField(
                label=_("Note on %(item)s (optional)") % {"item": item.name},
                # Two boxes, two purposes: the note is for the person, the example backs a
                # high rating (see the evidence field's help).
                help_text=_(
                    "For you: context, a doubt, what you want to work on. Only you see it."
                ),
                max_length=NOTE_MAX_LENGTH,
                required=False,
                strip=True,
                # Django points the box at its help ("…_helptext"), or at its error message.
                widget=StepTextarea(
                    attrs={"rows": 2, "maxlength": NOTE_MAX_LENGTH, "class": "form-control"}
                ),
                initial=answer.note if answer else "",
            )
            self.fields[self.evidence_name(item)] = NoteField(
                label=_("When did you do this, and what happened?"),
                help_text=_(
                    "Optional, for a rating of 3 or 4: one concrete example. It stays with "
                    "your answer and shows in your report, never to people you share it with."
                ),
                max_length=EVIDENCE_MAX_LENGTH,
                required=False,
                strip=True,
                widget=StepTextarea(
                    attrs={
                        "rows": 2,
                        "maxlength": EVIDENCE_MAX_LENGTH,
                        "class": "form-control",
                        "aria-describedby": f"id_{self.evidence_name(item)}_help",
                    }
                ),
                initial=answer.evidence if answer else "",
            )

    @staticmethod
    def level_name(item):
        return f"level-{item.slug}"

    @staticmethod
    def note_name(item):
        return f"note-{item.slug}"

    @staticmethod
    def evidence_name(item):
        return f"evidence-{item.slug}"

    def unexpected_fields(self):
        """Answer fields in the POST that are not items of this step."""
        known = set(self.fields)
        return sorted(
            key
            for key in self.data
            if key.startswith(("level-", "note-", "evidence-")) and key not in known
        )

    def clean(self):
        cleaned = super().clean()
        for item in self.items:
            if cleaned.get(self.note_name(item)) and cleaned.get(self.level_name(item)) is None:
                self.add_error(
                    self.level_name(item), _("Choose a level to keep your note on this item.")
                )
            if cleaned.get(self.evidence_name(item)) and cleaned.get(self.level_name(item)) is None:
                self.add_error(
                    self.level_name(item), _("Choose a level to keep your example on this item.")
                )
        return cleaned

    def answers(self):
        """{item: (level, note, evidence)} for the items given a level in this submit."""
        return {
            item: (
                self.cleaned_data[self.level_name(item)],
                self.cleaned_data[self.note_name(item)],
                self.cleaned_data.get(self.evidence_name(item)) or "",
            )
            for item in self.items
            if self.cleaned_data.get(self.level_name(item)) is not None
        }

    def rows(self, guide=None):
        """The step's items as the page draws them (StepRow), in order.

        Items must come with their rubric levels prefetched. With the request's `guide`
        (guide_version.cache), each item's radios and blank fieldset are drawn once per
        process and language.
        """
        return [StepRow(self, item, guide) for item in self.items]


ITEM_TEMPLATE = "assessments/_step_item.html"


class StepRow:
    """One item of a step: its fieldset of rubric levels, note and example.

    A step first shown (the form not sent back) differs from the same item's blank
    fieldset only in the chosen level and the two boxes' text, so the blank one is drawn
    once per process under the guide's version and language, and a request puts its own
    three parts in. A step sent back (its answers, perhaps errors) is drawn in full.
    """

    def __init__(self, form, item, guide=None):
        self.form, self.item = form, item
        self.guide = guide or Kept({})
        self.level_field = form[form.level_name(item)]
        self.options = LevelOptions(self.level_field, item, self.guide)
        self.note_field = form[form.note_name(item)]
        self.evidence_field = form[form.evidence_name(item)]

    def _drawn(self):
        context = {
            "item": self.item,
            "level_field": self.level_field,
            "options": self.options,
            "note_field": self.note_field,
            "evidence_field": self.evidence_field,
        }
        return render_to_string(ITEM_TEMPLATE, context)

    def _parts(self):
        """The three parts a request puts in: level options, note box, example box."""
        return [self.options.html(), str(self.note_field), str(self.evidence_field)]

    def _blank(self):
        blank = StepRow(StepForm(items=[self.item], answers={}), self.item, self.guide)
        return blank._drawn(), blank._parts()

    def html(self):
        if self.form.is_bound:
            return self._drawn()
        key = ("step item", self.item.pk, translation.get_language())
        html, blank_parts = self.guide.get(key, self._blank)
        for blank_part, part in zip(blank_parts, self._parts(), strict=True):
            if part != blank_part:
                html = html.replace(blank_part, part, 1)
        return mark_safe(html)  # noqa: S308 (drawn by our template, parts by Django's widgets)


class LevelOptions:
    """The radios of one item: the page draws 35 of them. Their HTML, with none chosen,
    depends only on the guide and the language, so it is drawn once per process under the
    guide's version; a request only marks the chosen one (see the README)."""

    def __init__(self, level_field, item, guide=None):
        self.level_field, self.item = level_field, item
        self.guide = guide or Kept({})
        chosen = level_field.value()
        self.chosen = None if chosen in (None, "") else str(chosen)
        self.name = level_field.html_name

    @property
    def radios(self):
        """The radios as plain data (none chosen)."""
        level_field = self.level_field
        rubric = {level.level: level.text for level in self.item.rubric_levels.all()}
        return [
            {
                "id": f"{level_field.auto_id}_{index}",
                "value": level,
                "label": str(label),
                "rubric": rubric.get(level, ""),
            }
            for index, (level, label) in enumerate(level_field.field.choices)
        ]

    def html(self):
        key = ("level options", self.item.pk, self.name, translation.get_language())
        unchosen = self.guide.get(
            key, lambda: render_to_string("assessments/_level_options.html", {"options": self})
        )
        if self.chosen is None:
            return unchosen
        value = f'value="{self.chosen}">'  # each radio's value attribute ends its tag
        return mark_safe(unchosen.replace(value, f'value="{self.chosen}" checked>', 1))  # noqa: S308
