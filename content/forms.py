"""Forms of the content app."""

from django import forms
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from content.guide_schema import CORE_ITEMS_MAX
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


class GridCheckbox(forms.CheckboxInput):
    """A checkbox drawn straight to HTML, for the same reason as GridSelect."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        extra = "".join(
            f' {key}="{escape(val)}"' if val is not True else f" {key}"
            for key, val in attrs.items()
            if val not in (None, False)
        )
        checked = " checked" if self.check_test(value) else ""
        return mark_safe(  # noqa: S308
            f'<input type="checkbox" name="{escape(name)}" value="1"{checked}{extra}>'
        )


class TargetProfileGridForm(forms.Form):
    """Every stage × item cell of the target profile: expected level and importance, and
    (in the base profile) whether the item is one of the stage's core items."""

    def __init__(self, *args, stages, items, cells, with_core=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.stages, self.items, self.with_core = stages, items, with_core
        for stage in stages:
            for item in items:
                cell = cells.get((stage.pk, item.pk))
                if with_core:
                    self.fields[self.core_name(stage, item)] = forms.BooleanField(
                        label=_("Core item: %(item)s, %(stage)s") % {"item": item, "stage": stage},
                        required=False,
                        widget=GridCheckbox,
                        initial=bool(cell and cell.core),
                    )
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

    @staticmethod
    def core_name(stage, item):
        return f"core-{stage.slug}-{item.slug}"

    def rows_by_category(self):
        """[(category, [(item, [(expected, importance, core or None) bound fields per
        stage]), ...]), ...]"""
        groups = {}
        for item in self.items:
            cells = [
                (
                    self[self.expected_name(stage, item)],
                    self[self.importance_name(stage, item)],
                    self[self.core_name(stage, item)] if self.with_core else None,
                )
                for stage in self.stages
            ]
            groups.setdefault(item.category, []).append((item, cells))
        return list(groups.items())

    def clean(self):
        cleaned = super().clean()
        if not self.with_core:
            return cleaned
        for stage in self.stages:
            marked = [item for item in self.items if cleaned.get(self.core_name(stage, item))]
            for item in marked:
                if cleaned.get(self.expected_name(stage, item)) == 0:
                    self.add_error(
                        self.core_name(stage, item),
                        _("A core item needs an expected level above 0."),
                    )
            if len(marked) > CORE_ITEMS_MAX:
                self.add_error(
                    None,
                    _("%(stage)s has %(count)d core items; a stage has at most %(most)d.")
                    % {"stage": stage, "count": len(marked), "most": CORE_ITEMS_MAX},
                )
        return cleaned

    def cleaned_core(self):
        """{(stage id, item id)} of the cells marked core; None when the grid has no marks."""
        if not self.with_core:
            return None
        return {
            (stage.pk, item.pk)
            for stage in self.stages
            for item in self.items
            if self.cleaned_data[self.core_name(stage, item)]
        }

    def cleaned_cells(self):
        return {
            (stage.pk, item.pk): (
                self.cleaned_data[self.expected_name(stage, item)],
                self.cleaned_data[self.importance_name(stage, item)],
            )
            for stage in self.stages
            for item in self.items
        }
