"""python manage.py add_account <username> --partnership <slug> (--secretariat | --member <id>)"""

import pytest
from django.core.management import CommandError, call_command

from partnership.models import SecretariatMembership, User
from partnership.rules import is_chair_of
from tests.factories import MemberFactory, OfficeFactory

GOOD_PASSWORD = "a-long-enough-passphrase"


@pytest.fixture(autouse=True)
def password(monkeypatch):
    monkeypatch.setenv("ACCOUNT_PASSWORD", GOOD_PASSWORD)


def test_a_secretariat_login(warwickshire, capsys):
    call_command("add_account", "jo.bloggs", "--partnership", "warwickshire-scp", "--secretariat")
    user = User.objects.get(username="jo.bloggs")
    assert user.check_password(GOOD_PASSWORD)
    assert SecretariatMembership.objects.filter(user=user, partnership=warwickshire).exists()
    assert user.has_perm("partnership.manage_register", warwickshire)
    assert "Created login jo.bloggs" in capsys.readouterr().out


def test_a_member_login_is_a_chair_while_the_member_holds_the_office(warwickshire, county_council):
    member = MemberFactory(nominating_body=county_council)
    OfficeFactory(member=member)
    call_command("add_account", "helen", "--partnership", "warwickshire-scp", "--member", str(member.pk))
    user = User.objects.get(username="helen")
    assert user.person == member.person
    assert user.has_perm("partnership.view_register", warwickshire)
    assert not user.has_perm("partnership.manage_register", warwickshire)
    assert is_chair_of(user, warwickshire)


def test_a_member_of_another_partnership_is_refused(warwickshire, other_partnership):
    stranger = MemberFactory(nominating_body__partnership=other_partnership)
    with pytest.raises(CommandError, match="does not sit on this partnership"):
        call_command("add_account", "x", "--partnership", "warwickshire-scp", "--member", str(stranger.pk))
    assert not User.objects.filter(username="x").exists()


def test_a_short_password_is_refused(warwickshire, monkeypatch):
    monkeypatch.setenv("ACCOUNT_PASSWORD", "short")
    with pytest.raises(CommandError, match="at least 12 characters"):
        call_command("add_account", "jo", "--partnership", "warwickshire-scp", "--secretariat")
    assert not User.objects.filter(username="jo").exists()


def test_a_taken_username_is_refused(warwickshire, secretariat):
    with pytest.raises(CommandError, match="already a login called sam.secretariat"):
        call_command("add_account", "sam.secretariat", "--partnership", "warwickshire-scp", "--secretariat")


def test_an_unknown_partnership_is_refused(db):
    with pytest.raises(CommandError, match="no partnership 'nowhere'"):
        call_command("add_account", "jo", "--partnership", "nowhere", "--secretariat")


def test_a_member_with_a_login_already_is_refused(warwickshire, member):
    seat = member.person.seats.get()
    with pytest.raises(CommandError, match="already has a login"):
        call_command("add_account", "second", "--partnership", "warwickshire-scp", "--member", str(seat.pk))


def test_secretariat_or_member_is_required(warwickshire):
    with pytest.raises(CommandError):
        call_command("add_account", "jo", "--partnership", "warwickshire-scp")
