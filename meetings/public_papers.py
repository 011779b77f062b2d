"""The papers the public may read: those of the open items of a published meeting (a public
meeting whose agenda has gone out), with their cover sheets and uploaded files, as the public
agenda pack has them. A confidential item's papers are never selected."""

import datetime
from dataclasses import dataclass, field

from .models import Meeting, Paper, PaperFile
from .uploads import KINDS

KIND_LABELS = {kind.content_type: kind.label for kind in KINDS}


@dataclass(frozen=True)
class PublicPaperFile:
    pk: int
    name: str
    content_type: str
    size: int
    uploaded_at: datetime.datetime | None = None

    @property
    def kind(self) -> str:
        """What kind of document it is, as people name it: PDF, DOCX, XLSX or ODT."""
        return KIND_LABELS.get(self.content_type, self.content_type)


@dataclass(frozen=True)
class PublicPaper:
    pk: int
    meeting_id: int
    item_position: int
    title: str
    summary: str
    recommendations: str
    files: list[PublicPaperFile] = field(default_factory=list)
    agenda_item_id: int | None = None


PAPER_FIELDS = (
    "pk",
    "agenda_item_id",
    "agenda_item__meeting_id",
    "agenda_item__position",
    "title",
    "summary",
    "recommendations",
)


def _published_meeting_ids(meeting_ids) -> list[int]:
    return list(
        Meeting.objects.filter(pk__in=meeting_ids, is_public=True, agenda_circulated_at__isnull=False).values_list(
            "pk", flat=True
        )
    )


def public_papers(meeting_ids) -> dict[int, list[PublicPaper]]:
    """Each published meeting's open papers in agenda order, with their files: three queries
    whatever the number of meetings, papers and files."""
    published = _published_meeting_ids(meeting_ids)
    if not published:
        return {}
    open_papers = Paper.objects.filter(agenda_item__meeting_id__in=published, agenda_item__is_confidential=False)
    files: dict[int, list[PublicPaperFile]] = {}
    for row in (
        PaperFile.objects.filter(paper__in=open_papers)
        .order_by("uploaded_at", "pk")
        .values("pk", "paper_id", "original_name", "content_type", "size", "uploaded_at")
    ):
        files.setdefault(row["paper_id"], []).append(
            PublicPaperFile(row["pk"], row["original_name"], row["content_type"], row["size"], row["uploaded_at"])
        )
    papers: dict[int, list[PublicPaper]] = {}
    for row in open_papers.order_by("agenda_item__position", "pk").values(*PAPER_FIELDS):
        meeting_id = row["agenda_item__meeting_id"]
        papers.setdefault(meeting_id, []).append(
            PublicPaper(
                pk=row["pk"],
                meeting_id=meeting_id,
                item_position=row["agenda_item__position"],
                title=row["title"],
                summary=row["summary"],
                recommendations=row["recommendations"],
                files=files.get(row["pk"], []),
                agenda_item_id=row["agenda_item_id"],
            )
        )
    return papers


def public_paper_file(meeting: Meeting, file_pk: int) -> PaperFile | None:
    """An uploaded file the public may download: of an open item's paper at this meeting, once
    the meeting is published; None otherwise."""
    if not meeting.is_published:
        return None
    return (
        PaperFile.objects.filter(
            pk=file_pk, paper__agenda_item__meeting_id=meeting.pk, paper__agenda_item__is_confidential=False
        )
        .only("pk", "file", "original_name", "content_type", "size")
        .first()
    )
