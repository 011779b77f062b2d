"""The breach pages: confidential to the partnership's secretariat and chair; the secretariat or
the chair records a suspected breach, the chair requires withdrawal and resolves it."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from governance import services_registers as services
from governance.models import ConductBreach
from partnership.models import Member, OfficeRole
from tests.factories import MemberFactory, NominatingBodyFactory, OfficeFactory, PersonFactory, UserFactory
from tests.helpers import signed_in

LONDON = ZoneInfo("Europe/London")
CONFIDENTIAL = "Breaches of the Code of Conduct are confidential to the partnership&#x27;s secretariat and chair."
ONLY_THE_CHAIR = "Only the chair of the partnership decides on a suspected breach of the Code of Conduct."
CHAIRS_OWN = "The chair cannot decide on a suspected breach by the chair: the vice chair decides."


@pytest.fixture
def seat(member):
    return Member.objects.select_related("person").get(person__user=member)


@pytest.fixture
def breach(warwickshire, seat, secretariat):
    return services.record_breach(
        partnership=warwickshire,
        member=seat,
        description="Shared a confidential paper with the press.",
        reported_on=datetime.date(2026, 11, 20),
        by=secretariat,
    )


def list_url(partnership):
    return reverse("governance:breaches", kwargs={"slug": partnership.slug})


def url(breach, name="breach"):
    return reverse(f"governance:{name}", kwargs={"slug": breach.partnership.slug, "pk": breach.pk})


def breach_form(seat, **change):
    data = {
        "member": seat.pk,
        "description": "Spoke for the partnership without its agreement.",
        "reported_on_0": "23",
        "reported_on_1": "11",
        "reported_on_2": "2026",
    }
    return data | change


@pytest.mark.parametrize("who", ["secretariat", "chair"])
def test_the_secretariat_and_chair_see_the_breaches(request, client, breach, who):
    signed_in(client, request.getfixturevalue(who))

    page = client.get(list_url(breach.partnership))
    one = client.get(url(breach))

    assert page.status_code == 200
    assert "Mo Member" in page.text
    assert "Confidential: only the partnership's secretariat and chair see these." in page.text
    assert one.status_code == 200
    assert "Shared a confidential paper with the press." in one.text


@pytest.mark.parametrize("who", ["member", "staff"])
def test_members_and_staff_are_refused(request, client, breach, who):
    signed_in(client, request.getfixturevalue(who))

    for address in (
        list_url(breach.partnership),
        url(breach),
        reverse("governance:breach-add", args=["warwickshire-scp"]),
    ):
        response = client.get(address)
        assert response.status_code == 403
        assert CONFIDENTIAL in response.text


def test_another_partnership_gets_404(client, breach, outsider, other_partnership):
    signed_in(client, outsider)

    assert client.get(list_url(breach.partnership)).status_code == 404
    assert client.get(url(breach)).status_code == 404
    # Rugby's own secretariat cannot reach Warwickshire's breach through Rugby's address either.
    address = reverse("governance:breach", kwargs={"slug": other_partnership.slug, "pk": breach.pk})
    assert client.get(address).status_code == 404


def test_anonymous_visitor_is_sent_to_sign_in(client, breach):
    for address in (list_url(breach.partnership), url(breach)):
        assert client.get(address).url.startswith(reverse("login"))


def test_the_secretariat_records_a_suspected_breach(client, secretariat, warwickshire, seat):
    signed_in(client, secretariat)

    response = client.post(reverse("governance:breach-add", args=[warwickshire.slug]), breach_form(seat), follow=True)

    breach = ConductBreach.objects.get()
    assert response.redirect_chain[-1][0] == url(breach)
    assert "The suspected breach is recorded and brought to the chair&#x27;s attention." in response.text
    assert (breach.member, breach.reported_by) == (seat, secretariat)
    assert "Require withdrawal" not in response.text  # the chair's decision


def test_a_breach_in_the_future_is_refused_on_the_form(client, chair, warwickshire, seat):
    signed_in(client, chair)

    response = client.post(
        reverse("governance:breach-add", args=[warwickshire.slug]), breach_form(seat, reported_on_2="2027")
    )

    assert response.status_code == 400
    assert "The date it was reported cannot be in the future." in response.text
    assert not ConductBreach.objects.exists()


def test_another_partnerships_member_is_not_offered(client, secretariat, warwickshire, other_partnership):
    rugby = MemberFactory(nominating_body=NominatingBodyFactory(partnership=other_partnership))
    signed_in(client, secretariat)

    response = client.post(reverse("governance:breach-add", args=[warwickshire.slug]), breach_form(rugby))

    assert response.status_code == 400
    assert not ConductBreach.objects.exists()


def test_the_chair_requires_withdrawal_then_resolves(client, chair, breach, seat):
    signed_in(client, chair)
    assert "Require withdrawal" in client.get(url(breach)).text

    response = client.post(url(breach, "breach-withdrawal"), follow=True)

    assert "Mo Member is withdrawn from partnership business until the breach is resolved." in response.text
    assert "Withdrawn from partnership business since 25 November 2026" in response.text
    assert "Require withdrawal" not in response.text
    assert Member.objects.get(pk=seat.pk).is_withdrawn_from_business

    again = client.post(url(breach, "breach-withdrawal"))
    assert again.status_code == 400
    assert "Mo Member was already required to withdraw from partnership business" in again.text

    missing = client.post(url(breach, "breach-resolve"), {"resolution": ""})
    assert missing.status_code == 400
    assert breach.__class__.objects.get(pk=breach.pk).is_open

    response = client.post(url(breach, "breach-resolve"), {"resolution": "A written apology was agreed."}, follow=True)

    assert "The breach is resolved." in response.text
    assert "A written apology was agreed." in response.text
    assert "Taking part in partnership business" in response.text
    assert not Member.objects.get(pk=seat.pk).is_withdrawn_from_business
    assert client.get(url(breach, "breach-resolve")).status_code == 200  # the form; the service refuses
    refused = client.post(url(breach, "breach-resolve"), {"resolution": "Again."})
    assert refused.status_code == 400
    assert "This breach was already resolved on 25 November 2026." in refused.text


def test_the_secretariat_cannot_require_withdrawal_or_resolve(client, secretariat, breach, seat):
    signed_in(client, secretariat)

    assert "Require withdrawal" not in client.get(url(breach)).text
    for address in (url(breach, "breach-withdrawal"), url(breach, "breach-resolve")):
        response = client.post(address, {"resolution": "Done."})
        assert response.status_code == 403
        assert ONLY_THE_CHAIR in response.text
    breach.refresh_from_db()
    assert breach.is_open
    assert breach.withdrawal_required_at is None
    assert not Member.objects.get(pk=seat.pk).is_withdrawn_from_business


# A breach by the chair: the vice chair decides, and sees that breach only.


@pytest.fixture
def vice_chair(warwickshire, cdrp_chairs):
    user = UserFactory(username="vic.vicechair")
    seat = MemberFactory(nominating_body=cdrp_chairs, person=PersonFactory(name="Vic Vicechair", user=user))
    OfficeFactory(member=seat, role=OfficeRole.VICE_CHAIR)
    return user


@pytest.fixture
def chairs_breach(warwickshire, chair, secretariat):
    return services.record_breach(
        partnership=warwickshire,
        member=Member.objects.get(person__user=chair),
        description="Spoke for the partnership without its agreement.",
        reported_on=datetime.date(2026, 11, 20),
        by=secretariat,
    )


def test_the_chair_is_offered_no_decision_on_their_own_breach_and_is_refused_one(client, chair, chairs_breach):
    signed_in(client, chair)
    assert "Require withdrawal" not in client.get(url(chairs_breach)).text

    withdrawal = client.post(url(chairs_breach, "breach-withdrawal"))
    resolution = client.post(url(chairs_breach, "breach-resolve"), {"resolution": "Nothing in it."})

    for response in (withdrawal, resolution):
        assert response.status_code == 400
        assert CHAIRS_OWN in response.text
    chairs_breach.refresh_from_db()
    assert chairs_breach.is_open
    assert chairs_breach.withdrawal_required_at is None
    assert not Member.objects.get(pk=chairs_breach.member_id).is_withdrawn_from_business


def test_the_vice_chair_decides_on_the_chairs_breach(client, vice_chair, chairs_breach):
    signed_in(client, vice_chair)
    page = client.get(url(chairs_breach))
    assert page.status_code == 200
    assert "Require withdrawal" in page.text
    assert "Back to the register" in page.text  # the list of breaches is not the vice chair's to see
    assert "Back to breaches of the Code" not in page.text

    response = client.post(url(chairs_breach, "breach-withdrawal"), follow=True)

    assert "Carol Chair is withdrawn from partnership business until the breach is resolved." in response.text
    assert Member.objects.get(pk=chairs_breach.member_id).is_withdrawn_from_business

    response = client.post(url(chairs_breach, "breach-resolve"), {"resolution": "An apology was agreed."}, follow=True)

    assert "The breach is resolved." in response.text
    assert not Member.objects.get(pk=chairs_breach.member_id).is_withdrawn_from_business


def test_the_vice_chair_sees_no_other_breach(client, vice_chair, breach, chairs_breach):
    signed_in(client, vice_chair)

    for address in (
        list_url(breach.partnership),
        url(breach),
        url(breach, "breach-resolve"),
        reverse("governance:breach-add", args=["warwickshire-scp"]),
    ):
        response = client.get(address)
        assert response.status_code == 403, address
        assert CONFIDENTIAL in response.text
    refused = client.post(url(breach, "breach-withdrawal"))
    assert refused.status_code == 403
    breach.refresh_from_db()
    assert breach.withdrawal_required_at is None


@pytest.mark.parametrize("count", [3, 40])
def test_the_list_stays_within_its_queries(client, secretariat, warwickshire, count, django_assert_max_num_queries):
    body = NominatingBodyFactory(partnership=warwickshire, seats=50)
    for _ in range(count):
        seat = MemberFactory(nominating_body=body)
        services.record_breach(
            partnership=warwickshire,
            member=seat,
            description="A matter.",
            reported_on=datetime.date(2026, 11, 1),
            by=secretariat,
        )
    signed_in(client, secretariat)

    # session, user, partnership, secretariat role (twice: the rule's and the button's), breaches
    with django_assert_max_num_queries(6):
        response = client.get(list_url(warwickshire))

    assert response.text.count("Not required") == count
