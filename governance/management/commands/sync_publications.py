from django.core.management.base import BaseCommand

from governance.publications.sync import sync_all


class Command(BaseCommand):
    help = "Brings the publications index (public search and feeds) in line with what meetings have published."

    def handle(self, *args, **options):
        added = sync_all()
        self.stdout.write(f"Publications index up to date: {added} added.")
