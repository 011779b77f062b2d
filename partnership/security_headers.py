"""Permissions-Policy on every answer: no page of this site needs the camera, the microphone,
the reader's location or payments, so the browser is told to refuse them to the page and to
anything it might embed. Django's SecurityMiddleware sends the other security headers."""

PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=()"


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
