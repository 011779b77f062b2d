"""A member's response to a decision in writing: any interest first, then the answer."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from meetings import services
from meetings.models import WrittenResponse
from tests.helpers import signed_in
from tests.meetings.test_views_writing_support import member_of, put_to_members, respond, seat_members

ANSWER = {"interest": "none", "interest_category": "", "interest_nature": "", "response": "for"}


def url(proposal, partnership=None):
    slug = (partnership or proposal.partnership).slug
    return reverse("writing:respond", kwargs={"slug": slug, "pk": proposal.pk})


@pytest.fixture
def proposal(warwickshire, chair):
    return put_to_members(warwickshire, chair, respond_by=datetime.date(2026, 12, 2))


def test_anonymous_visitor_is_sent_to_sign_in(client, proposal):
    assert client.get(url(proposal)).url.startswith(reverse("login"))
    assert client.post(url(proposal), ANSWER).url.startswith(reverse("login"))
    assert not WrittenResponse.objects.exists()


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("secretariat", 403), ("staff", 403)])
def test_only_members_respond(client, request, proposal, who, status):
    signed_in(client, request.getfixturevalue(who))
    assert client.get(url(proposal)).status_code == status
    response = client.post(url(proposal), ANSWER)
    assert response.status_code == status
    if status == 403:
        assert "Only the partnership&#x27;s members respond to decisions in writing." in response.text
    assert not WrittenResponse.objects.exists()


def test_a_proposal_is_not_found_under_another_partnership(client, member, proposal, other_partnership):
    signed_in(client, member)
    assert client.get(url(proposal, other_partnership)).status_code == 404


def test_a_member_answers_and_changes_their_answer(client, member, warwickshire, proposal):
    signed_in(client, member)
    page = client.get(url(proposal)).text
    assert page.index("Do you have an interest in this proposal?") < page.index("Do you agree the proposal?")
    response = client.post(url(proposal), ANSWER, follow=True)
    assert response.redirect_chain == [(url(proposal), 302)]
    assert "Your response is recorded. You can change it while the proposal is open." in response.text
    assert "Change your response" in response.text
    client.post(url(proposal), ANSWER | {"response": "against"})
    answer = WrittenResponse.objects.get()
    assert (answer.member, answer.response, answer.interest) == (member_of(member, warwickshire), "against", "")


def test_the_form_starts_from_the_members_earlier_answer(client, member, proposal):
    respond(proposal, [member], "abstain", interest="personal", interest_nature="A trustee of a bidding charity.")
    signed_in(client, member)
    form = client.get(url(proposal)).context["form"]
    assert (form["interest"].value(), form["response"].value()) == ("personal", "abstain")
    assert form["interest_nature"].value() == "A trustee of a bidding charity."


def test_with_a_prejudicial_interest_the_member_takes_no_part(client, member, proposal):
    signed_in(client, member)
    data = {
        "interest": "prejudicial",
        "interest_category": "employer",
        "interest_nature": "My force would run the funded patrols.",
        "response": "for",
    }
    page = client.post(url(proposal), data, follow=True).text
    assert "You declared a prejudicial interest, so you take no part in this decision." in page
    answer = WrittenResponse.objects.get()
    assert (answer.withdrew, answer.response, answer.interest_category) == (True, "", "employer")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"interest": "", "response": "for"}, "Say whether you have an interest in this proposal"),
        ({"interest": "personal", "response": "for"}, "Say what the interest is."),
        ({"interest": "none", "response": ""}, "Answer for, against or abstain."),
        ({"interest": "none", "response": "maybe"}, "Select a valid choice."),
    ],
)
def test_bad_answers_save_nothing(client, member, proposal, data, message):
    signed_in(client, member)
    response = client.post(url(proposal), data)
    assert response.status_code == 400
    assert "<title>Error: " in response.text
    assert message in response.text
    assert not WrittenResponse.objects.exists()


def test_responding_after_the_respond_by_date_is_refused(client, member, proposal):
    signed_in(client, member)
    with time_machine.travel(datetime.datetime(2026, 12, 3, 9, tzinfo=ZoneInfo("Europe/London"))):
        assert "Responses were due by 2 December 2026; they are no longer taken." in client.get(url(proposal)).text
        response = client.post(url(proposal), ANSWER)
    assert response.status_code == 400
    assert "Responses were due by 2 December 2026." in response.text
    assert not WrittenResponse.objects.exists()


def test_responding_after_the_chair_closed_it_is_refused(client, warwickshire, chair, member, proposal):
    board = [chair, *seat_members(warwickshire, 4)]
    respond(proposal, board, "for")
    services.close_written_proposal(proposal=proposal, by=chair)
    signed_in(client, member)
    assert "Send my response" not in client.get(url(proposal)).text
    response = client.post(url(proposal), ANSWER)
    assert response.status_code == 400
    assert "The chair has closed this proposal; responses are no longer taken." in response.text
    assert not WrittenResponse.objects.filter(member=member_of(member, warwickshire)).exists()


def test_the_page_costs_a_fixed_number_of_queries(client, warwickshire, chair, member, django_assert_max_num_queries):
    others = seat_members(warwickshire, 15)
    proposal = put_to_members(warwickshire, chair)
    respond(proposal, [chair, *others], "for")
    respond(proposal, [member], "against")
    signed_in(client, member)
    with django_assert_max_num_queries(8):
        assert client.get(url(proposal)).status_code == 200
