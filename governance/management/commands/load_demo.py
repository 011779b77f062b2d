from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from governance.demo import warwickshire
from governance.publications.sync import sync_all


class Command(BaseCommand):
    help = "Loads the Warwickshire demo partnership and its logins, unless already there."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="load it even with DEBUG off")

    def handle(self, *args, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError("The demo's passwords are public: load it with DEBUG on, or with --force.")
        created = warwickshire.load(timezone.localdate())
        sync_all()  # the public search and feeds, whether or not the publishing signals were heard
        self.stdout.write("Demo loaded." if created else "Demo already loaded.")
        self.stdout.write(f"Demo logins, each with the password {warwickshire.DEMO_PASSWORD}:")
        for username, who in warwickshire.DEMO_LOGINS:
            self.stdout.write(f"  {username:<12} {who}")
