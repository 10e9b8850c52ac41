"""Public pages that show the guide's structure."""

from django.shortcuts import render


def home(request):
    return render(request, "content/home.html")
