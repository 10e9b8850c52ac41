"""Forms of the content app."""

from django import forms
from django.utils.translation import gettext_lazy as _

from content.models import IMPORTANCE_MAX, IMPORTANCE_MIN, LEVEL_MAX, LEVEL_MIN

LEVEL_CHOICES = [(level, str(level)) for level in range(LEVEL_MIN, LEVEL_MAX + 1)]
IMPORTANCE_CHOICES = [(value, str(value)) for value in range(IMPORTANCE_MIN, IMPORTANCE_MAX + 1)]


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
                    initial=cell.expected if cell else LEVEL_MIN,
                )
                self.fields[self.importance_name(stage, item)] = forms.TypedChoiceField(
                    label=_("Importance: %(item)s, %(stage)s") % {"item": item, "stage": stage},
                    choices=IMPORTANCE_CHOICES,
                    coerce=int,
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
