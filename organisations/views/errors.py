"""The organisation pages' answer to input they cannot use: 400, nothing changed."""

from django.shortcuts import render


def bad_request(request):
    return render(request, "400.html", status=400)
