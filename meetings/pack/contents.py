"""What goes into an agenda pack, read in a fixed number of queries, and its fingerprint.

The public pack is read the way the public pages are (meetings/public.py): the columns of a
confidential item other than its place and reason are never selected, and the papers of a
confidential item are never read, so they cannot reach the public pack by mistake.

Under matters arising the members' pack lists the actions still open from earlier decisions
(meetings/selectors_actions_arising.py), as the meeting page does. The public pack leaves them
out: the plans' actions and their owners are the members' record, not published ones."""

import hashlib
import json
from dataclasses import asdict, dataclass, field

from ..models import AgendaItem, ExemptionReason, Meeting, Paper, PaperFile, Purpose, StandingItem
from ..models_pack import PackVariant
from ..selectors_actions_arising import MatterArising, matters_arising
from ..uploads import PDF

# What the public pack reads of a meeting: nothing but what its cover shows.
PUBLIC_MEETING_FIELDS = (
    "partnership__name",
    "title",
    "group",
    "date",
    "start_time",
    "end_time",
    "place",
    "online_link",
)
# Part of every fingerprint: a new layout of the pack makes every stored pack stale.
# 2: the public pack no longer carries the members' join link; 3: matters arising; 4: each action
# under matters arising once, with every decision it arose from.
LAYOUT_VERSION = "4"
PAPER_COLUMNS = (
    "pk",
    "agenda_item_id",
    "title",
    "prepared_by",
    "presenting",
    "leading_partners",
    "summary",
    "recommendations",
    "financial_hr_implications",
    "equality_implications",
    "purpose",
    "is_late",
    "late_reason",
)
FILE_COLUMNS = ("pk", "paper_id", "file", "original_name", "content_type", "size")
ITEM_COLUMNS = (
    "pk",
    "position",
    "title",
    "purpose",
    "description",
    "presenter",
    "leading_partners",
    "is_late",
    "late_reason",
    "chair_accepted",
)


@dataclass(frozen=True)
class PackFile:
    pk: int
    stored_name: str
    name: str
    content_type: str
    size: int

    @property
    def is_pdf(self) -> bool:
        return self.content_type == PDF.content_type


@dataclass(frozen=True)
class PackPaper:
    pk: int
    title: str
    prepared_by: str
    presenting: str
    leading_partners: str
    summary: str
    recommendations: str
    financial_hr_implications: str
    equality_implications: str
    purpose: str
    is_late: bool
    late_reason: str
    files: tuple[PackFile, ...] = ()


@dataclass(frozen=True)
class PackDecisionArising:
    """A decision an action under matters arising arose from."""

    number: int
    decided_on: str
    from_confidential_item: bool


@dataclass(frozen=True)
class PackActionArising:
    """An action still open from earlier decisions, as matters arising lists it: once, with
    every decision it arose from, oldest first."""

    decisions: tuple[PackDecisionArising, ...]
    reference: str
    title: str
    plan: str
    owner: str
    due: str
    status: str

    @classmethod
    def of(cls, arising: MatterArising) -> "PackActionArising":
        action = arising.action
        member = action.owner_member
        due = f"{action.due:%-d %B %Y}" if action.due else "Ongoing" if action.is_ongoing else "No date"
        return cls(
            decisions=tuple(
                PackDecisionArising(
                    number=origin.decision.number,
                    decided_on=f"{origin.decision.decided_on:%-d %B %Y}",
                    from_confidential_item=origin.from_confidential_item,
                )
                for origin in arising.origins
            ),
            reference=action.reference,
            title=action.title,
            plan=action.plan.title,
            owner=action.owner or (member.person.name if member is not None else "Not given"),
            due=due,
            status=arising.standing.status_label,
        )


@dataclass(frozen=True)
class PackItem:
    number: int
    title: str | None  # None for a confidential item in the public pack
    purpose: str = ""
    description: str = ""
    presenter: str = ""
    leading_partners: str = ""
    exemption: str = ""  # why a confidential item is taken in private
    is_late: bool = False
    late_reason: str = ""
    chair_accepted: bool = False
    papers: tuple[PackPaper, ...] = ()
    actions_arising: tuple[PackActionArising, ...] = ()  # under matters arising, members' pack only


@dataclass(frozen=True)
class PackContents:
    variant: str
    meeting_pk: int
    partnership: str
    title: str
    group: str
    date: str
    start_time: str
    end_time: str
    place: str
    online_link: str
    items: tuple[PackItem, ...] = field(default_factory=tuple)

    @property
    def papers(self) -> list[PackPaper]:
        return [paper for item in self.items for paper in item.papers]

    @property
    def is_public(self) -> bool:
        return self.variant == PackVariant.PUBLIC

    def fingerprint(self) -> str:
        """Changes whenever anything the pack shows changes: an item, a paper, a file, an
        action under matters arising or where it stands."""
        text = json.dumps([LAYOUT_VERSION, asdict(self)], sort_keys=True, default=str)
        return hashlib.sha256(text.encode()).hexdigest()


PURPOSES = dict(Purpose.choices)
REASONS = dict(ExemptionReason.choices)


def _papers(papers_rows, files_rows) -> dict[int, list[PackPaper]]:
    files: dict[int, list[PackFile]] = {}
    for pk, paper_id, stored_name, name, content_type, size in files_rows:
        files.setdefault(paper_id, []).append(PackFile(pk, stored_name, name, content_type, size))
    by_item: dict[int, list[PackPaper]] = {}
    for row in papers_rows:
        values = dict(zip(PAPER_COLUMNS, row, strict=True))
        item_id = values.pop("agenda_item_id")
        values["purpose"] = PURPOSES.get(values["purpose"], values["purpose"])
        by_item.setdefault(item_id, []).append(PackPaper(**values, files=tuple(files.get(values["pk"], ()))))
    return by_item


def _meeting_contents(meeting: Meeting, variant: str, items) -> PackContents:
    return PackContents(
        variant=variant,
        meeting_pk=meeting.pk,
        partnership=meeting.partnership.name,
        title=meeting.title,
        group=meeting.group,
        date=f"{meeting.date:%A %-d %B %Y}",
        start_time=f"{meeting.start_time:%H:%M}",
        end_time=f"{meeting.end_time:%H:%M}" if meeting.end_time else "",
        place=meeting.place,
        # The join link is the members'; the public pack names the place and nothing else.
        online_link=meeting.online_link if variant == PackVariant.MEMBERS else "",
        items=tuple(sorted(items, key=lambda item: item.number)),
    )


def _open_item(values: dict, papers: dict, actions_arising: tuple[PackActionArising, ...] = ()) -> PackItem:
    pk = values.pop("pk")
    return PackItem(
        number=values.pop("position"),
        **{**values, "purpose": PURPOSES.get(values["purpose"], values["purpose"])},
        papers=tuple(papers.get(pk, ())),
        actions_arising=actions_arising,
    )


def _actions_arising(meeting: Meeting, standing: list[str]) -> tuple[PackActionArising, ...]:
    """The open actions from earlier decisions, read only when the agenda takes matters arising."""
    if StandingItem.MATTERS_ARISING not in standing:
        return ()
    return tuple(PackActionArising.of(arising) for arising in matters_arising(meeting))


def members_contents(meeting_id: int) -> PackContents:
    """Everything: every item, confidential ones marked with their reason, and every paper."""
    meeting = Meeting.objects.select_related("partnership").get(pk=meeting_id)
    papers = _papers(
        Paper.objects.filter(agenda_item__meeting=meeting).order_by("pk").values_list(*PAPER_COLUMNS),
        PaperFile.objects.filter(paper__agenda_item__meeting=meeting)
        .order_by("uploaded_at", "pk")
        .values_list(*FILE_COLUMNS),
    )
    columns = (*ITEM_COLUMNS, "is_confidential", "confidential_reason", "standing")
    rows = [
        dict(zip(columns, row, strict=True)) for row in AgendaItem.objects.filter(meeting=meeting).values_list(*columns)
    ]
    arising = _actions_arising(meeting, [values["standing"] for values in rows])
    items = []
    for values in rows:
        confidential, reason = values.pop("is_confidential"), values.pop("confidential_reason")
        values["exemption"] = REASONS.get(reason, "Exempt") if confidential else ""
        standing = values.pop("standing")
        items.append(_open_item(values, papers, arising if standing == StandingItem.MATTERS_ARISING else ()))
    return _meeting_contents(meeting, PackVariant.MEMBERS, items)


def public_contents(meeting_id: int) -> PackContents:
    """What the public may read: open items with their papers; of a confidential item, only
    its number and why it is exempt."""
    meeting = Meeting.objects.select_related("partnership").only(*PUBLIC_MEETING_FIELDS).get(pk=meeting_id)
    open_items = AgendaItem.objects.filter(meeting=meeting, is_confidential=False)
    papers = _papers(
        Paper.objects.filter(agenda_item__in=open_items).order_by("pk").values_list(*PAPER_COLUMNS),
        PaperFile.objects.filter(paper__agenda_item__in=open_items)
        .order_by("uploaded_at", "pk")
        .values_list(*FILE_COLUMNS),
    )
    items = [
        _open_item(dict(zip(ITEM_COLUMNS, row, strict=True)), papers) for row in open_items.values_list(*ITEM_COLUMNS)
    ]
    exempt = AgendaItem.objects.filter(meeting=meeting, is_confidential=True).values_list(
        "position", "confidential_reason"
    )
    items += [
        PackItem(number=position, title=None, exemption=REASONS.get(reason, "Exempt")) for position, reason in exempt
    ]
    return _meeting_contents(meeting, PackVariant.PUBLIC, items)


def contents_for(meeting_id: int, variant: str) -> PackContents:
    return public_contents(meeting_id) if variant == PackVariant.PUBLIC else members_contents(meeting_id)
