"""The register pages: a member keeps their own register of interests and records gifts and
hospitality at /account/; the secretariat and the chair read the partnership's registers."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from governance.models import GiftOrHospitality, InterestRegisterConfirmation, RegisteredInterest
from partnership.models import Member
from tests.factories import MemberFactory, NominatingBodyFactory
from tests.helpers import signed_in

LONDON = ZoneInfo("Europe/London")
MY_INTERESTS = reverse("governance:my-interests")
MY_GIFTS = reverse("governance:my-gifts")


def interest_form(**change):
    data = {
        "category": "membership",
        "description": "Member of the Warwick Rotary Club",
        "organisation": "Warwick Rotary Club",
        "registered_on_0": "1",
        "registered_on_1": "5",
        "registered_on_2": "2020",
    }
    return data | change


def gift_form(partnership, **change):
    data = {
        "partnership": partnership.pk,
        "kind": "hospitality",
        "offered_by": "Compass Recovery",
        "description": "Dinner at the launch of the treatment plan",
        "estimated_value": "45.00",
        "offered_on_0": "5",
        "offered_on_1": "11",
        "offered_on_2": "2026",
        "accepted": "yes",
        "registered_with_body": "yes",
    }
    return data | change


def interest_of(user, **kwargs):
    values = {"category": "control", "description": "Trustee of the Warwick Youth Trust"}
    return RegisteredInterest.objects.create(
        person=user.person, registered_on=datetime.date(2023, 1, 1), **(values | kwargs)
    )


# My register of interests


def test_anonymous_visitor_is_sent_to_sign_in(client):
    for url in (MY_INTERESTS, MY_GIFTS, reverse("governance:my-interest-add")):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


def test_a_member_adds_an_interest_to_their_register(client, member):
    signed_in(client, member)
    page = client.get(MY_INTERESTS).text
    assert "You have not yet confirmed your register is complete and up to date." in page
    assert "You have no current interests on your register." in page

    response = client.post(reverse("governance:my-interest-add"), interest_form(), follow=True)

    assert response.redirect_chain[-1][0] == MY_INTERESTS
    assert "The interest is on your register." in response.text
    assert "Member of the Warwick Rotary Club" in response.text
    assert "An organisation of which they are a member" in response.text
    assert RegisteredInterest.objects.get().person == member.person


def test_an_interest_in_the_future_is_refused_on_the_form(client, member):
    signed_in(client, member)

    response = client.post(
        reverse("governance:my-interest-add"), interest_form(registered_on_0="1", registered_on_2="2027")
    )

    assert response.status_code == 400
    assert "Register an interest once it has begun: the date cannot be in the future." in response.text
    assert not RegisteredInterest.objects.exists()


def test_a_member_records_that_an_interest_ended(client, member):
    interest = interest_of(member)
    signed_in(client, member)
    url = reverse("governance:my-interest-end", kwargs={"pk": interest.pk})

    too_early = client.post(url, {"ended_on_0": "31", "ended_on_1": "12", "ended_on_2": "2022"})
    assert too_early.status_code == 400
    assert "An interest cannot end before it began: it was registered from 1 January 2023." in too_early.text

    response = client.post(url, {"ended_on_0": "31", "ended_on_1": "3", "ended_on_2": "2026"}, follow=True)

    assert "The interest is recorded as ended." in response.text
    assert "31 March 2026" in response.text
    interest.refresh_from_db()
    assert interest.ended_on == datetime.date(2026, 3, 31)


def test_nobody_ends_another_persons_interest(client, member, chair):
    interest = interest_of(chair)
    signed_in(client, member)

    response = client.post(
        reverse("governance:my-interest-end", kwargs={"pk": interest.pk}),
        {"ended_on_0": "1", "ended_on_1": "3", "ended_on_2": "2026"},
    )

    assert response.status_code == 404
    interest.refresh_from_db()
    assert interest.ended_on is None


def test_a_member_confirms_their_register_is_up_to_date(client, member):
    signed_in(client, member)

    response = client.post(reverse("governance:my-interests-confirm"), follow=True)

    assert "You have confirmed your register of interests is complete and up to date." in response.text
    assert "You last confirmed your register is complete and up to date on 25 November 2026." in response.text
    assert "the partnership asks once a year" not in response.text
    assert InterestRegisterConfirmation.objects.get().person == member.person


def test_the_page_asks_again_twelve_months_on(client, member):
    InterestRegisterConfirmation.objects.create(
        person=member.person, confirmed_at=datetime.datetime(2025, 11, 1, 10, tzinfo=LONDON)
    )
    signed_in(client, member)

    page = client.get(MY_INTERESTS).text

    assert "You last confirmed your register is complete and up to date on 1 November 2025." in page
    assert "Please check your register and confirm it: the partnership asks once a year." in page


def test_a_login_without_a_seat_has_no_register_to_keep(client, secretariat):
    signed_in(client, secretariat)

    assert "you have no register of interests to keep" in client.get(MY_INTERESTS).text
    assert client.get(reverse("governance:my-interest-add")).status_code == 404
    assert client.post(reverse("governance:my-interests-confirm")).status_code == 404
    assert client.get(reverse("governance:my-gift-add")).status_code == 404


# My gifts and hospitality


def test_a_member_records_an_offer(client, member, warwickshire):
    signed_in(client, member)

    response = client.post(reverse("governance:my-gift-add"), gift_form(warwickshire), follow=True)

    assert response.redirect_chain[-1][0] == MY_GIFTS
    assert "The offer is on the gifts and hospitality register." in response.text
    assert "Compass Recovery" in response.text
    assert "£45.00" in response.text
    gift = GiftOrHospitality.objects.get()
    assert (gift.person, gift.partnership, gift.accepted, gift.registered_with_body) == (
        member.person,
        warwickshire,
        True,
        True,
    )


def test_a_negative_value_is_refused_on_the_form(client, member, warwickshire):
    signed_in(client, member)

    response = client.post(reverse("governance:my-gift-add"), gift_form(warwickshire, estimated_value="-1"))

    assert response.status_code == 400
    assert "The estimated value cannot be less than £0." in response.text
    assert not GiftOrHospitality.objects.exists()


def test_only_partnerships_the_member_sits_on_are_offered(client, member, warwickshire, other_partnership):
    signed_in(client, member)

    page = client.get(reverse("governance:my-gift-add")).text
    response = client.post(reverse("governance:my-gift-add"), gift_form(other_partnership))

    assert warwickshire.name in page
    assert other_partnership.name not in page
    assert response.status_code == 400
    assert not GiftOrHospitality.objects.exists()


# The partnership's registers


def registers(partnership):
    return [
        reverse("governance:interests-register", kwargs={"slug": partnership.slug}),
        reverse("governance:gifts-register", kwargs={"slug": partnership.slug}),
    ]


@pytest.fixture
def kept(warwickshire, member, chair):
    interest_of(member, description="Spouse works for Compass Recovery", category="wellbeing")
    interest_of(member, description="Former trustee", ended_on=datetime.date(2024, 1, 1))
    InterestRegisterConfirmation.objects.create(
        person=chair.person, confirmed_at=datetime.datetime(2026, 6, 1, 10, tzinfo=LONDON)
    )
    GiftOrHospitality.objects.create(
        person=member.person,
        partnership=warwickshire,
        kind="gift",
        offered_by="A supplier",
        description="A hamper",
        estimated_value=Decimal("60"),
        offered_on=datetime.date(2026, 11, 1),
        accepted=True,
        registered_with_body=False,
        recorded_at=datetime.datetime(2026, 11, 2, 10, tzinfo=LONDON),
    )
    return warwickshire


@pytest.mark.parametrize("who", ["secretariat", "chair"])
def test_the_secretariat_and_chair_read_the_registers(request, client, kept, who):
    signed_in(client, request.getfixturevalue(who))
    interests, gifts = (client.get(url) for url in registers(kept))

    assert interests.status_code == 200
    assert "Spouse works for Compass Recovery" in interests.text
    assert "Former trustee" not in interests.text  # ended
    assert "Last confirmed up to date on 1 June 2026." in interests.text
    assert "Never confirmed up to date." in interests.text
    assert gifts.status_code == 200
    assert "A hamper" in gifts.text
    assert "£60.00" in gifts.text
    assert "Not yet" in gifts.text  # accepted, not yet declared to the nominating body


def test_members_are_refused_the_registers(client, kept, member):
    signed_in(client, member)

    for url in registers(kept):
        response = client.get(url)
        assert response.status_code == 403
        assert "Only the partnership&#x27;s secretariat and chair can see its registers." in response.text


def test_another_partnership_gets_404(client, kept, outsider):
    signed_in(client, outsider)

    for url in registers(kept):
        assert client.get(url).status_code == 404


def test_anonymous_visitor_is_sent_to_sign_in_from_the_registers(client, kept):
    for url in registers(kept):
        assert client.get(url).url.startswith(reverse("login"))


def fill(partnership, members: int):
    bodies = NominatingBodyFactory.create_batch(2, partnership=partnership, seats=50)
    for n in range(members):
        seat = MemberFactory(nominating_body=bodies[n % 2])
        for k in range(3):
            RegisteredInterest.objects.create(
                person=seat.person,
                category="membership",
                description=f"Club {k}",
                registered_on=datetime.date(2020, 1, 1),
            )
        InterestRegisterConfirmation.objects.create(
            person=seat.person, confirmed_at=datetime.datetime(2026, 1, 1, 10, tzinfo=LONDON)
        )
        GiftOrHospitality.objects.create(
            person=seat.person,
            partnership=partnership,
            offered_by="A supplier",
            description="A diary",
            estimated_value=Decimal("5"),
            offered_on=datetime.date(2026, 10, 1),
            accepted=False,
            registered_with_body=False,
            recorded_at=datetime.datetime(2026, 10, 1, 10, tzinfo=LONDON),
        )


@pytest.mark.parametrize("members", [3, 60])
def test_the_registers_stay_within_their_queries(
    client, warwickshire, secretariat, members, django_assert_max_num_queries
):
    fill(warwickshire, members)
    signed_in(client, secretariat)
    interests, gifts = registers(warwickshire)

    # session, user, partnership, secretariat role, members, their current interests
    with django_assert_max_num_queries(6):
        response = client.get(interests)
    assert response.text.count("Club 1") == members
    # session, user, partnership, secretariat role, gifts with their people
    with django_assert_max_num_queries(5):
        response = client.get(gifts)
    assert response.text.count("A diary") == members


def test_a_members_own_pages_stay_within_their_queries(client, member, warwickshire, django_assert_max_num_queries):
    seat = Member.objects.get(person__user=member)
    for k in range(30):
        interest_of(member, description=f"Interest {k}")
    signed_in(client, member)

    # session, user, person, last confirmation, interests
    with django_assert_max_num_queries(5):
        response = client.get(MY_INTERESTS)
    assert response.text.count("Record that it ended") == 30
    assert seat.active
