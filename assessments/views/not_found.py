"""The project's 404 page (handler404): the plain page, except for the browser that held a
visitor's assessment now kept in an account, which is told to log in to see it."""

from urllib.parse import quote

from django.shortcuts import render
from django.urls import reverse
from django.views.defaults import page_not_found as plain_page_not_found

from assessments.access import KeptInAnAccount


def page_not_found(request, exception):
    if isinstance(exception, KeptInAnAccount):
        login = f"{reverse('login')}?next={quote(request.get_full_path())}"
        return render(request, "404.html", {"kept": True, "login_url": login}, status=404)
    return plain_page_not_found(request, exception)
