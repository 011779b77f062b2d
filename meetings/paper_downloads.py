"""Handing an uploaded paper file to whoever may read it: the members' download and the
public's both answer with this, once their own permission check has passed."""

from django.http import FileResponse, Http404

from .models import PaperFile


def paper_file_response(paper_file: PaperFile, *, cache_control: str) -> FileResponse:
    """The file as it was uploaded, as an attachment with the type its content showed; 404 when
    it has gone missing from the store."""
    try:
        handle = paper_file.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404("The file is missing from the store") from missing
    response = FileResponse(
        handle, as_attachment=True, filename=paper_file.original_name, content_type=paper_file.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = cache_control
    return response
