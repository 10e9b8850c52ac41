"""The languages the guide is written in, the one a request reads it in."""


def language_of(request):
    """The guide's language for this request: English when asked for, else Japanese."""
    return "en" if request.LANGUAGE_CODE == "en" else "ja"
