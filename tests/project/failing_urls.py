"""A URLconf with a view that crashes, to see the 500 page."""

from django.urls import path


def boom(request):
    raise RuntimeError("deliberate failure for the test")


urlpatterns = [path("boom/", boom)]
