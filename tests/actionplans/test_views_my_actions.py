"""The member's "My actions" and the page to post progress on an action: what each of the cast
gets, every rule record_progress applies, and pages that cost a fixed number of queries."""

import datetime

import pytest
from django.urls import reverse

from actionplans.models import Milestone, MilestoneStatus, ProgressUpdate
from partnership.models import Member
from tests.actionplans.factories import (
    ActionFactory,
    ActionPlanFactory,
    MilestoneFactory,
    ProgressUpdateFactory,
    SectionFactory,
)
from tests.factories import MemberFactory, NominatingBodyFactory, PersonFactory, UserFactory
from tests.helpers import signed_in

LIST = reverse("my_actions:list")


def progress_url(action):
    return reverse("my_actions:progress", args=[action.pk])


def seat_of(user):
    return Member.objects.get(person__user=user)


@pytest.fixture
def plan(warwickshire):
    return ActionPlanFactory(partnership=warwickshire, title="Ethical framework action plan")


@pytest.fixture
def action(plan, member):
    section = SectionFactory(plan=plan, code="B", title="Relationships")
    return ActionFactory(
        plan=plan,
        section=section,
        owner_member=seat_of(member),
        title="Clarify roles and responsibilities of partners",
        due=datetime.date(2027, 3, 31),
    )


@pytest.fixture
def milestone(action):
    return MilestoneFactory(action=action, title="Protocol drafted", due=datetime.date(2027, 1, 31))


def posted(**fields):
    today = datetime.date(2026, 11, 25)
    day = fields.pop("day", today)
    return {
        "text": "Protocol drafted and sent to partners.",
        "reported_on_0": str(day.day),
        "reported_on_1": str(day.month),
        "reported_on_2": str(day.year),
        "evidence": "",
        "milestone": "",
        "status": "",
        **fields,
    }


# My actions


def test_anonymous_visitor_is_sent_to_sign_in(client, db, action):
    assert client.get(LIST).url.startswith(reverse("login"))
    assert client.get(progress_url(action)).url.startswith(reverse("login"))


def test_a_member_sees_the_actions_they_own_with_milestones_and_computed_status(
    client, member, chair, plan, action, milestone
):
    MilestoneFactory(action=action, title="Protocol signed", due=datetime.date(2026, 10, 31))
    MilestoneFactory(action=action, title="Partners briefed", status=MilestoneStatus.DONE)
    ActionFactory(plan=plan, owner_member=seat_of(chair), title="The chair's own action")
    ActionFactory(plan=plan, owner="CSP Manager", title="Nobody's linked action")
    page = signed_in(client, member).get(LIST).text
    assert "Clarify roles and responsibilities of partners" in page
    assert "Ethical framework action plan" in page
    assert "B. Relationships" in page
    assert "31 March 2027" in page
    assert "Protocol drafted" in page
    assert "Not started" in page
    assert "Overdue" in page  # past due 31 October and not done
    assert "Done" in page
    assert "The chair&#x27;s own action" not in page
    assert "Nobody&#x27;s linked action" not in page
    assert progress_url(action) in page


def test_ongoing_and_unread_dates_are_shown_as_written(client, member, plan):
    ActionFactory(plan=plan, owner_member=seat_of(member), title="Keep it going", is_ongoing=True)
    ActionFactory(
        plan=plan, owner_member=seat_of(member), title="Sometime", due_text="After the review", due_needs_checking=True
    )
    page = signed_in(client, member).get(LIST).text
    assert "Ongoing" in page
    assert "After the review" in page
    assert "Date to be checked" in page


def test_a_member_with_no_actions_is_told_so(client, member):
    page = signed_in(client, member).get(LIST).text
    assert "You are not responsible for any action yet" in page


def test_my_meetings_offers_my_actions(client, member):
    assert f'href="{LIST}"' in signed_in(client, member).get(reverse("my_meetings:list")).text


def test_one_person_on_two_partnerships_sees_the_actions_of_both(client, member, other_partnership, action):
    seat = MemberFactory(nominating_body=NominatingBodyFactory(partnership=other_partnership), person=member.person)
    ActionFactory(
        plan=ActionPlanFactory(partnership=other_partnership, title="Rugby plan"), owner_member=seat, title="Rugby job"
    )
    page = signed_in(client, member).get(LIST).text
    assert "Rugby job" in page
    assert "Clarify roles" in page


def test_a_member_who_has_left_no_longer_sees_the_action(client, member, action):
    Member.objects.filter(person__user=member).update(active=False)
    page = signed_in(client, member).get(LIST).text
    assert "Clarify roles" not in page


def test_my_actions_costs_a_fixed_number_of_queries(client, member, plan, django_assert_max_num_queries):
    seat = seat_of(member)
    for n in range(30):
        owned = ActionFactory(plan=plan, section=SectionFactory(plan=plan), owner_member=seat, title=f"Action {n}")
        MilestoneFactory.create_batch(3, action=owned)
    signed_in(client, member)
    with django_assert_max_num_queries(8):
        assert client.get(LIST).status_code == 200


# The progress page


def test_the_owner_sees_the_action_its_milestones_and_progress(client, member, action, milestone):
    ProgressUpdateFactory(action=action, text="First draft circulated.", evidence="Board minutes, October")
    page = signed_in(client, member).get(progress_url(action)).text
    assert "Clarify roles and responsibilities of partners" in page
    assert "Protocol drafted" in page
    assert "First draft circulated." in page
    assert "Board minutes, October" in page
    assert 'name="reported_on_0" value="25"' in page


def test_the_owner_posts_progress_and_marks_a_milestone_done(client, member, action, milestone):
    signed_in(client, member)
    response = client.post(
        progress_url(action),
        posted(milestone=str(milestone.pk), status="done", evidence="Signed protocol", day=datetime.date(2026, 11, 20)),
    )
    assert response.status_code == 302
    assert response.url == progress_url(action)
    update = ProgressUpdate.objects.get()
    assert (update.action, update.milestone, update.reported_on) == (action, milestone, datetime.date(2026, 11, 20))
    assert (update.evidence, update.status, update.reported_by) == ("Signed protocol", "done", member)
    milestone.refresh_from_db()
    assert (milestone.status, milestone.completed_on) == ("done", datetime.date(2026, 11, 20))
    page = client.get(response.url).text
    assert "Your progress has been posted." in page
    assert "Protocol drafted and sent to partners." in page


def test_progress_without_a_milestone_changes_no_status(client, member, action, milestone):
    signed_in(client, member)
    assert client.post(progress_url(action), posted()).status_code == 302
    assert ProgressUpdate.objects.get().milestone is None
    assert Milestone.objects.get().status == MilestoneStatus.NOT_STARTED


def test_the_secretariat_may_post_progress_on_any_action_of_its_partnership(client, secretariat, action):
    signed_in(client, secretariat)
    assert client.get(progress_url(action)).status_code == 200
    assert client.post(progress_url(action), posted()).status_code == 302
    assert ProgressUpdate.objects.get().reported_by == secretariat


def test_another_member_is_refused(client, chair, action):
    signed_in(client, chair)
    response = client.get(progress_url(action))
    assert response.status_code == 403
    assert client.post(progress_url(action), posted()).status_code == 403
    assert not ProgressUpdate.objects.exists()


def test_someone_outside_the_partnership_is_told_it_does_not_exist(client, outsider, action):
    signed_in(client, outsider)
    assert client.get(progress_url(action)).status_code == 404
    assert client.post(progress_url(action), posted()).status_code == 404
    assert not ProgressUpdate.objects.exists()


def test_a_login_without_a_seat_is_told_it_does_not_exist(client, db, action):
    signed_in(client, UserFactory(username="nobody"))
    assert client.get(progress_url(action)).status_code == 404


def test_a_member_who_has_left_may_not_report(client, member, action):
    Member.objects.filter(person__user=member).update(active=False)
    signed_in(client, member)
    assert client.post(progress_url(action), posted()).status_code in (403, 404)
    assert not ProgressUpdate.objects.exists()


def test_an_action_that_does_not_exist_is_404(client, member):
    assert signed_in(client, member).get(reverse("my_actions:progress", args=[99999])).status_code == 404


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"text": "  "}, "Enter what progress was made"),
        ({"reported_on_0": "", "reported_on_1": "", "reported_on_2": ""}, "Enter the date of the progress"),
        ({"reported_on_0": "31", "reported_on_1": "2", "reported_on_2": "2026"}, "Enter a real date"),
        ({"day": datetime.date(2026, 11, 26)}, "not on a day still to come"),
        ({"status": "done"}, "Say which milestone the status is for."),
        ({"status": "overdue"}, "Select a valid choice"),
    ],
)
def test_bad_progress_is_refused_and_saves_nothing(client, member, action, milestone, fields, message):
    signed_in(client, member)
    response = client.post(progress_url(action), posted(**fields))
    assert response.status_code == 400
    assert message in response.text
    assert not ProgressUpdate.objects.exists()
    assert Milestone.objects.get().status == MilestoneStatus.NOT_STARTED


def test_a_milestone_of_another_action_cannot_be_chosen(client, member, action, plan):
    elsewhere = MilestoneFactory(action=ActionFactory(plan=plan), title="Someone else's")
    signed_in(client, member)
    response = client.post(progress_url(action), posted(milestone=str(elsewhere.pk), status="done"))
    assert response.status_code == 400
    assert "Select a valid choice" in response.text
    assert not ProgressUpdate.objects.exists()
    elsewhere.refresh_from_db()
    assert elsewhere.status == MilestoneStatus.NOT_STARTED


def test_the_progress_page_costs_a_fixed_number_of_queries(client, member, action, django_assert_max_num_queries):
    MilestoneFactory.create_batch(10, action=action)
    ProgressUpdateFactory.create_batch(20, action=action, milestone=action.milestones.first())
    signed_in(client, member)
    with django_assert_max_num_queries(12):
        assert client.get(progress_url(action)).status_code == 200


def test_a_person_with_a_seat_elsewhere_only_is_404(client, other_partnership, action):
    user = UserFactory(username="rita.rugby")
    MemberFactory(nominating_body=NominatingBodyFactory(partnership=other_partnership), person=PersonFactory(user=user))
    assert signed_in(client, user).get(progress_url(action)).status_code == 404
