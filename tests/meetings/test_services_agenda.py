"""Building the agenda: standing items, order, confidential items, the chair's agreement,
circulation on time or late, and late items (ToR 5.7)."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from meetings import services
from meetings.models import AgendaItem, Meeting, MeetingStatus
from meetings.tasks import email_agenda_circulated
from partnership.errors import RuleBroken
from partnership.models import Notification, NotificationStatus
from tests.meetings.papers_support import pdf_bytes, stored_files, upload

TUESDAY = datetime.date(2027, 6, 15)


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def titles(meeting):
    return list(meeting.agenda_items.order_by("position").values_list("title", flat=True))


def test_a_new_agenda_opens_with_the_standing_items(meeting):
    assert titles(meeting) == [
        "Apologies for absence",
        "Declarations of interest",
        "Minutes of the last meeting",
        "Matters arising",
    ]
    assert meeting.status == MeetingStatus.PLANNED


def test_deadlines_are_in_working_days(meeting):
    assert meeting.agenda_due == datetime.date(2027, 6, 8)
    assert meeting.minutes_due == datetime.date(2027, 6, 29)


def test_a_meeting_ends_after_it_starts(warwickshire):
    with pytest.raises(RuleBroken, match="must end after it starts"):
        services.schedule_meeting(
            partnership=warwickshire,
            title="Board",
            date=TUESDAY,
            start_time=datetime.time(14),
            end_time=datetime.time(13),
        )
    assert not Meeting.objects.exists()


def test_items_are_added_at_the_end(meeting):
    services.add_agenda_item(meeting=meeting, title="Strategic assessment", purpose="decision")
    assert titles(meeting)[-1] == "Strategic assessment"
    assert meeting.agenda_items.get(title="Strategic assessment").position == 5


def test_a_confidential_item_says_why(meeting):
    with pytest.raises(RuleBroken, match="Say why the item is exempt") as refusal:
        services.add_agenda_item(meeting=meeting, title="Case review", is_confidential=True)
    assert refusal.value.field == "confidential_reason"
    assert meeting.agenda_items.count() == 4
    item = services.add_agenda_item(
        meeting=meeting, title="Case review", is_confidential=True, confidential_reason="personal"
    )
    assert item.get_confidential_reason_display() == "Exempt: personal information"


def test_reordering_names_every_item_once(meeting):
    ids = list(meeting.agenda_items.order_by("position").values_list("pk", flat=True))
    services.reorder_agenda(meeting=meeting, item_ids=list(reversed(ids)))
    assert titles(meeting)[0] == "Matters arising"
    with pytest.raises(RuleBroken, match="list every item of this agenda once"):
        services.reorder_agenda(meeting=meeting, item_ids=ids[:2])


def test_moving_an_item_up(meeting):
    item = meeting.agenda_items.get(title="Matters arising")
    services.move_agenda_item(item=item, places=-1)
    assert titles(meeting)[2:] == ["Matters arising", "Minutes of the last meeting"]


def test_the_chair_agrees_the_agenda_and_a_change_withdraws_the_agreement(meeting, chair):
    services.agree_agenda(meeting=meeting, by=chair)
    meeting.refresh_from_db()
    assert meeting.agenda_agreed_by == chair
    services.add_agenda_item(meeting=meeting, title="Strategic assessment")
    meeting.refresh_from_db()
    assert meeting.agenda_agreed_at is None


def test_an_agenda_the_chair_has_not_agreed_does_not_go_out(meeting, secretariat):
    with pytest.raises(RuleBroken, match="The chair has not agreed the agenda yet"):
        services.circulate_agenda(meeting=meeting, by=secretariat, now=at(datetime.date(2027, 6, 1)))
    meeting.refresh_from_db()
    assert not meeting.is_circulated


def test_circulating_on_time_emails_every_active_member(
    meeting, chair, member, secretariat, django_capture_on_commit_callbacks, settings
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    services.agree_agenda(meeting=meeting, by=chair)
    with django_capture_on_commit_callbacks(execute=True):
        services.circulate_agenda(meeting=meeting, by=secretariat, now=at(datetime.date(2027, 6, 8), 17))
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.AGENDA_CIRCULATED
    assert not meeting.agenda_circulated_late
    assert sorted(message.to[0] for message in mail.outbox) == [
        "carol.chair@warwickshire.example.org",
        "mo.member@police.example.org",
    ]
    assert f"/partnerships/warwickshire-scp/meetings/{meeting.pk}/" in mail.outbox[0].body


def test_the_agenda_email_goes_to_each_member_once_however_often_its_task_runs(
    meeting, chair, member, secretariat, django_capture_on_commit_callbacks, settings
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    services.agree_agenda(meeting=meeting, by=chair)
    with django_capture_on_commit_callbacks(execute=True):
        services.circulate_agenda(meeting=meeting, by=secretariat, now=at(datetime.date(2027, 6, 8), 17))
    with django_capture_on_commit_callbacks(execute=True):
        assert email_agenda_circulated.delay(meeting.pk).get() == 0  # a retry, or a task delivered twice

    assert len(mail.outbox) == 2
    message = next(m for m in mail.outbox if m.to == ["mo.member@police.example.org"])
    assert "Dear Mo Member," in message.body
    assert "send your apologies to the secretariat" in message.body
    html, _ = message.alternatives[0]
    assert f'href="{settings.SITE_URL}/partnerships/warwickshire-scp/meetings/{meeting.pk}/"' in html
    assert Notification.objects.filter(kind="agenda_circulated", status=NotificationStatus.SENT).count() == 2


def test_circulating_after_agenda_due_is_marked_late(meeting, chair, secretariat):
    services.agree_agenda(meeting=meeting, by=chair)
    services.circulate_agenda(meeting=meeting, by=secretariat, now=at(datetime.date(2027, 6, 9)))
    meeting.refresh_from_db()
    assert meeting.agenda_circulated_late


def test_an_agenda_goes_out_once_and_not_after_the_meeting(meeting, chair, secretariat):
    services.agree_agenda(meeting=meeting, by=chair)
    with pytest.raises(RuleBroken, match="The meeting has taken place"):
        services.circulate_agenda(meeting=meeting, by=secretariat, now=at(datetime.date(2027, 6, 16)))
    services.circulate_agenda(meeting=meeting, by=secretariat, now=at(datetime.date(2027, 6, 1)))
    with pytest.raises(RuleBroken, match="The agenda went out on 1 June 2027"):
        services.circulate_agenda(meeting=meeting, by=secretariat, now=at(datetime.date(2027, 6, 2)))


@pytest.fixture
def circulated(meeting, chair, secretariat):
    services.agree_agenda(meeting=meeting, by=chair)
    services.circulate_agenda(meeting=meeting, by=secretariat, now=at(datetime.date(2027, 6, 1)))
    meeting.refresh_from_db()
    return meeting


def test_an_item_added_after_circulation_is_late_and_needs_a_reason(circulated):
    with pytest.raises(RuleBroken, match="this is a late item: say why") as refusal:
        services.add_agenda_item(meeting=circulated, title="Funding bid")
    assert refusal.value.field == "late_reason"
    assert circulated.agenda_items.count() == 4
    item = services.add_agenda_item(meeting=circulated, title="Funding bid", late_reason="The deadline is Friday.")
    assert item.is_late
    assert item.awaits_chair


def test_the_chair_accepts_a_late_item_once(circulated, chair):
    item = services.add_agenda_item(meeting=circulated, title="Funding bid", late_reason="The deadline is Friday.")
    services.accept_late_item(item=item, by=chair)
    item.refresh_from_db()
    assert item.chair_accepted
    assert item.chair_accepted_by == chair
    with pytest.raises(RuleBroken, match="already accepted"):
        services.accept_late_item(item=item, by=chair)


def test_an_item_on_time_needs_no_acceptance(circulated, chair):
    item = circulated.agenda_items.first()
    with pytest.raises(RuleBroken, match="Only a late item"):
        services.accept_late_item(item=item, by=chair)


def test_items_of_a_circulated_agenda_stay_on_it(circulated):
    item = circulated.agenda_items.first()
    with pytest.raises(RuleBroken, match="The agenda has gone out, so its items stay on it"):
        services.remove_agenda_item(item=item)
    assert AgendaItem.objects.filter(pk=item.pk).exists()


def test_removing_an_item_renumbers_the_rest(meeting):
    services.remove_agenda_item(item=meeting.agenda_items.get(title="Apologies for absence"))
    assert list(meeting.agenda_items.order_by("position").values_list("position", flat=True)) == [1, 2, 3]


def test_a_held_meetings_agenda_is_part_of_the_record(meeting):
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.HELD)
    with pytest.raises(RuleBroken, match="has been held"):
        services.add_agenda_item(meeting=meeting, title="Anything")
    with pytest.raises(RuleBroken, match="has been held, so its date"):
        services.reschedule_meeting(meeting=meeting, date=datetime.date(2027, 6, 22))


def test_rescheduling_moves_the_deadlines(meeting):
    moved = services.reschedule_meeting(meeting=meeting, date=datetime.date(2027, 6, 22))
    assert moved.agenda_due == datetime.date(2027, 6, 15)


def test_moving_a_circulated_meeting_judges_the_agenda_against_the_new_deadline(circulated):
    moved = services.reschedule_meeting(meeting=circulated, date=datetime.date(2027, 6, 3))
    assert moved.agenda_due == datetime.date(2027, 5, 26)  # the spring bank holiday is 31 May
    assert moved.agenda_circulated_late
    moved = services.reschedule_meeting(meeting=circulated, date=datetime.date(2027, 6, 15))
    assert not moved.agenda_circulated_late


def test_a_held_meetings_late_items_and_agenda_are_settled(circulated, chair):
    item = services.add_agenda_item(meeting=circulated, title="Funding bid", late_reason="The deadline is Friday.")
    Meeting.objects.filter(pk=circulated.pk).update(status=MeetingStatus.HELD)
    with pytest.raises(RuleBroken, match="has been held"):
        services.accept_late_item(item=item, by=chair)
    item.refresh_from_db()
    assert not item.chair_accepted


def test_staff_do_not_act_as_the_chair(meeting, staff, chair):
    assert not staff.has_perm("meetings.agree_agenda", meeting)
    assert not staff.has_perm("meetings.accept_late_item", meeting)
    assert staff.has_perm("meetings.circulate_agenda", meeting)
    assert chair.has_perm("meetings.agree_agenda", meeting)


def test_a_held_meetings_agenda_cannot_go_out_again(circulated, secretariat):
    Meeting.objects.filter(pk=circulated.pk).update(status=MeetingStatus.HELD, agenda_circulated_at=None)
    with pytest.raises(RuleBroken, match="has been held"):
        services.circulate_agenda(meeting=circulated, by=secretariat, now=at(datetime.date(2027, 6, 14)))
    assert Meeting.objects.get(pk=circulated.pk).status == MeetingStatus.HELD


def test_once_the_day_has_passed_the_agenda_is_part_of_the_record(meeting, time_machine):
    time_machine.move_to(at(datetime.date(2027, 6, 16)))
    with pytest.raises(
        RuleBroken, match="The meeting has taken place, so its agenda and papers are part of the record"
    ):
        services.add_agenda_item(meeting=meeting, title="Anything")
    assert meeting.agenda_items.count() == 4


def test_a_new_paper_withdraws_the_chairs_agreement(meeting, chair):
    services.agree_agenda(meeting=meeting, by=chair)
    services.add_paper(agenda_item=meeting.agenda_items.first(), title="Hallmarks of effective practice")
    meeting.refresh_from_db()
    assert meeting.agenda_agreed_at is None


def test_a_private_meeting_whose_agenda_is_out_is_not_made_public(circulated):
    with pytest.raises(RuleBroken, match="The agenda went out for a private meeting") as refusal:
        services.reschedule_meeting(meeting=circulated, is_public=True)
    assert refusal.value.field == "is_public"
    assert not Meeting.objects.get(pk=circulated.pk).is_public


def test_removing_an_item_takes_its_papers_files_off_the_disk(
    meeting, secretariat, media, django_capture_on_commit_callbacks
):
    item = services.add_agenda_item(meeting=meeting, title="Case review")
    paper = services.add_paper(agenda_item=item, title="Chronology")
    services.attach_file(paper=paper, upload=upload("chronology.pdf", pdf_bytes("Chronology")), by=secretariat)
    assert len(stored_files(media)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        services.remove_agenda_item(item=item)
    assert stored_files(media) == []
