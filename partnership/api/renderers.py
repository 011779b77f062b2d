"""Renderers the API's document endpoints share (the agenda pack, the quarterly report)."""

from rest_framework.renderers import BaseRenderer, JSONRenderer


class PDFRenderer(BaseRenderer):
    """Lets a client ask for `Accept: application/pdf`. The PDF itself goes out as a FileResponse,
    so what is rendered here is only the progress or an error, which stay JSON as everywhere in the API."""

    media_type = "application/pdf"
    format = "pdf"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        response = (renderer_context or {}).get("response")
        if response is not None:
            response["Content-Type"] = "application/json"
        return JSONRenderer().render(data)
