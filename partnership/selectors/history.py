"""Every change to one partnership's register, newest first, a page at a time.

The historical tables of the register are merged in one UNION query (dates and ids only) that
the paginator counts and slices; then each table present on the page is read once, with the
id of each row's previous version found by a subquery, and those previous versions once more.
Diffs pair each version with the one before it in Python. So a page costs the same number of
queries whatever the size of the history."""

import datetime
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import CharField, OuterRef, Q, Subquery, Value
from django.utils.dateformat import format as date_format
from django.utils.text import Truncator
from django.utils.translation import gettext, gettext_lazy

from ..models import (
    Member,
    NominatingBody,
    Office,
    OfficeRole,
    Partnership,
    Person,
    Substitute,
    TermsOfReference,
    WithdrawalNotice,
)

PAGE_SIZE = 100
NOT_SHOWN = {"user"}  # a person's login is the site's business, not the register's
KIND_OF_CHANGE = {"+": gettext_lazy("Created"), "~": gettext_lazy("Changed"), "-": gettext_lazy("Deleted")}


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: datetime.datetime
    who: str
    record: str
    kind: str
    changes: list[Change] = field(default_factory=list)


def _histories(partnership: Partnership) -> dict:
    """The historical rows of each kind of record that belongs to the partnership."""
    pid = partnership.pk
    body_ids = NominatingBody.history.filter(partnership_id=pid).values("id")
    member_ids = Member.history.filter(partnership_id=pid).values("id")
    return {
        "partnership": Partnership.history.filter(id=pid),
        "terms": TermsOfReference.history.filter(partnership_id=pid),
        "body": NominatingBody.history.filter(partnership_id=pid),
        "member": Member.history.filter(partnership_id=pid),
        "substitute": Substitute.history.filter(member_id__in=member_ids),
        # People are shared across partnerships; their names and emails show here for whoever sits on this one.
        "person": Person.history.filter(id__in=Member.objects.filter(partnership_id=pid).values("person_id")),
        "office": Office.history.filter(partnership_id=pid),
        "withdrawal": WithdrawalNotice.history.filter(nominating_body_id__in=body_ids),
    }


def _timeline(histories: dict):
    parts = [
        queryset.order_by()  # a part of a UNION has no order of its own
        .annotate(table=Value(key, output_field=CharField()))
        .values_list("history_date", "history_id", "table")
        for key, queryset in histories.items()
    ]
    return parts[0].union(*parts[1:], all=True).order_by("-history_date", "-history_id")


def _with_previous(historical_model, history_ids):
    """The rows with these ids, each annotated with the id of the version before it."""
    earlier = (
        historical_model.objects.filter(id=OuterRef("id"))
        .filter(
            Q(history_date__lt=OuterRef("history_date"))
            | Q(history_date=OuterRef("history_date"), history_id__lt=OuterRef("history_id"))
        )
        .order_by("-history_date", "-history_id")
        .values("history_id")[:1]
    )
    return (
        historical_model.objects.filter(history_id__in=history_ids)
        .select_related("history_user")
        .annotate(previous_history_id=Subquery(earlier))
    )


class _Names:
    """Names of the rows that historical records point at, read once per page."""

    def __init__(self, partnership: Partnership):
        self.bodies = dict(NominatingBody.objects.filter(partnership=partnership).values_list("id", "name"))
        self.people = dict(Person.objects.filter(seats__partnership=partnership).values_list("id", "name"))
        self.members = {
            pk: f"{person} ({body})"
            for pk, person, body in Member.objects.filter(partnership=partnership).values_list(
                "id", "person__name", "nominating_body__name"
            )
        }
        self.partnership = partnership.name

    def of(self, related_model, pk) -> str:
        if related_model is Partnership:
            return self.partnership
        names = {NominatingBody: self.bodies, Person: self.people, Member: self.members}.get(related_model, {})
        return names.get(pk, gettext("a record no longer on the register"))

    def record(self, table: str, row) -> str:
        if table == "partnership":
            return gettext("The partnership's details and rules")
        if table == "terms":
            return gettext("Terms of reference, version %(version)s") % {"version": row.version}
        if table == "body":
            return gettext("Nominating body: %(name)s") % {"name": row.name}
        if table == "member":
            return gettext("Member: %(person)s for %(body)s") % {
                "person": self.of(Person, row.person_id),
                "body": self.of(NominatingBody, row.nominating_body_id),
            }
        if table == "person":
            return gettext("Name and email of %(name)s") % {"name": row.name}
        if table == "substitute":
            return gettext("Substitute: %(name)s, for %(member)s") % {
                "name": row.name,
                "member": self.of(Member, row.member_id),
            }
        if table == "office":
            return gettext("%(office)s: %(member)s") % {
                "office": OfficeRole(row.role).label,
                "member": self.of(Member, row.member_id),
            }
        return gettext("Withdrawal notice of %(body)s") % {"body": self.of(NominatingBody, row.nominating_body_id)}


def _show(model_field, value, names: _Names) -> str:
    if value is None or value == "":
        return gettext("blank")
    if model_field.is_relation:
        return names.of(model_field.related_model, value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, datetime.date):
        return date_format(value, "j F Y")
    return Truncator(str(value)).chars(120)


def _changes(row, previous, names: _Names) -> list[Change]:
    changes = []
    for model_field in row.instance_type._meta.concrete_fields:
        if model_field.primary_key or model_field.name in NOT_SHOWN:
            continue
        old, new = getattr(previous, model_field.attname), getattr(row, model_field.attname)
        if old != new:
            changes.append(
                Change(
                    str(model_field.verbose_name).capitalize(),
                    _show(model_field, old, names),
                    _show(model_field, new, names),
                )
            )
    return changes


def _who(user) -> str:
    if user is None:
        return gettext("Not recorded")
    return user.get_full_name() or user.get_username()


def history_page(partnership: Partnership, page_number):
    """The requested page of the partnership's history, and its entries."""
    histories = _histories(partnership)
    page = Paginator(_timeline(histories), PAGE_SIZE).get_page(page_number)
    wanted: dict[str, list[int]] = {}
    for _when, history_id, table in page.object_list:
        wanted.setdefault(table, []).append(history_id)
    rows = {}
    for table, ids in wanted.items():
        historical_model = histories[table].model
        found = list(_with_previous(historical_model, ids))
        previous_ids = [row.previous_history_id for row in found if row.history_type == "~" and row.previous_history_id]
        previous = historical_model.objects.in_bulk(previous_ids, field_name="history_id") if previous_ids else {}
        for row in found:
            rows[table, row.history_id] = (row, previous.get(row.previous_history_id))
    names = _Names(partnership) if wanted else None
    entries = []
    for _when, history_id, table in page.object_list:
        row, previous = rows[table, history_id]
        entries.append(
            HistoryEntry(
                when=row.history_date,
                who=_who(row.history_user),
                record=names.record(table, row),
                kind=str(KIND_OF_CHANGE.get(row.history_type, row.history_type)),
                changes=_changes(row, previous, names) if previous is not None else [],
            )
        )
    return page, entries
