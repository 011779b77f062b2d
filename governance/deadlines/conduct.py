"""The Code of Conduct and the behaviour protocol: every member acknowledges the version in
force. A member who has not is reminded every week until they do, and the secretariat gets one
list a week of who has not. Weekly reminders go out on the first working day of the ISO week;
a new version is first asked about on the working day after it comes into force."""

import datetime
from collections.abc import Iterator
from itertools import groupby

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from governance.models import ConductDocument
from governance.selectors import acknowledgements_outstanding
from partnership.models import Member
from partnership.notifications.recording import person_recipient

from .context import SweepContext, long_day, within
from .windows import first_working_day_of_week, iso_week, working_day_after


def _outstanding_this_week(ctx: SweepContext) -> list[tuple[Member, ConductDocument]]:
    """The unacknowledged (seat, document) pairs whose weekly reminder is due today."""
    due = []
    for member, document in acknowledgements_outstanding(ctx.partnership_ids, ctx.today):
        partnership = ctx.by_id[member.partnership_id]  # shares the calendar read once
        asked_from = working_day_after(partnership, document.in_force_from)
        if within(ctx, max(asked_from, first_working_day_of_week(partnership, ctx.today))):
            due.append((member, document))
    return due


def _by_seat(outstanding) -> dict[int, tuple[Member, list[ConductDocument]]]:
    """Each seat with every document it has yet to acknowledge: one email, not one a document."""
    seats: dict[int, tuple[Member, list[ConductDocument]]] = {}
    for member, document in outstanding:
        seats.setdefault(member.pk, (member, []))[1].append(document)
    return seats


def _titles(documents: list[ConductDocument]) -> str:
    return _(" and the ").join(
        _("%(title)s (%(version)s)") % {"title": document.title, "version": document.version} for document in documents
    )


def find(ctx: SweepContext) -> Iterator:
    week = iso_week(ctx.today)
    monday = datetime.date.fromisocalendar(*ctx.today.isocalendar()[:2], 1)
    outstanding = _outstanding_this_week(ctx)
    for member, documents in _by_seat(outstanding).values():
        partnership = ctx.by_id[member.partnership_id]
        yield ctx.notice(
            partnership,
            kind="code_not_acknowledged",
            about=f"seat:{member.pk}",
            occasion=week,
            recipients=(person_recipient(member.person),),
            subject=_("Please acknowledge the %(titles)s") % {"titles": _titles(documents)},
            paragraphs=(
                *(
                    _(
                        "Every member of the partnership acknowledges the %(title)s, version %(version)s, in force "
                        "since %(since)s."
                    )
                    % {"title": document.title, "version": document.version, "since": long_day(document.in_force_from)}
                    for document in documents
                ),
                ngettext(
                    "You have not acknowledged it yet. Read and acknowledge it online; you will be reminded each "
                    "week until you do.",
                    "You have not acknowledged them yet. Read and acknowledge them online; you will be reminded "
                    "each week until you do.",
                    len(documents),
                ),
            ),
            link=reverse("governance:acknowledge"),
            link_text=ngettext("Read and acknowledge it", "Read and acknowledge them", len(documents)),
            why=_("You get this as a member of the partnership."),
        )
    for partnership_id, rows in groupby(outstanding, key=lambda row: row[0].partnership_id):
        partnership = ctx.by_id[partnership_id]
        lines = tuple(
            _("%(person)s (%(body)s): %(document)s")
            % {"person": member.person.name, "body": member.nominating_body.name, "document": document}
            for member, document in rows
        )
        yield ctx.notice(
            partnership,
            kind="codes_outstanding",
            about=f"partnership:{partnership.pk}",
            occasion=week,
            recipients=ctx.secretariat(partnership),
            subject=_("Codes not yet acknowledged, week beginning %(monday)s: %(count)s")
            % {"monday": date_format(monday, "j F Y"), "count": len(lines)},
            paragraphs=(
                _("These members have not acknowledged the code in force (each is reminded every week):"),
                *lines,
            ),
            link=reverse("governance:acknowledgements", kwargs={"slug": partnership.slug}),
            link_text=_("See who has acknowledged what"),
            why=_("You get this as the partnership's secretariat, once a week while anyone has not acknowledged."),
        )
