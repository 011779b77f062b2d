"""What conduct documents a person still has to acknowledge, and who has acknowledged what."""

from django.db.models import Exists, OuterRef, Prefetch, Subquery

from partnership.models import Member, Partnership

from .models import Acknowledgement, ConductDocument


def current_documents(partnership_ids, today):
    """The version of each kind in force today, for each of the partnerships."""
    latest = ConductDocument.objects.filter(
        partnership_id=OuterRef("partnership_id"), kind=OuterRef("kind"), in_force_from__lte=today
    ).order_by("-in_force_from", "-pk")
    return (
        ConductDocument.objects.filter(partnership_id__in=partnership_ids, in_force_from__lte=today)
        .filter(pk=Subquery(latest.values("pk")[:1]))
        .select_related("partnership")
        .order_by("partnership__name", "-kind")  # the code of conduct, then the behaviour protocol
    )


def documents_awaiting(person, today):
    """Current documents of the partnerships where `person` holds an active seat, that they
    have not acknowledged."""
    if person is None:
        return ConductDocument.objects.none()
    seats = Member.objects.filter(person=person, active=True).values("partnership_id")
    acknowledged = Acknowledgement.objects.filter(document=OuterRef("pk"), person=person)
    return current_documents(seats, today).exclude(Exists(acknowledged))


def acknowledgement_register(partnership: Partnership, today):
    """Each active member with, per current document, their acknowledgement or None."""
    documents = list(current_documents([partnership.pk], today))
    members = list(
        Member.objects.filter(partnership=partnership, active=True)
        .select_related("person", "nominating_body")
        .prefetch_related(
            Prefetch(
                "person__acknowledgements",
                queryset=Acknowledgement.objects.filter(document__in=documents),
                to_attr="current_acknowledgements",
            )
        )
        .order_by("person__name")
    )
    rows = []
    for member in members:
        by_document = {ack.document_id: ack for ack in member.person.current_acknowledgements}
        rows.append((member, [by_document.get(document.pk) for document in documents]))
    return documents, rows


def acknowledgements_outstanding(partnership_ids, today) -> list[tuple[Member, ConductDocument]]:
    """Across the partnerships at once (the deadline sweep): each active seat paired with each
    current document of its partnership that the seat's person has not acknowledged, by
    partnership then name. Three queries, whatever the number of partnerships or members."""
    documents = list(current_documents(partnership_ids, today))
    if not documents:
        return []
    by_partnership: dict[int, list[ConductDocument]] = {}
    for document in documents:
        by_partnership.setdefault(document.partnership_id, []).append(document)
    members = (
        Member.objects.filter(partnership_id__in=partnership_ids, active=True)
        .select_related("person", "nominating_body")
        .prefetch_related(
            Prefetch(
                "person__acknowledgements",
                queryset=Acknowledgement.objects.filter(document__in=documents),
                to_attr="current_acknowledgements",
            )
        )
        .order_by("partnership_id", "person__name", "pk")
    )
    outstanding = []
    for member in members:
        acknowledged = {ack.document_id for ack in member.person.current_acknowledgements}
        for document in by_partnership.get(member.partnership_id, ()):
            if document.pk not in acknowledged:
                outstanding.append((member, document))
    return outstanding
