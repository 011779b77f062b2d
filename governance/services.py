"""What a member does about the partnership's codes."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnership.errors import RuleBroken

from .models import Acknowledgement
from .selectors import documents_awaiting


@transaction.atomic
def acknowledge_conduct_documents(*, person, documents, now=None) -> list[Acknowledgement]:
    """Record that `person` acknowledges each of `documents`; they must be ones awaiting them."""
    now = now or timezone.now()
    awaiting = {doc.pk: doc for doc in documents_awaiting(person, timezone.localdate(now))}
    chosen = [doc for doc in documents if doc.pk in awaiting]
    if not documents or len(chosen) != len(documents):
        raise RuleBroken(_("Tick each code to confirm you have read it and will follow it."), field="documents")
    return [Acknowledgement.objects.create(document=doc, person=person, acknowledged_at=now) for doc in chosen]
