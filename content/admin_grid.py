"""The target-profile grid in admin: items as rows, stages as columns, one save.

`?kind=<slug>` edits a kind of company's targets: the grid shows the base profile with
the kind's overrides applied and saves what differs from the base as overrides. A save
that would make an expected level drop along the career path is held back with a warning
until the admin confirms it.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _

from content.career_path import profile_drops
from content.forms import TargetProfileGridForm
from content.models import CompanyKind, Item, Stage, TargetLevel, TargetOverride
from content.services import company_kind_targets_save, target_profile_save


def _kind_of(request):
    slug = request.POST.get("kind") or request.GET.get("kind")
    if not slug:
        return None
    kind = CompanyKind.objects.filter(slug=slug).first()
    if kind is None:
        raise Http404("No such kind of company")
    return kind


def _cells(kind):
    cells = {(c.stage_id, c.item_id): c for c in TargetLevel.objects.all()}
    if kind is None:
        return cells
    for override in TargetOverride.objects.filter(company_kind=kind):
        cell = cells.get((override.stage_id, override.item_id))
        if cell is not None:
            override.apply_to(cell)
    return cells


def _drops(stages, items, cleaned):
    """The drops along the career path that the submitted cells would make."""
    stage_slug = {stage.pk: stage.slug for stage in stages}
    item_slug = {item.pk: item.slug for item in items}
    expected = {}
    for (stage_id, item_id), (level, _importance) in cleaned.items():
        expected.setdefault(stage_slug[stage_id], {})[item_slug[item_id]] = level
    edges = [(stage.slug, following.slug) for stage in stages for following in stage.following]
    names = {**{s.slug: s.name for s in stages}, **{i.slug: i.name for i in items}}
    return [
        {
            "item": names[drop.item],
            "stage": names[drop.stage],
            "next_stage": names[drop.next_stage],
            "expected": drop.expected,
            "next_expected": drop.next_expected,
        }
        for drop in profile_drops(expected, edges)
    ]


class TargetProfileGridMixin:
    """Adds /admin/content/targetlevel/grid/ to the TargetLevel admin."""

    change_list_template = "admin/content/targetlevel/change_list.html"

    def get_urls(self):
        grid = path(
            "grid/", self.admin_site.admin_view(self.grid_view), name="content_targetlevel_grid"
        )
        return [grid, *super().get_urls()]

    def grid_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        can_change = self.has_change_permission(request)
        kind = _kind_of(request)
        stages = list(Stage.objects.order_by("order").prefetch_related("next_stages"))
        for stage in stages:
            stage.following = list(stage.next_stages.all())
        items = list(Item.objects.select_related("category").order_by("category__order", "order"))
        form = TargetProfileGridForm(
            request.POST if request.method == "POST" else None,
            stages=stages,
            items=items,
            cells=_cells(kind),
            with_core=kind is None,  # core items belong to the stage, not to a kind
        )
        drops = []
        if request.method == "POST":
            if not can_change:
                raise PermissionDenied
            if form.is_valid():
                cleaned = form.cleaned_cells()
                drops = _drops(stages, items, cleaned)
                if drops and not request.POST.get("confirm_drops"):
                    self.message_user(
                        request,
                        _(
                            "Nothing was saved yet: some expected levels drop along the career "
                            "path (listed below). Correct them, or save anyway."
                        ),
                        messages.WARNING,
                    )
                else:
                    saved = self._save(request, kind, cleaned, form.cleaned_core())
                    if saved is not None:
                        url = reverse("admin:content_targetlevel_grid")
                        return redirect(f"{url}?kind={kind.slug}" if kind else url)
            if not form.is_valid():
                self.message_user(
                    request, _("Nothing was saved: correct the cells marked below."), messages.ERROR
                )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Target profile grid"),
            "form": form,
            "stages": stages,
            "can_change": can_change,
            "company_kind": kind,
            "company_kinds": CompanyKind.objects.order_by("order"),
            "drops": drops,
        }
        return TemplateResponse(request, "admin/content/target_profile_grid.html", context)

    def _save(self, request, kind, cleaned, core):
        try:
            if kind is None:
                changed = target_profile_save(cells=cleaned, core=core)
                message = _("Target profile saved: %(count)d cells changed.")
            else:
                changed = company_kind_targets_save(company_kind=kind, cells=cleaned)
                message = _("Targets for %(kind)s saved: %(count)d overrides changed.")
        except ValidationError as exc:
            self.message_user(request, "; ".join(exc.messages), messages.ERROR)
            return None
        self.message_user(
            request,
            message % {"count": changed, "kind": kind.name if kind else ""},
            messages.SUCCESS,
        )
        return changed
