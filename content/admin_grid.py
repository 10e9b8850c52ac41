"""The target-profile grid in admin: items as rows, stages as columns, one save."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _

from content.forms import TargetProfileGridForm
from content.models import Item, Stage, TargetLevel
from content.services import target_profile_save


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
        stages = list(Stage.objects.order_by("order"))
        items = list(Item.objects.select_related("category").order_by("category__order", "order"))
        cells = {(c.stage_id, c.item_id): c for c in TargetLevel.objects.all()}
        form = TargetProfileGridForm(
            request.POST if request.method == "POST" else None,
            stages=stages,
            items=items,
            cells=cells,
        )
        if request.method == "POST":
            if not can_change:
                raise PermissionDenied
            if form.is_valid():
                try:
                    changed = target_profile_save(cells=form.cleaned_cells())
                except ValidationError as exc:
                    form.add_error(None, exc)
                else:
                    self.message_user(
                        request,
                        _("Target profile saved: %(count)d cells changed.") % {"count": changed},
                        messages.SUCCESS,
                    )
                    return redirect(reverse("admin:content_targetlevel_grid"))
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
        }
        return TemplateResponse(request, "admin/content/target_profile_grid.html", context)
