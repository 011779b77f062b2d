import getpass
import os

from django.core.management.base import BaseCommand, CommandError

from partnership.errors import RuleBroken
from partnership.models import Member, Partnership
from partnership.services import create_account


class Command(BaseCommand):
    help = (
        "Creates a login for a partnership's secretariat or for one of its members. The password "
        "comes from ACCOUNT_PASSWORD or a prompt."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--partnership", required=True, help="the partnership's slug")
        role = parser.add_mutually_exclusive_group(required=True)
        role.add_argument("--secretariat", action="store_true", help="the login runs the secretariat")
        role.add_argument("--member", type=int, metavar="MEMBER_ID", help="the login is this member's")

    def handle(self, *args, username, partnership, secretariat, member, **options):
        try:
            partnership_row = Partnership.objects.get(slug=partnership)
        except Partnership.DoesNotExist:
            raise CommandError(f"There is no partnership {partnership!r}.") from None
        member_row = None
        if member is not None:
            member_row = Member.objects.select_related("person").filter(pk=member).first()
            if member_row is None:
                raise CommandError(f"There is no member {member}.")
        password = os.environ.get("ACCOUNT_PASSWORD") or self._prompt()
        try:
            user = create_account(
                username=username,
                password=password,
                partnership=partnership_row,
                secretariat=secretariat,
                member=member_row,
            )
        except RuleBroken as error:
            raise CommandError(error.message) from None
        role = "secretariat" if secretariat else f"member {member_row.person.name}"
        self.stdout.write(f"Created login {user.username} for {partnership_row.name} ({role}).")

    def _prompt(self) -> str:
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password again: "):
            raise CommandError("The passwords differ.")
        return password
