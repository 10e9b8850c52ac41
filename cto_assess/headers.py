"""Headers no Django setting sends: Permissions-Policy and Cross-Origin-Resource-Policy;
and the one exception to the CSP: Django admin's widgets set inline styles."""

# The site uses none of these browser features; nothing it embeds may either.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            # Read by django-csp's middleware, which handles the response after this one.
            response._csp_update = {"style-src": ["'unsafe-inline'"]}
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response
