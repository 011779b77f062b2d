from django.core.management.base import BaseCommand

from actionplans.importing.kept_files import ABANDONED_AFTER, discard_abandoned


class Command(BaseCommand):
    help = (
        "Deletes the uploaded plans whose import preview was left unconfirmed for more than "
        f"{ABANDONED_AFTER.total_seconds() / 3600:.0f} hours. The Celery task "
        "discard_abandoned_import_previews does the same."
    )

    def handle(self, *args, **options):
        discarded = discard_abandoned()
        self.stdout.write(f"Discarded {discarded} abandoned import preview{'' if discarded == 1 else 's'}.")
