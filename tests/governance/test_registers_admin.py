"""The site administrators' view of the conduct registers: breaches of the Code are not there at
all (confidential to the secretariat and chair, not even a site administrator), and the
registers of interests and of gifts and hospitality are read only, as a person keeps their own
register through the services."""

import datetime
from decimal import Decimal

import pytest
from django.urls import NoReverseMatch, reverse

from governance import services_registers as services
from governance.models_registers import GiftOrHospitality, InterestRegisterConfirmation, RegisteredInterest
from partnership.models import Member


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


@pytest.fixture
def interest(member, seat):
    return services.register_interest(
        person=seat.person,
        category="employment",
        description="Trustee of the Rugby Youth Trust.",
        registered_on=datetime.date(2025, 1, 1),
        by=member,
    )


@pytest.fixture
def gift(member, seat, warwickshire):
    return services.record_gift_or_hospitality(
        person=seat.person,
        partnership=warwickshire,
        offered_by="A treatment provider",
        description="Dinner after a conference.",
        estimated_value=Decimal("45.00"),
        offered_on=datetime.date(2026, 11, 2),
        accepted=False,
        registered_with_body=False,
        by=member,
    )


def test_breaches_are_not_in_the_admin_even_for_a_superuser(client, staff, breach):
    client.force_login(staff)

    for address in (
        "/admin/governance/conductbreach/",
        f"/admin/governance/conductbreach/{breach.pk}/change/",
        f"/admin/governance/conductbreach/{breach.pk}/history/",
        "/admin/governance/historicalconductbreach/",
    ):
        assert client.get(address).status_code == 404, address
    with pytest.raises(NoReverseMatch):
        reverse("admin:governance_conductbreach_changelist")
    index = client.get(reverse("admin:app_list", args=["governance"]))
    assert "breach" not in index.text.lower()


@pytest.mark.parametrize(
    ("model", "row"),
    [("registeredinterest", "interest"), ("giftorhospitality", "gift"), ("interestregisterconfirmation", None)],
)
def test_the_registers_are_read_only_in_the_admin(request, client, staff, member, model, row):
    if row is None:
        obj = services.confirm_interests_up_to_date(person=member.person, by=member)
    else:
        obj = request.getfixturevalue(row)
    client.force_login(staff)

    assert client.get(reverse(f"admin:governance_{model}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:governance_{model}_history", args=[obj.pk])).status_code == 200
    assert client.get(reverse(f"admin:governance_{model}_add")).status_code == 403
    client.post(reverse(f"admin:governance_{model}_add"), {"person": member.person.pk, "description": "Made up."})
    assert client.post(reverse(f"admin:governance_{model}_delete", args=[obj.pk]), {"post": "yes"}).status_code == 403
    assert obj.__class__.objects.filter(pk=obj.pk).exists()
    assert obj.__class__.objects.count() == 1


def test_an_interest_cannot_be_changed_in_the_admin(client, staff, interest):
    client.force_login(staff)

    client.post(
        reverse("admin:governance_registeredinterest_change", args=[interest.pk]),
        {"person": interest.person_id, "category": "employment", "description": "Changed by hand."},
    )

    interest.refresh_from_db()
    assert interest.description == "Trustee of the Rugby Youth Trust."
    assert interest.history.count() == 1


def test_a_gift_cannot_be_changed_in_the_admin(client, staff, gift):
    client.force_login(staff)

    client.post(
        reverse("admin:governance_giftorhospitality_change", args=[gift.pk]),
        {"person": gift.person_id, "offered_by": "Someone else", "accepted": "on"},
    )

    gift.refresh_from_db()
    assert (gift.offered_by, gift.accepted) == ("A treatment provider", False)
    assert GiftOrHospitality.objects.count() == 1
    assert not RegisteredInterest.objects.exists()
    assert not InterestRegisterConfirmation.objects.exists()
