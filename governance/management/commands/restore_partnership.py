from django.core.management.base import BaseCommand, CommandError

from governance.backup.archive import RestoreError
from governance.backup.restore import restore_partnership


class Command(BaseCommand):
    help = "Restores a partnership from a zip made by backup_partnership into an installation without it."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the zip made by backup_partnership")

    def handle(self, *args, archive, **options):
        try:
            restored = restore_partnership(path=archive)
        except RestoreError as error:
            raise CommandError(f"Nothing was restored. {error}") from None
        self.stdout.write(
            f"Restored {restored.slug}: {sum(restored.counts.values())} rows, "
            f"{len(restored.files_written)} files written"
            + (f", {len(restored.files_already_there)} already there." if restored.files_already_there else ".")
        )
        if restored.accounts:
            # Rights belong to the installation: staff grant them again to those who need them.
            self.stdout.write(
                "Accounts restored without staff or superuser status, groups or permissions: "
                + ", ".join(restored.accounts)
            )
        if restored.files_failed:
            raise CommandError(
                "The records were restored, but these files could not be written; copy each from the "
                "archive's files/ folder to the storage under the same name: " + ", ".join(restored.files_failed)
            )
