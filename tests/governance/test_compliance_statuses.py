"""Each rule of the terms of reference with its status for the year, and why (issue 6)."""

import datetime

import pytest
from django.utils import timezone

from actionplans.models import MilestoneStatus
from governance.compliance.statuses import ComplianceStatus, compliance_for
from governance.models import Acknowledgement
from governance.models_registers import InterestRegisterConfirmation
from partnership.models import Member, OfficeRole, WithdrawalNotice
from tests.actionplans.factories import ActionFactory, ActionPlanFactory, MilestoneFactory
from tests.factories import (
    ConductDocumentFactory,
    MemberFactory,
    NominatingBodyFactory,
    OfficeFactory,
    PersonFactory,
    TermsOfReferenceFactory,
)
from tests.governance.compliance_support import at, meeting, minutes

TODAY = datetime.date(2026, 11, 25)  # a Wednesday
MET, DUE_SOON, LATE, MISSED, PENDING = (
    ComplianceStatus.MET,
    ComplianceStatus.DUE_SOON,
    ComplianceStatus.LATE,
    ComplianceStatus.MISSED,
    ComplianceStatus.PENDING,
)


def rule(partnership, key, *, year=2026, today=TODAY):
    return next(row for row in compliance_for(partnership, year=year, today=today).rules if row.key == key)


def only_occasion(partnership, key, **kwargs):
    (occasion,) = rule(partnership, key, **kwargs).occasions
    return occasion


# Agenda and papers, ToR 5.7: due 5 working days before the meeting.


def test_agenda_sent_on_time_is_met(warwickshire):
    meeting(warwickshire, datetime.date(2026, 6, 16), sent=datetime.date(2026, 6, 5))

    occasion = only_occasion(warwickshire, "agenda")

    assert occasion.status == MET
    assert occasion.subject == "Board meeting, 16 June 2026"
    assert occasion.reason == "Sent on 5 June 2026; it was due by 9 June 2026."


def test_agenda_sent_after_it_was_due_is_late_by_working_days(warwickshire):
    meeting(warwickshire, datetime.date(2026, 9, 15), sent=datetime.date(2026, 9, 10))

    occasion = only_occasion(warwickshire, "agenda")

    assert occasion.status == LATE
    assert occasion.reason == "Sent on 10 September 2026, 2 working days after it was due on 8 September 2026."


def test_late_agenda_counts_working_days_not_bank_holidays(warwickshire):
    # Monday 31 August is the summer bank holiday: due Monday 24 August, not Tuesday 25.
    meeting(warwickshire, datetime.date(2026, 9, 1), sent=datetime.date(2026, 9, 1))

    assert "5 working days after it was due on 24 August 2026" in only_occasion(warwickshire, "agenda").reason


def test_meeting_held_without_its_agenda_is_missed(warwickshire):
    meeting(warwickshire, datetime.date(2026, 10, 13))

    occasion = only_occasion(warwickshire, "agenda")

    assert occasion.status == MISSED
    assert occasion.reason == "The meeting was held without the agenda being sent; it was due by 6 October 2026."


def test_agenda_overdue_for_a_meeting_to_come_is_late(warwickshire):
    meeting(warwickshire, datetime.date(2026, 11, 26))

    occasion = only_occasion(warwickshire, "agenda")

    assert occasion.status == LATE
    assert occasion.reason == "Due by 19 November 2026 and not yet sent: 4 working days late."


def test_agenda_due_within_two_working_days_is_due_soon(warwickshire):
    meeting(warwickshire, datetime.date(2026, 12, 3))  # due Thursday 26 November

    occasion = only_occasion(warwickshire, "agenda")

    assert occasion.status == DUE_SOON
    assert occasion.reason == "Due by 26 November 2026; not yet sent."


def test_agenda_due_later_is_not_yet_due(warwickshire):
    meeting(warwickshire, datetime.date(2026, 12, 15))

    occasion = only_occasion(warwickshire, "agenda")

    assert occasion.status == PENDING
    assert occasion.reason == "Due by 8 December 2026."


def test_agenda_rule_is_its_worst_meeting_and_counts_each(warwickshire, secretariat):
    meeting(warwickshire, datetime.date(2026, 6, 16), sent=datetime.date(2026, 6, 5))
    meeting(warwickshire, datetime.date(2026, 9, 15), sent=datetime.date(2026, 9, 10))
    meeting(warwickshire, datetime.date(2026, 10, 13))
    meeting(warwickshire, datetime.date(2026, 12, 15))
    meeting(warwickshire, datetime.date(2025, 10, 14))  # another year

    agenda = rule(warwickshire, "agenda")

    assert agenda.status == MISSED
    assert agenda.source == "ToR 5.7"
    assert agenda.title == "Agenda and papers sent at least 5 working days before each meeting"
    assert agenda.reason == (
        "Of 4 meetings in 2026: 1 held without the agenda; 1 sent late or overdue; 1 sent on time; 1 not yet due."
    )
    assert agenda.fix_url == "/partnerships/warwickshire-scp/meetings/"
    assert [occasion.url for occasion in agenda.occasions][0].startswith("/partnerships/warwickshire-scp/meetings/")


def test_met_so_far_with_meetings_to_come_reads_as_met(warwickshire):
    meeting(warwickshire, datetime.date(2026, 6, 16), sent=datetime.date(2026, 6, 5))
    meeting(warwickshire, datetime.date(2026, 12, 15))

    assert rule(warwickshire, "agenda").status == MET


def test_no_meetings_is_not_yet_due(warwickshire):
    agenda = rule(warwickshire, "agenda")

    assert agenda.status == PENDING
    assert agenda.reason == "No meetings are scheduled in 2026."


def test_partnerships_own_notice_is_used(warwickshire):
    warwickshire.agenda_notice_working_days = 10
    warwickshire.save()
    meeting(warwickshire, datetime.date(2026, 6, 16), sent=datetime.date(2026, 6, 5))

    agenda = rule(warwickshire, "agenda")

    assert agenda.title == "Agenda and papers sent at least 10 working days before each meeting"
    assert agenda.occasions[0].status == LATE  # due 2 June


# Minutes, ToR 5.8: circulated within 10 working days of the meeting.


def test_minutes_circulated_on_time_are_met(warwickshire):
    minutes(meeting(warwickshire, datetime.date(2026, 11, 5)), circulated=datetime.date(2026, 11, 12))

    occasion = only_occasion(warwickshire, "minutes")

    assert occasion.status == MET
    assert occasion.reason == "Circulated on 12 November 2026; they were due by 19 November 2026."
    assert occasion.url == f"/partnerships/warwickshire-scp/meetings/{warwickshire.meetings.get().pk}/minutes/"


def test_minutes_circulated_late_are_late_by_working_days(warwickshire):
    minutes(meeting(warwickshire, datetime.date(2026, 11, 5)), circulated=datetime.date(2026, 11, 23))

    occasion = only_occasion(warwickshire, "minutes")

    assert occasion.status == LATE
    assert occasion.reason == "Circulated on 23 November 2026, 2 working days after they were due on 19 November 2026."


def test_minutes_not_circulated_by_their_date_are_late_as_the_reminder_says(warwickshire):
    minutes(meeting(warwickshire, datetime.date(2026, 11, 5)), approved=datetime.date(2026, 11, 20))

    occasion = only_occasion(warwickshire, "minutes")

    assert occasion.status == LATE
    assert occasion.reason == (
        "Due by 19 November 2026 and not yet circulated: 4 working days late; "
        "approved by the chair on 20 November 2026, not yet circulated."
    )


def test_minutes_never_started_and_overdue_are_late(warwickshire):
    meeting(warwickshire, datetime.date(2026, 11, 5))

    occasion = only_occasion(warwickshire, "minutes")

    assert occasion.status == LATE
    assert occasion.reason.endswith("not yet started.")


def test_minutes_are_never_missed_since_they_can_still_go_out(warwickshire):
    minutes(meeting(warwickshire, datetime.date(2026, 6, 16)), circulated=datetime.date(2026, 6, 18))
    meeting(warwickshire, datetime.date(2026, 9, 1))
    minutes(meeting(warwickshire, datetime.date(2026, 11, 5)), circulated=datetime.date(2026, 11, 23))

    minutes_rule = rule(warwickshire, "minutes")

    assert minutes_rule.status == LATE
    assert minutes_rule.reason == "Of 3 meetings held in 2026: 2 circulated late or overdue; 1 circulated on time."


def test_minutes_due_within_three_working_days_are_due_soon(warwickshire):
    minutes(meeting(warwickshire, datetime.date(2026, 11, 12)))  # due Thursday 26 November

    occasion = only_occasion(warwickshire, "minutes")

    assert occasion.status == DUE_SOON
    assert occasion.reason == "Due by 26 November 2026; still a draft."


def test_minutes_due_later_are_not_yet_due(warwickshire):
    meeting(warwickshire, datetime.date(2026, 11, 23))  # due Monday 7 December

    occasion = only_occasion(warwickshire, "minutes")

    assert occasion.status == PENDING
    assert occasion.reason == "Due by 7 December 2026; not yet started."


def test_minutes_of_meetings_to_come_are_not_counted(warwickshire):
    meeting(warwickshire, datetime.date(2026, 12, 15))

    minutes_rule = rule(warwickshire, "minutes")

    assert minutes_rule.status == PENDING
    assert minutes_rule.occasions == []
    assert minutes_rule.reason == "No meeting has been held in 2026 yet."


# Meetings a year, ToR 5.1: at least 5, counting those held and those planned.


def _meetings(partnership, held: int, planned: int, year: int = 2026, **fields):
    for n in range(held):
        meeting(partnership, datetime.date(year, 2 + n, 10), **fields)
    for n in range(planned):
        meeting(partnership, datetime.date(year, 12, 1 + n), **fields)


def test_enough_meetings_held_is_met(warwickshire):
    _meetings(warwickshire, held=5, planned=1)

    meetings = rule(warwickshire, "meetings")

    assert meetings.status == MET
    assert meetings.reason == "5 meetings held in 2026; at least 5 needed."


def test_enough_meetings_held_and_planned_is_due_soon(warwickshire):
    _meetings(warwickshire, held=3, planned=2)

    meetings = rule(warwickshire, "meetings")

    assert meetings.status == DUE_SOON
    assert meetings.reason == "3 held and 2 more planned in 2026: on course for the 5 needed."


def test_too_few_meetings_even_with_those_planned_is_missed(warwickshire):
    _meetings(warwickshire, held=3, planned=1)

    meetings = rule(warwickshire, "meetings")

    assert meetings.status == MISSED
    assert meetings.reason == (
        "Only 3 held and 1 planned in 2026, short of the 5 needed: schedule 1 more by 31 December 2026."
    )
    assert meetings.fix_url == "/partnerships/warwickshire-scp/meetings/new/"


def test_too_few_meetings_in_a_past_year_is_missed(warwickshire):
    _meetings(warwickshire, held=3, planned=0, year=2025)

    meetings = rule(warwickshire, "meetings", year=2025)

    assert meetings.status == MISSED
    assert meetings.reason == "Only 3 held in 2025; the rule asks for at least 5."


def test_a_year_not_begun_is_not_yet_due(warwickshire):
    _meetings(warwickshire, held=0, planned=1, year=2027)

    meetings = rule(warwickshire, "meetings", year=2027)

    assert meetings.status == PENDING
    assert meetings.reason == "1 planned for 2027 so far; at least 5 needed: schedule 4 more."


def test_public_meeting_held_is_met(warwickshire):
    _meetings(warwickshire, held=1, planned=0, is_public=True)

    public = rule(warwickshire, "public_meetings")

    assert public.status == MET
    assert public.reason == "1 public meeting held in 2026; at least 1 needed."


def test_public_meeting_only_planned_is_due_soon(warwickshire):
    _meetings(warwickshire, held=2, planned=0)
    _meetings(warwickshire, held=0, planned=1, is_public=True)

    assert rule(warwickshire, "public_meetings").status == DUE_SOON


def test_no_public_meeting_is_missed(warwickshire):
    _meetings(warwickshire, held=2, planned=1)

    public = rule(warwickshire, "public_meetings")

    assert public.status == MISSED
    assert public.reason == "None held or planned in 2026: schedule 1 by 31 December 2026."


def test_no_public_meeting_in_a_past_year_is_missed(warwickshire):
    _meetings(warwickshire, held=5, planned=0, year=2025)

    public = rule(warwickshire, "public_meetings", year=2025)

    assert public.status == MISSED
    assert public.reason == "None held in 2025; the rule asks for at least 1."


def test_no_public_meeting_needed_is_met(warwickshire):
    warwickshire.min_public_meetings_per_year = 0
    warwickshire.save()

    public = rule(warwickshire, "public_meetings")

    assert public.status == MET
    assert public.reason == "None are required; 0 public meetings held in 2026."


# Chair and vice chair, ToR 5.2.


@pytest.fixture
def vice_chair_member(warwickshire, police):
    return MemberFactory(nominating_body=police, person=PersonFactory(name="Vic Vice"))


def test_chair_in_office_and_vice_chair_vacant_is_missed(warwickshire, chair):
    offices = rule(warwickshire, "offices")

    assert offices.status == MISSED
    chair_term, vice = offices.occasions
    assert chair_term.status == MET
    assert chair_term.reason.startswith("Carol Chair (Warwickshire County Council) is chair until ")
    assert vice.status == MISSED
    assert vice.reason == "No one is vice chair on 25 November 2026: the office is vacant."
    assert offices.fix_url == "/partnerships/warwickshire-scp/offices/new/"


def test_term_ending_within_two_months_without_successor_is_due_soon(warwickshire, chair, vice_chair_member):
    OfficeFactory(
        member=vice_chair_member,
        role=OfficeRole.VICE_CHAIR,
        starts_on=datetime.date(2025, 1, 20),
        ends_on=datetime.date(2027, 1, 19),
    )

    offices = rule(warwickshire, "offices")

    assert offices.status == DUE_SOON
    assert offices.occasions[1].reason == (
        "Vic Vice (The Police Service)'s term as vice chair ends on 19 January 2027 and no successor has been "
        "appointed: hold the election."
    )


def test_term_ending_with_a_successor_appointed_is_met(warwickshire, chair, vice_chair_member, cdrp_chairs):
    OfficeFactory(
        member=vice_chair_member,
        role=OfficeRole.VICE_CHAIR,
        starts_on=datetime.date(2025, 1, 20),
        ends_on=datetime.date(2027, 1, 19),
    )
    successor = MemberFactory(nominating_body=cdrp_chairs, person=PersonFactory(name="Sue Successor"))
    OfficeFactory(member=successor, role=OfficeRole.VICE_CHAIR, starts_on=datetime.date(2027, 1, 20))

    offices = rule(warwickshire, "offices")

    assert offices.status == MET
    assert offices.occasions[1].reason.endswith("Sue Successor takes over on 20 January 2027.")


def test_term_ending_later_is_met(warwickshire, chair, vice_chair_member):
    OfficeFactory(member=vice_chair_member, role=OfficeRole.VICE_CHAIR)

    assert rule(warwickshire, "offices").status == MET


# Review of the terms of reference (ToR 10) and the skills and knowledge review.


@pytest.mark.parametrize("key", ["terms_review", "skills_review"])
def test_review_more_than_a_month_away_is_met(warwickshire, key):
    TermsOfReferenceFactory(partnership=warwickshire, version="2026", next_review_on=datetime.date(2027, 4, 1))

    review = rule(warwickshire, key)

    assert review.status == MET
    assert (
        "is due by 1 April 2027 under the terms of reference, version 2026, adopted on 1 April 2026." in review.reason
    )


@pytest.mark.parametrize("key", ["terms_review", "skills_review"])
def test_review_within_a_month_is_due_soon(warwickshire, key):
    TermsOfReferenceFactory(partnership=warwickshire, next_review_on=datetime.date(2026, 12, 20))

    assert rule(warwickshire, key).status == DUE_SOON


def test_review_past_its_date_is_missed(warwickshire):
    TermsOfReferenceFactory(
        partnership=warwickshire,
        version="2025",
        adopted_on=datetime.date(2025, 11, 1),
        next_review_on=datetime.date(2026, 11, 1),
    )

    terms, skills = rule(warwickshire, "terms_review"), rule(warwickshire, "skills_review")

    assert terms.status == skills.status == MISSED
    assert terms.reason == (
        "The review of the terms of reference was due by 1 November 2026 under the terms of reference, "
        "version 2025, adopted on 1 November 2025: 24 days overdue."
    )
    assert skills.reason.startswith("The skills and knowledge review was due by 1 November 2026")
    assert terms.fix_url == "/partnerships/warwickshire-scp/terms/new/"
    assert skills.fix_url == "/partnerships/warwickshire-scp/work-programme/"


def test_newest_terms_in_force_decide_the_review(warwickshire):
    TermsOfReferenceFactory(
        partnership=warwickshire, adopted_on=datetime.date(2025, 1, 1), next_review_on=datetime.date(2026, 1, 1)
    )
    TermsOfReferenceFactory(
        partnership=warwickshire, adopted_on=datetime.date(2026, 1, 5), next_review_on=datetime.date(2027, 1, 5)
    )

    assert rule(warwickshire, "terms_review").status == MET


def test_no_terms_of_reference_is_missed(warwickshire):
    review = rule(warwickshire, "terms_review")

    assert review.status == MISSED
    assert review.reason == "No terms of reference are recorded, so no review date is set."


# Notice of withdrawal, ToR 9.


def _notice(body, effective_on):
    return WithdrawalNotice.objects.create(
        nominating_body=body, given_on=effective_on - datetime.timedelta(days=366), effective_on=effective_on
    )


def test_no_withdrawal_in_the_year_is_met(warwickshire, police):
    _notice(police, datetime.date(2027, 6, 1))

    withdrawals = rule(warwickshire, "withdrawals")

    assert withdrawals.status == MET
    assert withdrawals.reason == "No nominating body's withdrawal takes effect in 2026."


def test_withdrawal_within_two_months_is_due_soon(warwickshire, police):
    _notice(police, datetime.date(2026, 12, 31))

    withdrawals = rule(warwickshire, "withdrawals")

    assert withdrawals.status == DUE_SOON
    assert withdrawals.occasions[0].subject == "The Police Service"
    assert withdrawals.occasions[0].reason == "Takes effect on 31 December 2026 (notice given on 30 December 2025)."


def test_withdrawal_later_is_not_yet_due(warwickshire, police):
    _notice(police, datetime.date(2027, 3, 1))

    assert rule(warwickshire, "withdrawals", year=2027).status == PENDING


def test_withdrawal_taking_effect_today_is_still_due_soon_as_its_reminder_goes_out(warwickshire, member, police):
    _notice(police, TODAY)

    occasion = only_occasion(warwickshire, "withdrawals")

    assert occasion.status == DUE_SOON
    assert occasion.reason == "Takes effect on 25 November 2026 (notice given on 24 November 2025)."


def test_withdrawal_taken_effect_with_seats_still_held_is_late(warwickshire, member, police):
    _notice(police, datetime.date(2026, 6, 30))

    withdrawals = rule(warwickshire, "withdrawals")

    assert withdrawals.status == LATE
    assert "but 1 member of the body still hold seats: end them." in withdrawals.occasions[0].reason


def test_withdrawal_taken_effect_with_seats_ended_is_met(warwickshire, police):
    MemberFactory(nominating_body=police, active=False)
    _notice(police, datetime.date(2026, 6, 30))

    withdrawals = rule(warwickshire, "withdrawals")

    assert withdrawals.status == MET
    assert withdrawals.reason == "1 nominating body withdrawing in 2026."


# The code of conduct.


def test_every_member_acknowledged_is_met(warwickshire, chair, member):
    code = ConductDocumentFactory(partnership=warwickshire)
    for user in (chair, member):
        Acknowledgement.objects.create(document=code, person=user.person, acknowledged_at=at(TODAY))

    conduct = rule(warwickshire, "conduct")

    assert conduct.status == MET
    assert conduct.reason == "All 2 active members have acknowledged the Code of Conduct for Partnership Working."


def test_members_yet_to_acknowledge_is_late_with_their_number(warwickshire, chair, member):
    code = ConductDocumentFactory(partnership=warwickshire)
    Acknowledgement.objects.create(document=code, person=chair.person, acknowledged_at=at(TODAY))

    conduct = rule(warwickshire, "conduct")

    assert conduct.status == LATE
    assert conduct.reason == (
        "1 of the 2 active members have not acknowledged the Code of Conduct for Partnership Working: Mo Member."
    )
    assert conduct.fix_url == "/codes/register/warwickshire-scp/"


def test_no_code_in_force_is_not_yet_due(warwickshire, member):
    conduct = rule(warwickshire, "conduct")

    assert conduct.status == PENDING
    assert conduct.reason == "No code is in force, so members have nothing to acknowledge."


# The register of interests, confirmed every year (the Code of Conduct).


def _confirmed(user, on):
    InterestRegisterConfirmation.objects.create(person=user.person, confirmed_at=at(on))


def test_every_member_confirmed_within_a_year_is_met(warwickshire, chair, member):
    _confirmed(chair, datetime.date(2025, 11, 26))
    _confirmed(member, datetime.date(2026, 6, 1))

    interests = rule(warwickshire, "interests")

    assert interests.status == MET
    assert interests.reason == "All 2 active members have confirmed their register of interests in the last 12 months."
    assert interests.source == "Code of Conduct"
    assert interests.fix_url == "/partnerships/warwickshire-scp/registers/interests/"


def test_members_not_confirmed_for_a_year_or_ever_are_late_with_their_number(warwickshire, chair, member, outsider):
    _confirmed(chair, datetime.date(2025, 11, 24))  # twelve months and a day ago
    _confirmed(outsider, datetime.date(2025, 1, 1))  # another partnership's member is not counted

    interests = rule(warwickshire, "interests")

    assert interests.status == LATE
    assert interests.reason == (
        "2 of the 2 active members have not confirmed their register of interests in the last 12 months: "
        "Carol Chair, Mo Member."
    )


def test_a_member_who_left_is_not_asked_for(warwickshire, chair, member):
    _confirmed(chair, datetime.date(2026, 1, 1))
    Member.objects.filter(person__user=member).update(active=False)

    assert rule(warwickshire, "interests").status == MET


def test_no_active_members_means_no_interests_to_confirm(warwickshire):
    interests = rule(warwickshire, "interests")

    assert interests.status == MET
    assert interests.reason == "The partnership has no active members."


# Action plan milestones.


@pytest.fixture
def action(warwickshire):
    return ActionFactory(plan=ActionPlanFactory(partnership=warwickshire))


def test_overdue_milestones_are_late_with_their_number(warwickshire, action):
    MilestoneFactory(action=action, due=datetime.date(2026, 10, 1))
    MilestoneFactory(action=action, due=datetime.date(2026, 10, 1), status=MilestoneStatus.DONE)
    MilestoneFactory(action=action, due=datetime.date(2026, 12, 1))
    MilestoneFactory(action=action, due=datetime.date(2025, 10, 1))  # another year

    milestones = rule(warwickshire, "milestones")

    assert milestones.status == LATE
    assert milestones.reason == (
        "1 of the 3 milestones due in 2026 are overdue (past their date and not done); 2 done or on time."
    )
    assert milestones.fix_url == "/partnerships/warwickshire-scp/plans/"


def test_milestones_done_are_met(warwickshire, action):
    MilestoneFactory(action=action, due=datetime.date(2026, 10, 1), status=MilestoneStatus.DONE)
    MilestoneFactory(action=action, due=datetime.date(2026, 12, 1))

    milestones = rule(warwickshire, "milestones")

    assert milestones.status == MET
    assert milestones.reason == "None of the 2 milestones due in 2026 is overdue; 1 still to come."


def test_milestones_all_to_come_are_not_yet_due(warwickshire, action):
    MilestoneFactory(action=action, due=datetime.date(2026, 12, 1))

    assert rule(warwickshire, "milestones").status == PENDING


def test_the_same_milestone_becomes_late_once_its_day_passes(warwickshire, action):
    MilestoneFactory(action=action, due=datetime.date(2026, 12, 1))

    assert rule(warwickshire, "milestones", today=datetime.date(2026, 12, 2)).status == LATE


# The year as a whole.


def test_the_year_defaults_to_this_year_and_reads_as_its_worst_rule(warwickshire, chair):
    compliance = compliance_for(warwickshire)

    assert compliance.year == 2026
    assert compliance.today == timezone.localdate()
    assert [rule.key for rule in compliance.rules] == [
        "agenda",
        "minutes",
        "meetings",
        "public_meetings",
        "offices",
        "terms_review",
        "skills_review",
        "withdrawals",
        "conduct",
        "interests",
        "milestones",
    ]
    assert compliance.status == MISSED
    assert compliance.status_label == "Missed"
    assert ("missed", "Missed", 5) in compliance.counts


def test_past_year_judges_terms_of_office_at_its_end(warwickshire, county_council):
    carol = MemberFactory(nominating_body=county_council)
    OfficeFactory(member=carol, starts_on=datetime.date(2024, 1, 1), ends_on=datetime.date(2025, 12, 31))

    offices = rule(warwickshire, "offices", year=2025)

    assert offices.occasions[0].status == DUE_SOON  # on 31 December 2025, ending that day with no successor
    assert rule(warwickshire, "offices").occasions[0].status == MISSED  # vacant today


def test_queries_fixed_whatever_the_number_of_meetings_and_milestones(
    warwickshire, chair, member, police, action, django_assert_max_num_queries
):
    def add(n):
        bodies = NominatingBodyFactory.create_batch(n, partnership=warwickshire)
        for body in bodies:
            MemberFactory(nominating_body=body)
            _notice(body, datetime.date(2026, 6, 30))
        for i in range(n):
            day = datetime.date(2026, 1 + i % 11, 3 + i % 20)
            made = meeting(warwickshire, day, sent=day - datetime.timedelta(days=8))
            if day < TODAY:
                minutes(made, circulated=day + datetime.timedelta(days=20))
            MilestoneFactory(action=action, due=day)

    ConductDocumentFactory(partnership=warwickshire)
    TermsOfReferenceFactory(partnership=warwickshire)
    add(3)
    fresh = type(warwickshire).objects.get(pk=warwickshire.pk)
    # meetings with minutes, closure days, terms, offices, notices, codes, members, acknowledgements,
    # people due to confirm their interests, milestones
    with django_assert_max_num_queries(10):
        small = compliance_for(fresh, today=TODAY)
    add(30)
    fresh = type(warwickshire).objects.get(pk=warwickshire.pk)
    with django_assert_max_num_queries(10):
        large = compliance_for(fresh, today=TODAY)

    assert len(large.rules[0].occasions) > len(small.rules[0].occasions) >= 3
