"""Matters arising: the next meetings' agendas carry every action still open that arose from
an earlier decision, with the decision's number and date, the owner, when it is due and where
it stands, until it is done; in the members' agenda pack too, and never in the public one."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from meetings import services
from meetings.pack.contents import members_contents, public_contents
from meetings.selectors_actions_arising import matters_arising
from tests.helpers import signed_in
from tests.meetings.actions_arising.support import (
    ITEM,
    action_on,
    decide,
    held_with_board,
    next_meeting,
)
from tests.meetings.test_views_record_support import all_present, approve_minutes


@pytest.fixture
def upcoming(warwickshire, after_the_meeting):
    return next_meeting(warwickshire)


def link(decision, action, secretariat):
    services.link_action(decision=decision, action=action, by=secretariat)
    return action


def page_of(client, meeting) -> str:
    return client.get(meeting.get_absolute_url()).text


def test_open_actions_are_carried_and_done_ones_are_not(client, member, secretariat, decision, plan, upcoming):
    link(
        decision,
        action_on(plan, title="Draft the protocol", owner="CSP Manager", milestones=("on_track",)),
        secretariat,
    )
    link(decision, action_on(plan, title="Publish the protocol", milestones=("done", "done")), secretariat)
    link(decision, action_on(plan, title="Train the officers"), secretariat)  # no milestones yet: open
    signed_in(client, member)
    page = page_of(client, upcoming)
    assert "Actions still open from earlier decisions" in page
    assert "Draft the protocol" in page
    assert "CSP Manager" in page
    assert ">On track</strong>" in page
    assert "Train the officers" in page
    assert ">No milestones yet</strong>" in page
    assert "Publish the protocol" not in page
    assert "1, 15 Jun 2027" in page  # the decision's number and date


def test_actions_carry_until_done_not_only_from_the_last_meeting(
    client, member, secretariat, warwickshire, decision, plan, upcoming
):
    """An action from June is still there at the meeting after next while it is open."""
    link(decision, action_on(plan, title="Draft the protocol"), secretariat)
    later = services.schedule_meeting(
        partnership=warwickshire, title="Board meeting", date=datetime.date(2027, 9, 21), start_time=datetime.time(14)
    )
    signed_in(client, member)
    assert "Draft the protocol" in page_of(client, upcoming)
    assert "Draft the protocol" in page_of(client, later)


def test_an_action_from_a_later_decision_is_not_shown(client, member, secretariat, warwickshire, plan, upcoming):
    """Neither an earlier meeting nor the deciding meeting itself lists what was decided later."""
    august = services.schedule_meeting(
        partnership=warwickshire, title="Board meeting", date=datetime.date(2027, 8, 17), start_time=datetime.time(14)
    )
    with time_machine.travel(datetime.datetime(2027, 8, 17, 17, tzinfo=datetime.UTC), tick=True):
        held_with_board(august, warwickshire)
        august_decision = decide(august, text="Commission a review.")
    link(august_decision, action_on(plan, title="Commission the review"), secretariat)
    signed_in(client, member)
    assert "Commission the review" not in page_of(client, upcoming)  # 20 July, before 17 August
    assert "Commission the review" not in page_of(client, august)  # its own day: not an earlier decision


def test_an_overdue_action_says_so(client, member, secretariat, decision, plan, upcoming):
    link(decision, action_on(plan, title="Draft the protocol", due=datetime.date(2027, 6, 30)), secretariat)
    with time_machine.travel(datetime.datetime(2027, 7, 13, 9, tzinfo=datetime.UTC), tick=True):
        signed_in(client, member)
        assert ">Overdue</strong>" in page_of(client, upcoming)


def test_with_none_open_the_item_says_so(client, member, decision, upcoming):
    signed_in(client, member)
    assert "No action arising from an earlier decision is still open." in page_of(client, upcoming)


def test_actions_are_still_carried_once_the_minutes_are_confirmed(
    client, member, chair, secretariat, after_the_meeting, decision, plan, upcoming
):
    approve_minutes(after_the_meeting, chair)
    link(decision, action_on(plan, title="Draft the protocol"), secretariat)
    signed_in(client, member)
    assert "Draft the protocol" in page_of(client, upcoming)


def test_another_partnerships_actions_are_never_listed(
    secretariat, outsider, other_partnership, plan, decision, upcoming
):
    link(decision, action_on(plan), secretariat)
    rugby_meeting = next_meeting(other_partnership)
    assert matters_arising(rugby_meeting) == []
    assert len(matters_arising(upcoming)) == 1


@pytest.fixture
def july_decision(warwickshire, board, upcoming):
    """A decision at a meeting of the same board on 6 July 2027, after June's and before the
    next board meeting."""
    july = services.schedule_meeting(
        partnership=warwickshire, title="Extra meeting", date=datetime.date(2027, 7, 6), start_time=datetime.time(14)
    )
    with time_machine.travel(datetime.datetime(2027, 7, 6, 17, tzinfo=datetime.UTC), tick=True):
        services.add_agenda_item(meeting=july, title=ITEM, purpose="decision")
        all_present(july, board)
        return decide(july, text="Review the protocol in a year.")


def test_an_action_from_two_decisions_is_listed_once_naming_both_oldest_first(
    client, member, secretariat, decision, july_decision, plan, upcoming
):
    action = action_on(plan, title="Draft the protocol")
    link(july_decision, action, secretariat)  # linked to the later decision first
    link(decision, action, secretariat)
    link(july_decision, action_on(plan, title="Book the review"), secretariat)
    [first, second] = matters_arising(upcoming)
    assert first.action == action
    assert [origin.decision for origin in first.origins] == [decision, july_decision]
    assert second.action.title == "Book the review"
    assert [origin.decision for origin in second.origins] == [july_decision]
    signed_in(client, member)
    page = page_of(client, upcoming)
    assert page.count("Draft the protocol") == 1
    assert "1, 15 Jun 2027</span><span" in page
    assert page.index("1, 15 Jun 2027") < page.index("2, 6 Jul 2027") < page.index("Book the review")
    assert "Actions still open from earlier decisions: 2" in page


def test_the_pack_lists_an_action_from_two_decisions_once(secretariat, decision, july_decision, plan, upcoming):
    from meetings.pack.render import render_html

    action = action_on(plan, title="Draft the protocol")
    link(july_decision, action, secretariat)
    link(decision, action, secretariat)
    contents = members_contents(upcoming.pk)
    matters = next(item for item in contents.items if item.title == "Matters arising")
    [arising] = matters.actions_arising
    assert [(origin.number, origin.decided_on) for origin in arising.decisions] == [
        (1, "15 June 2027"),
        (2, "6 July 2027"),
    ]
    html = render_html(contents, {})
    assert html.count("Draft the protocol") == 1
    assert "1, 15 June 2027<br>2, 6 July 2027" in html


def test_unlinking_one_of_two_decisions_changes_the_pack(secretariat, decision, july_decision, plan, upcoming):
    action = link(decision, action_on(plan, title="Draft the protocol"), secretariat)
    one = members_contents(upcoming.pk).fingerprint()
    link(july_decision, action, secretariat)
    assert members_contents(upcoming.pk).fingerprint() != one


@pytest.mark.parametrize("count", [2, 40])
def test_the_agenda_runs_a_fixed_number_of_queries(
    client,
    member,
    secretariat,
    warwickshire,
    after_the_meeting,
    board,
    plan,
    upcoming,
    count,
    django_assert_max_num_queries,
):
    previous = None
    for n in range(count):
        decision = decide(after_the_meeting, text=f"Decision {n}")
        link(decision, action_on(plan, title=f"Open action {n}", milestones=("on_track", "at_risk")), secretariat)
        link(decision, action_on(plan, title=f"Done action {n}", milestones=("done",)), secretariat)
        if previous is not None:  # every other open action arose from two decisions
            link(decision, previous, secretariat)
            previous = None
        else:
            previous = decision.actions.get(title=f"Open action {n}")
    signed_in(client, member)
    # The meeting page's own (14, tests/meetings/test_views_meeting_page.py) and the open
    # actions' milestones.
    with django_assert_max_num_queries(15):
        response = client.get(upcoming.get_absolute_url())
    assert response.text.count("Open action ") == count
    assert "Done action" not in response.text


# The agenda pack.


def test_the_members_pack_lists_them_under_matters_arising(secretariat, decision, plan, upcoming):
    link(decision, action_on(plan, reference="(c)", title="Draft the protocol", owner="CSP Manager"), secretariat)
    contents = members_contents(upcoming.pk)
    matters = next(item for item in contents.items if item.title == "Matters arising")
    [arising] = matters.actions_arising
    [origin] = arising.decisions
    assert (origin.number, origin.decided_on, origin.from_confidential_item) == (1, "15 June 2027", False)
    assert (arising.reference, arising.title, arising.owner) == ("(c)", "Draft the protocol", "CSP Manager")
    assert arising.status == "No milestones yet"
    assert all(not item.actions_arising for item in contents.items if item is not matters)


def test_the_pack_is_remade_when_an_action_arising_is_added_or_done(secretariat, decision, plan, upcoming):
    before = members_contents(upcoming.pk).fingerprint()
    action = link(decision, action_on(plan, title="Draft the protocol"), secretariat)
    added = members_contents(upcoming.pk).fingerprint()
    assert added != before
    milestone = action.milestones.create(title="Drafted", status="done")
    assert members_contents(upcoming.pk).fingerprint() != added
    milestone.delete()
    assert members_contents(upcoming.pk).fingerprint() == added


def test_the_public_pack_leaves_actions_out(secretariat, decision, plan, upcoming):
    link(decision, action_on(plan, title="Draft the protocol"), secretariat)
    before = public_contents(upcoming.pk)
    assert all(not item.actions_arising for item in before.items)
    assert "Draft the protocol" not in str(before)


def test_the_pack_renders_the_list(secretariat, decision, plan, upcoming):
    from meetings.pack.render import render_html

    link(decision, action_on(plan, title="Draft the protocol", owner="CSP Manager"), secretariat)
    html = render_html(members_contents(upcoming.pk), {})
    assert "Actions still open from earlier decisions" in html
    assert "Draft the protocol" in html
    assert "CSP Manager" in html


def test_the_pack_link_is_on_the_page(client, member, upcoming):
    signed_in(client, member)
    assert reverse("papers:pack", kwargs={"slug": upcoming.partnership.slug, "pk": upcoming.pk}) in page_of(
        client, upcoming
    )
