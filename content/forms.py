"""Forms of the content app."""

from django import forms
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from content.models import IMPORTANCE_MAX, IMPORTANCE_MIN, LEVEL_MAX, LEVEL_MIN

LEVEL_CHOICES = [(level, str(level)) for level in range(LEVEL_MIN, LEVEL_MAX + 1)]
IMPORTANCE_CHOICES = [(value, str(value)) for value in range(IMPORTANCE_MIN, IMPORTANCE_MAX + 1)]


class GridSelect(forms.Select):
    """A select drawn straight to HTML: the grid draws 434 of them, and Django's widget
    templates made the page take seconds (see the README's admin figures)."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        chosen = "" if value is None else str(value)
        extra = "".join(
            f' {key}="{escape(val)}"' if val is not True else f" {key}"
            for key, val in attrs.items()
            if val not in (None, False)
        )
        options = "".join(
            f'<option value="{option}"{" selected" if str(option) == chosen else ""}>'
            f"{escape(label)}</option>"
            for option, label in self.choices
        )
        return mark_safe(f'<select name="{escape(name)}"{extra}>{options}</select>')  # noqa: S308


class TargetProfileGridForm(forms.Form):
    """Every stage × item cell of the target profile: expected level and importance."""

    def __init__(self, *args, stages, items, cells, **kwargs):
        super().__init__(*args, **kwargs)
        self.stages, self.items = stages, items
        for stage in stages:
            for item in items:
                cell = cells.get((stage.pk, item.pk))
                self.fields[self.expected_name(stage, item)] = forms.TypedChoiceField(
                    label=_("Expected level: %(item)s, %(stage)s") % {"item": item, "stage": stage},
                    choices=LEVEL_CHOICES,
                    coerce=int,
                    widget=GridSelect,
                    initial=cell.expected if cell else LEVEL_MIN,
                )
                self.fields[self.importance_name(stage, item)] = forms.TypedChoiceField(
                    label=_("Importance: %(item)s, %(stage)s") % {"item": item, "stage": stage},
                    choices=IMPORTANCE_CHOICES,
                    coerce=int,
                    widget=GridSelect,
                    initial=cell.importance if cell else IMPORTANCE_MIN,
                )

    @staticmethod
    def expected_name(stage, item):
        return f"expected-{stage.slug}-{item.slug}"

    @staticmethod
    def importance_name(stage, item):
        return f"importance-{stage.slug}-{item.slug}"

    def rows_by_category(self):
        """[(category, [(item, [(expected, importance) bound fields per stage]), ...]), ...]"""
        groups = {}
        for item in self.items:
            pairs = [
                (self[self.expected_name(stage, item)], self[self.importance_name(stage, item)])
                for stage in self.stages
            ]
            groups.setdefault(item.category, []).append((item, pairs))
        return list(groups.items())

    def cleaned_cells(self):
        return {
            (stage.pk, item.pk): (
                self.cleaned_data[self.expected_name(stage, item)],
                self.cleaned_data[self.importance_name(stage, item)],
            )
            for stage in self.stages
            for item in self.items
        }
