"""What the public may read, as the documents the publications index keeps: of a meeting its
agenda, each open paper, the published minutes and each decision in them; of a partnership each
plan summary it published. Read only through meetings/public.py and meetings/public_papers.py
(the published agenda and papers, and the snapshot of the minutes made when they were
confirmed) and actionplans/public.py, so nothing confidential, draft or private can reach the
index."""

import datetime
import hashlib
import json
from dataclasses import dataclass

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from actionplans.public import published_plan_rows
from meetings.models import Meeting
from meetings.public import public_agendas, published_minutes_with_times
from meetings.public_papers import public_papers
from meetings.sanitise import plain_text

from ..models_publications import PublicationKind

TITLE_WORDS = 30


@dataclass
class Document:
    key: str
    kind: str
    title: str
    summary: str
    text: str
    path: str
    pdf_file_pks: tuple[int, ...] = ()  # uploaded PDFs whose words are added to `text` when it changed
    # When the record itself was published (the agenda circulated, the minutes confirmed, the
    # plan's summary published); a new row is stamped with it, or with the time of indexing if None.
    published_at: datetime.datetime | None = None

    @property
    def fingerprint(self) -> str:
        """Changes whenever anything the public reads of it changes (a new file is a new pk)."""
        source = [self.kind, self.title, self.summary, self.text, self.path, list(self.pdf_file_pks)]
        return hashlib.sha256(json.dumps(source).encode()).hexdigest()


def _joined(*parts) -> str:
    return "\n".join(part for part in parts if part)


def _short(text: str) -> str:
    return Truncator(text).words(TITLE_WORDS)


def meeting_documents(meeting: Meeting) -> list[Document]:
    """Every document the public may read of this meeting; none for a private one. Six queries
    at most, whatever the size of the agenda."""
    if not meeting.is_public:
        return []
    page = reverse("public_meetings:meeting", kwargs={"slug": meeting.partnership.slug, "pk": meeting.pk})
    when = date_format(meeting.date, "j F Y")
    documents = []
    if meeting.is_published:
        documents += _agenda(meeting, page, when)
        documents += _papers(meeting, page)
    minutes = published_minutes_with_times([meeting.pk]).get(meeting.pk)
    if minutes is not None:
        summary, confirmed_at = minutes
        documents += _minutes(meeting, summary, page, when, confirmed_at)
    return documents


def _agenda(meeting: Meeting, page: str, when: str) -> list[Document]:
    items = [item for item in public_agendas([meeting.pk]).get(meeting.pk, []) if not item["confidential"]]
    return [
        Document(
            key=f"agenda:{meeting.pk}",
            kind=PublicationKind.AGENDA,
            title=_("Agenda: %(meeting)s, %(date)s") % {"meeting": meeting.title, "date": when},
            summary=_("The agenda of the meeting on %(date)s.") % {"date": when},
            text=_joined(*(_joined(item["title"], item["description"]) for item in items)),
            path=page,
            published_at=meeting.agenda_circulated_at,
        )
    ]


def _papers(meeting: Meeting, page: str) -> list[Document]:
    return [
        Document(
            key=f"paper:{paper.pk}",
            kind=PublicationKind.PAPER,
            title=paper.title,
            summary=_short(paper.summary),
            text=_joined(paper.title, paper.summary, paper.recommendations),
            path=f"{page}#item-{paper.item_position}",
            pdf_file_pks=tuple(file.pk for file in paper.files if file.content_type == "application/pdf"),
            published_at=_latest(meeting.agenda_circulated_at, *(file.uploaded_at for file in paper.files)),
        )
        for paper in public_papers([meeting.pk]).get(meeting.pk, [])
    ]


def _latest(*moments: datetime.datetime | None) -> datetime.datetime | None:
    known = [moment for moment in moments if moment is not None]
    return max(known) if known else None


def _minutes(meeting: Meeting, summary: dict, page: str, when: str, confirmed_at) -> list[Document]:
    items = summary.get("items", [])
    documents = [
        Document(
            key=f"minutes:{meeting.pk}",
            kind=PublicationKind.MINUTES,
            title=_("Minutes: %(meeting)s, %(date)s") % {"meeting": meeting.title, "date": when},
            summary=_("The minutes of the meeting on %(date)s, confirmed by the board as a true record.")
            % {"date": when},
            text=_joined(
                *(
                    _joined(
                        item.get("title"),
                        plain_text(item.get("discussion", "")),
                        *(d["text"] for d in item.get("decisions", [])),
                    )
                    for item in items
                )
            ),
            path=f"{page}#minutes",
            published_at=confirmed_at,
        )
    ]
    for item in items:
        for decision in item.get("decisions", []):
            number = decision["number"]
            documents.append(
                Document(
                    key=f"decision:{meeting.pk}:{number}",
                    kind=PublicationKind.DECISION,
                    title=_("Decision %(number)s: %(text)s") % {"number": number, "text": _short(decision["text"])},
                    summary=_("Decided at the meeting on %(date)s, under %(item)s.")
                    % {"date": when, "item": item.get("title", "")},
                    text=_joined(decision["text"], item.get("title")),
                    path=f"{page}#decision-{number}",
                    published_at=confirmed_at,
                )
            )
    return documents


def plan_documents(partnership) -> list[Document]:
    """Each plan summary the partnership has published: its title, description and the titles of
    its actions, as the public plan page shows them. Three queries however many plans."""
    documents = []
    for row in published_plan_rows(partnership):
        plan = row.plan
        documents.append(
            Document(
                key=f"plan:{plan.pk}",
                kind=PublicationKind.PLAN,
                title=plan.title,
                summary=_short(plan.description),
                text=_joined(plan.title, plan.description, *(action.title for action in plan.actions.all())),
                path=reverse("public_plans:plan", kwargs={"slug": partnership.slug, "pk": plan.pk}),
                published_at=plan.published_at,
            )
        )
    return documents
