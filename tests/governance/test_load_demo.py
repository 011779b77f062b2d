"""The demo `make run` loads: the Warwickshire partnership of seed 001 and Rugby's."""

import datetime

import pytest
from django.core.management import CommandError, call_command

from governance.models import ConductDocument
from meetings.models import Meeting, MinutesStatus, PaperFile, WrittenProposal
from partnership.models import Member, NominatingBody, Partnership, User
from partnership.selectors import current_office_holders


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    call_command("load_demo")


def test_warwickshire_has_thirteen_bodies_and_seventeen_seats(demo):
    warwickshire = Partnership.objects.get(slug="warwickshire-scp")
    bodies = NominatingBody.objects.filter(partnership=warwickshire)
    assert bodies.count() == 13
    assert sum(body.seats for body in bodies) == 17
    assert Member.objects.filter(partnership=warwickshire, active=True).count() == 17


def test_chair_and_vice_chair_are_in_office_from_different_bodies(demo):
    warwickshire = Partnership.objects.get(slug="warwickshire-scp")
    holders = current_office_holders(warwickshire, datetime.date.today())
    assert holders["chair"].member.person.name == "Cllr Helen Marsh"
    assert holders["chair"].member.nominating_body != holders["vice_chair"].member.nominating_body


def test_a_district_chair_sits_on_the_county_board_as_one_person(demo):
    seats = Member.objects.filter(person__name="Cllr Tom Whitfield")
    assert {seat.partnership.slug for seat in seats} == {"warwickshire-scp", "rugby-csp"}


def test_demo_logins_and_codes_to_acknowledge(demo):
    assert set(User.objects.values_list("username", flat=True)) >= {"secretariat", "chair", "member", "admin"}
    assert ConductDocument.objects.filter(partnership__slug="warwickshire-scp").count() == 2


def test_loading_twice_changes_nothing(demo, capsys):
    call_command("load_demo")
    assert "Demo already loaded." in capsys.readouterr().out
    assert Partnership.objects.count() == 2


def test_refused_without_debug_unless_forced(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="passwords are public"):
        call_command("load_demo")
    assert not Partnership.objects.exists()


def test_the_terms_of_reference_are_due_for_review_within_a_year(demo):
    terms = Partnership.objects.get(slug="warwickshire-scp").terms_of_reference.get()
    today = datetime.date.today()
    assert terms.adopted_on <= today < terms.next_review_on


def test_the_demo_has_a_published_public_meeting_and_a_board_meeting_to_agree(demo):
    public, board = Meeting.objects.filter(
        partnership__slug="warwickshire-scp", date__gte=datetime.date.today()
    ).order_by("date")
    assert public.is_published
    assert public.agenda_items.filter(is_confidential=True).count() == 1
    assert board.agenda_agreed_at is None
    assert board.agenda_items.count() == 7


def test_the_demo_has_a_meeting_record_at_every_stage(demo):
    held = list(Meeting.objects.filter(partnership__slug="warwickshire-scp", date__lt=datetime.date.today()))
    assert len(held) == 3
    first, second, last = held
    assert first.minutes.status == MinutesStatus.CONFIRMED
    assert first.minutes.is_published
    assert first.minutes.confirmed_at_meeting == second
    assert second.minutes.status == MinutesStatus.CIRCULATED
    assert second.minutes.is_late
    assert second.attendance.filter(status="substitute", substitute_name="Supt Claire Young").exists()
    assert second.declarations.get().withdraws
    assert not last.attendance.exists()
    assert not hasattr(last, "minutes")
    assert second.agenda_items.filter(decisions__outcome="carried").exists()
    assert WrittenProposal.objects.get().is_open


def test_the_vice_chair_has_a_login(demo):
    assert User.objects.get(username="vicechair").person.name == "Cllr David Okafor"


def test_the_demos_reminders_go_out_once_as_make_run_sends_them(demo, capsys, mailoutbox):
    """`make run` runs check_deadlines after loading the demo: its reminders are printed by the
    console backend, addressed to the secretariat officer and to members."""
    call_command("check_deadlines")
    printed = capsys.readouterr().out
    call_command("check_deadlines")
    again = capsys.readouterr().out

    recipients = {to for message in mailoutbox for to in message.to}
    assert "sam.price@warwickshire.example.org" in recipients
    assert "ann.lowry@rugby.example.org" in recipients
    assert "helen.marsh@warwickshire.example.org" in recipients
    subjects = {message.subject for message in mailoutbox}
    assert any(subject.startswith("Milestone overdue since") for subject in subjects)
    assert any(subject.startswith("Too few meetings in") for subject in subjects)
    assert f"sent {len(mailoutbox)}." in printed
    assert "Recorded 0 new notifications; sent 0." in again


def test_held_meetings_carry_an_open_paper_and_a_restricted_one_each_with_a_pdf(demo):
    files = PaperFile.objects.filter(paper__agenda_item__meeting__partnership__slug="warwickshire-scp")
    open_files = files.filter(paper__agenda_item__is_confidential=False)
    restricted = files.filter(paper__agenda_item__is_confidential=True)
    assert set(open_files.values_list("original_name", flat=True)) == {"performance-report-q2.pdf"}
    assert set(restricted.values_list("original_name", flat=True)) == {"dhr-restricted-action-plan.pdf"}
    assert open_files.count() == restricted.count() == 3  # one of each at each held meeting
    assert all(paper_file.file.read(5) == b"%PDF-" for paper_file in files)
    assert set(open_files.values_list("paper__agenda_item__title", flat=True)) == {
        "Quarterly performance report to the Public Service Board"
    }
