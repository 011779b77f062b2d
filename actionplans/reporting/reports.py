"""Asking for a partnership's quarterly report, and making it, as the agenda pack is made.

A report is kept until what it was made from changes: its fingerprint is a hash of the quarter,
the last day it reports on (today, while the quarter runs) and how far the history of the
partnership's plans has gone, so asking again after any change to a plan, section, action,
milestone or progress update finds the stored report stale and queues a new one. Making it is
the Celery task's work (actionplans.tasks)."""

import datetime
import hashlib
import json

from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone

from partnership.documents import DocumentStatus, is_still_being_made, make_and_keep
from partnership.models import Partnership

from ..models import Action, ActionPlan, Milestone, ProgressUpdate, Section
from ..models_reports import QuarterlyReport
from ..tasks import build_quarterly_report
from .content import build_content, period_end
from .quarters import Quarter, check_reportable, parse_quarter
from .render import render_report


def report_fingerprint(partnership: Partnership, quarter: Quarter, today: datetime.date) -> str:
    """What the report would be made from today: five queries, however big the plans."""
    plan_ids = ActionPlan.history.filter(partnership_id=partnership.pk).values("id")
    action_ids = Action.history.filter(plan_id__in=plan_ids).values("id")
    histories = [
        ActionPlan.history.filter(partnership_id=partnership.pk),
        Section.history.filter(plan_id__in=plan_ids),
        Action.history.filter(plan_id__in=plan_ids),
        Milestone.history.filter(action_id__in=action_ids),
        ProgressUpdate.history.filter(action_id__in=action_ids),
    ]
    stamps = [rows.aggregate(rows=Count("history_id"), last=Max("history_id")) for rows in histories]
    made_from = [str(quarter), period_end(quarter, today).isoformat(), partnership.name, stamps]
    return hashlib.sha256(json.dumps(made_from, sort_keys=True).encode()).hexdigest()


def request_report(
    *,
    partnership: Partnership,
    quarter: Quarter,
    now: datetime.datetime | None = None,
    rebuild: bool = False,
) -> QuarterlyReport:
    """The partnership's report for the quarter. When the stored one is current it is ready to
    serve; otherwise its making is queued (once, however often it is asked for) and the row
    returned says how far it has got. A quarter still to come is refused, and nothing saved."""
    now = now or timezone.now()
    check_reportable(quarter, today=timezone.localdate(now))
    fingerprint = report_fingerprint(partnership, quarter, timezone.localdate(now))
    with transaction.atomic():
        report, _ = QuarterlyReport.objects.select_for_update().get_or_create(
            partnership=partnership, quarter=str(quarter)
        )
        if report.fingerprint == fingerprint and not rebuild:
            if report.is_ready:
                return report
            if is_still_being_made(status=report.status, requested_at=report.requested_at, now=now):
                return report
        report.fingerprint = fingerprint
        report.status = DocumentStatus.QUEUED
        report.progress = 0
        report.requested_at = now
        report.save(update_fields=["fingerprint", "status", "progress", "requested_at"])
        transaction.on_commit(lambda: build_quarterly_report.delay(partnership.pk, str(quarter)))
    report.refresh_from_db()  # a worker (or an eager task) may have got on with it already
    return report


def build_report(*, partnership_id: int, quarter: str, now: datetime.datetime | None = None) -> QuarterlyReport | None:
    """Make the report from the plans' history as it is now and keep it. Safe to run twice: a
    report that is already current is left as it is."""
    partnership = Partnership.objects.filter(pk=partnership_id).first()
    if partnership is None:
        return None
    now = now or timezone.now()
    today = timezone.localdate(now)
    the_quarter = parse_quarter(quarter)
    fingerprint = report_fingerprint(partnership, the_quarter, today)
    report, _ = QuarterlyReport.objects.get_or_create(partnership=partnership, quarter=str(the_quarter))
    if report.is_ready and report.fingerprint == fingerprint:
        return report

    def make(progress):
        content = build_content(partnership=partnership, quarter=the_quarter, today=today)
        progress(20)
        return render_report(content, progress=progress)

    return make_and_keep(
        report, fingerprint=fingerprint, make=make, filename=f"{the_quarter}-{fingerprint[:16]}.pdf", now=now
    )
