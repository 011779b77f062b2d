"""What the import tests share: uploading a plan through the form, as the secretariat does."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse


def upload(client, plan, rows: bytes) -> str:
    """Uploads `rows` as a CSV to `plan`; answers the preview's address it is sent on to."""
    response = client.post(
        reverse("actionplans:import", args=[plan.partnership.slug, plan.pk]),
        {"file": SimpleUploadedFile("plan.csv", rows, "text/csv")},
    )
    assert response.status_code == 302
    return response.url
