"""A suspected breach of the Code of Conduct (seed 001, Compliance with the Code): recorded by the
secretariat or the chair; the chair alone requires the member to withdraw from partnership
business until it is resolved, and resolves it; on a breach by the chair, the vice chair does."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from governance import services_registers as services
from governance.models import BreachStatus, ConductBreach
from governance.models_registers import WITHDRAWAL_REASON
from partnership.errors import RuleBroken
from partnership.models import Member, Office, OfficeRole
from tests.factories import MemberFactory, NominatingBodyFactory, OfficeFactory, PersonFactory, UserFactory

LONDON = ZoneInfo("Europe/London")
NOW = datetime.datetime(2026, 11, 25, 10, 0, tzinfo=LONDON)
LATER = datetime.datetime(2026, 12, 9, 15, 0, tzinfo=LONDON)
ONLY_THE_CHAIR = (
    "Only the chair of the partnership decides on a suspected breach of the Code of Conduct: requiring the "
    "member to withdraw from partnership business, and resolving it."
)
CHAIRS_OWN = "The chair cannot decide on a suspected breach by the chair: the vice chair decides."
ONLY_THE_VICE_CHAIR = "Only the vice chair of the partnership decides on a suspected breach by the chair."
NOT_THE_VICE_CHAIR = "The vice chair decides only on a suspected breach by the chair: the chair decides on this one."


@pytest.fixture
def seat(member):
    return Member.objects.select_related("person").get(person__user=member)


def report(partnership, seat, by, **kwargs):
    values = {"description": "Shared a confidential paper with the press.", "reported_on": datetime.date(2026, 11, 20)}
    return services.record_breach(partnership=partnership, member=seat, by=by, now=NOW, **(values | kwargs))


def refused(call, message: str):
    with pytest.raises(RuleBroken) as broken:
        call()
    assert broken.value.message == message
    return broken.value


@pytest.fixture
def breach(warwickshire, seat, secretariat):
    return report(warwickshire, seat, secretariat)


@pytest.mark.parametrize("who", ["secretariat", "chair"])
def test_the_secretariat_or_the_chair_records_a_suspected_breach(request, warwickshire, seat, who):
    by = request.getfixturevalue(who)

    breach = report(warwickshire, seat, by)

    assert breach.status == BreachStatus.OPEN
    assert breach.reported_by == by
    assert breach.withdrawal_required_at is None
    assert breach.history.count() == 1


@pytest.mark.parametrize("who", ["member", "outsider", "staff"])
def test_nobody_else_records_a_breach(request, warwickshire, seat, chair, who):
    refused(
        lambda: report(warwickshire, seat, request.getfixturevalue(who)),
        "Only the partnership's secretariat or its chair records a suspected breach of the Code.",
    )
    assert not ConductBreach.objects.exists()


def test_not_a_breach_by_another_partnerships_member(warwickshire, other_partnership, secretariat):
    rugby_member = MemberFactory(nominating_body=NominatingBodyFactory(partnership=other_partnership))

    broken = refused(
        lambda: report(warwickshire, rugby_member, secretariat),
        f"{rugby_member.person.name} is not a member of the Warwickshire Safer Communities Partnership.",
    )

    assert broken.field == "member"
    assert not ConductBreach.objects.exists()


def test_not_a_breach_by_someone_who_has_left(warwickshire, seat, secretariat):
    Member.objects.filter(pk=seat.pk).update(active=False)
    seat.refresh_from_db()

    refused(lambda: report(warwickshire, seat, secretariat), "Mo Member no longer holds a seat on the partnership.")
    assert not ConductBreach.objects.exists()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"description": " "}, "description", "Say what the suspected breach is."),
        ({"reported_on": None}, "reported_on", "Give the date the suspected breach was reported."),
        (
            {"reported_on": datetime.date(2026, 11, 26)},
            "reported_on",
            "The date it was reported cannot be in the future.",
        ),
    ],
)
def test_a_breach_says_what_and_when(warwickshire, seat, secretariat, change, field, message):
    assert refused(lambda: report(warwickshire, seat, secretariat, **change), message).field == field
    assert not ConductBreach.objects.exists()


def test_the_chair_requires_the_member_to_withdraw(breach, chair):
    services.require_withdrawal(breach=breach, by=chair, now=NOW)

    breach.refresh_from_db()
    assert breach.withdrawal_required_at == NOW
    assert breach.withdrawal_required_by == chair
    member = breach.member
    member.refresh_from_db()
    assert member.is_withdrawn_from_business
    assert member.withdrawn_from_business_since == NOW
    assert member.withdrawal_reason == WITHDRAWAL_REASON
    assert "breach" not in member.withdrawal_reason.lower()  # the seat's reason is shown beyond the chair
    assert member.history.first().withdrawn_from_business_since == NOW  # the seat's history keeps it


@pytest.mark.parametrize("who", ["secretariat", "member", "staff"])
def test_only_the_chair_requires_withdrawal(request, breach, chair, who):
    refused(
        lambda: services.require_withdrawal(breach=breach, by=request.getfixturevalue(who), now=NOW), ONLY_THE_CHAIR
    )
    breach.refresh_from_db()
    breach.member.refresh_from_db()
    assert breach.withdrawal_required_at is None
    assert not breach.member.is_withdrawn_from_business


def test_the_chair_of_another_partnership_cannot(breach, other_partnership):
    rugby_chair = UserFactory()
    body = NominatingBodyFactory(partnership=other_partnership)
    OfficeFactory(member=MemberFactory(nominating_body=body, person__user=rugby_chair))

    refused(lambda: services.require_withdrawal(breach=breach, by=rugby_chair, now=NOW), ONLY_THE_CHAIR)
    breach.refresh_from_db()
    assert breach.withdrawal_required_at is None
    assert not Member.objects.get(pk=breach.member_id).is_withdrawn_from_business


def test_withdrawal_is_not_required_twice(breach, chair):
    services.require_withdrawal(breach=breach, by=chair, now=NOW)

    refused(
        lambda: services.require_withdrawal(breach=breach, by=chair, now=LATER),
        "Mo Member was already required to withdraw from partnership business on 25 November 2026.",
    )
    breach.refresh_from_db()
    assert breach.withdrawal_required_at == NOW


def test_resolving_returns_the_member_to_business(breach, chair):
    services.require_withdrawal(breach=breach, by=chair, now=NOW)

    services.resolve_breach(breach=breach, resolution="  The partners agreed a written apology.  ", by=chair, now=LATER)

    breach.refresh_from_db()
    assert breach.status == BreachStatus.RESOLVED
    assert breach.resolved_on == datetime.date(2026, 12, 9)
    assert breach.resolution == "The partners agreed a written apology."
    member = Member.objects.get(pk=breach.member_id)
    assert not member.is_withdrawn_from_business
    assert member.withdrawal_reason == ""


def test_another_open_breach_requiring_withdrawal_keeps_the_member_withdrawn(warwickshire, breach, seat, chair):
    second = report(warwickshire, seat, chair, description="Disclosed an exempt item.")
    services.require_withdrawal(breach=breach, by=chair, now=NOW)
    services.require_withdrawal(breach=second, by=chair, now=LATER)

    services.resolve_breach(breach=breach, resolution="Apology accepted.", by=chair, now=LATER)

    member = Member.objects.get(pk=seat.pk)
    assert member.is_withdrawn_from_business
    assert member.withdrawn_from_business_since == NOW  # since the first withdrawal

    services.resolve_breach(breach=second, resolution="Training agreed.", by=chair, now=LATER)

    assert not Member.objects.get(pk=seat.pk).is_withdrawn_from_business


def test_an_open_breach_without_withdrawal_does_not_keep_the_member_out(warwickshire, breach, seat, chair):
    report(warwickshire, seat, chair, description="A second, lesser matter.")
    services.require_withdrawal(breach=breach, by=chair, now=NOW)

    services.resolve_breach(breach=breach, resolution="Apology accepted.", by=chair, now=LATER)

    assert not Member.objects.get(pk=seat.pk).is_withdrawn_from_business


def test_a_resolved_breach_is_not_resolved_again_nor_withdrawn_from(breach, chair):
    services.resolve_breach(breach=breach, resolution="No breach found.", by=chair, now=NOW)

    refused(
        lambda: services.resolve_breach(breach=breach, resolution="Again.", by=chair, now=LATER),
        "This breach was already resolved on 25 November 2026.",
    )
    refused(
        lambda: services.require_withdrawal(breach=breach, by=chair, now=LATER),
        "This breach is resolved: there is nothing to withdraw from.",
    )
    breach.refresh_from_db()
    assert breach.resolution == "No breach found."
    assert not Member.objects.get(pk=breach.member_id).is_withdrawn_from_business


@pytest.mark.parametrize("who", ["secretariat", "member"])
def test_only_the_chair_resolves(request, breach, chair, who):
    services.require_withdrawal(breach=breach, by=chair, now=NOW)

    refused(
        lambda: services.resolve_breach(
            breach=breach, resolution="Resolved.", by=request.getfixturevalue(who), now=LATER
        ),
        ONLY_THE_CHAIR,
    )
    breach.refresh_from_db()
    assert breach.is_open
    assert Member.objects.get(pk=breach.member_id).is_withdrawn_from_business


def test_resolving_needs_the_way_forward(breach, chair):
    broken = refused(
        lambda: services.resolve_breach(breach=breach, resolution=" ", by=chair, now=NOW),
        "Record the way forward the partners agreed after the investigation.",
    )

    assert broken.field == "resolution"
    breach.refresh_from_db()
    assert breach.is_open


# A breach by the chair: the vice chair decides, as nobody decides on their own conduct.


@pytest.fixture
def vice_chair(warwickshire, cdrp_chairs):
    user = UserFactory(username="vic.vicechair")
    seat = MemberFactory(nominating_body=cdrp_chairs, person=PersonFactory(name="Vic Vicechair", user=user))
    OfficeFactory(member=seat, role=OfficeRole.VICE_CHAIR)
    return user


@pytest.fixture
def chairs_breach(warwickshire, chair, secretariat):
    chairs_seat = Member.objects.select_related("person").get(person__user=chair)
    return report(warwickshire, chairs_seat, secretariat, description="Spoke for the partnership without its say.")


def test_the_chair_cannot_require_their_own_withdrawal_nor_resolve_it(chairs_breach, chair):
    refused(lambda: services.require_withdrawal(breach=chairs_breach, by=chair, now=NOW), CHAIRS_OWN)
    refused(lambda: services.resolve_breach(breach=chairs_breach, resolution="Nothing in it.", by=chair), CHAIRS_OWN)

    chairs_breach.refresh_from_db()
    assert chairs_breach.is_open
    assert chairs_breach.withdrawal_required_at is None
    assert chairs_breach.resolution == ""
    assert chairs_breach.history.count() == 1  # as recorded, nothing since
    assert not Member.objects.get(pk=chairs_breach.member_id).is_withdrawn_from_business


def test_the_vice_chair_requires_the_chairs_withdrawal_then_resolves(chairs_breach, vice_chair):
    services.require_withdrawal(breach=chairs_breach, by=vice_chair, now=NOW)

    chairs_breach.refresh_from_db()
    assert (chairs_breach.withdrawal_required_at, chairs_breach.withdrawal_required_by) == (NOW, vice_chair)
    assert Member.objects.get(pk=chairs_breach.member_id).withdrawal_reason == WITHDRAWAL_REASON

    services.resolve_breach(breach=chairs_breach, resolution="An apology to the partners.", by=vice_chair, now=LATER)

    chairs_breach.refresh_from_db()
    assert chairs_breach.status == BreachStatus.RESOLVED
    assert not Member.objects.get(pk=chairs_breach.member_id).is_withdrawn_from_business


@pytest.mark.parametrize("who", ["secretariat", "member", "staff"])
def test_nobody_else_decides_on_a_breach_by_the_chair(request, chairs_breach, vice_chair, who):
    by = request.getfixturevalue(who)

    refused(lambda: services.require_withdrawal(breach=chairs_breach, by=by, now=NOW), ONLY_THE_VICE_CHAIR)
    refused(lambda: services.resolve_breach(breach=chairs_breach, resolution="Done.", by=by), ONLY_THE_VICE_CHAIR)

    chairs_breach.refresh_from_db()
    assert chairs_breach.is_open
    assert chairs_breach.withdrawal_required_at is None


def test_the_vice_chair_does_not_decide_on_another_members_breach(breach, chair, vice_chair):
    refused(lambda: services.require_withdrawal(breach=breach, by=vice_chair, now=NOW), NOT_THE_VICE_CHAIR)
    services.require_withdrawal(breach=breach, by=chair, now=NOW)
    refused(lambda: services.resolve_breach(breach=breach, resolution="Done.", by=vice_chair), NOT_THE_VICE_CHAIR)

    breach.refresh_from_db()
    assert breach.is_open
    assert breach.withdrawal_required_by == chair
    assert Member.objects.get(pk=breach.member_id).is_withdrawn_from_business


def test_once_the_chairs_term_ends_the_new_chair_decides(chairs_breach, chair, vice_chair):
    """The rule follows the office on the day, not the person: a former chair's breach is the
    new chair's to decide."""
    Office.objects.filter(member__person__user=chair).update(ends_on=datetime.date(2026, 11, 24))
    new_chair = UserFactory()
    OfficeFactory(
        member=MemberFactory(
            nominating_body=NominatingBodyFactory(partnership=chairs_breach.partnership), person__user=new_chair
        ),
        starts_on=datetime.date(2026, 11, 25),
    )

    refused(lambda: services.require_withdrawal(breach=chairs_breach, by=vice_chair, now=NOW), NOT_THE_VICE_CHAIR)
    services.require_withdrawal(breach=chairs_breach, by=new_chair, now=NOW)

    chairs_breach.refresh_from_db()
    assert chairs_breach.withdrawal_required_by == new_chair
