"""HTTP's contract on the API's addresses, where django-ninja leaves it to Django:

- HEAD is answered wherever GET is (the GET's status and headers, no body);
- a method the API does not take answers 405 as JSON, {"error": {"code", "message"}},
  with Allow naming HEAD beside GET;
- a 304 carries no body and so no Content-Type.
"""

import json

from django.http import HttpResponse

PREFIX = "/api/v1/"


class ApiHttpContractMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        head = request.method == "HEAD"
        if head:
            request.method = "GET"  # the same view answers, then the body goes
        response = self.get_response(request)
        if head:
            request.method = "HEAD"
            length = len(response.content) if not response.streaming else None
            response.content = b""
            if length is not None:
                response["Content-Length"] = str(length)
        if response.status_code == 405 and not response.get("Content-Type", "").startswith(
            "application/json"
        ):
            response = _method_not_allowed(response)
        if response.status_code == 304 and "Content-Type" in response:
            del response["Content-Type"]
        return response


def _method_not_allowed(original):
    allowed = [m.strip() for m in original.get("Allow", "GET").split(",") if m.strip()]
    if "GET" in allowed and "HEAD" not in allowed:
        allowed.append("HEAD")
    response = HttpResponse(
        json.dumps(
            {
                "error": {
                    "code": "method_not_allowed",
                    "message": f"This address answers {', '.join(allowed)} only.",
                }
            }
        ),
        content_type="application/json",
        status=405,
    )
    response["Allow"] = ", ".join(allowed)
    return response
