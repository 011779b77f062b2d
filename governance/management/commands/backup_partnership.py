from django.core.management.base import BaseCommand, CommandError

from governance.backup.export import export_partnership
from governance.backup.selection import BackupError
from partnership.models import Partnership


class Command(BaseCommand):
    help = "Writes one partnership's records, their history and their files to a zip (docs/backup.md)."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="the partnership's slug, e.g. warwickshire-scp")
        parser.add_argument("archive", help="the zip to write, e.g. /backups/warwickshire-scp-2026-11-30.zip")

    def handle(self, *args, slug, archive, **options):
        partnership = Partnership.objects.filter(slug=slug).first()
        if partnership is None:
            raise CommandError(f"No partnership has the slug “{slug}”.")
        try:
            manifest = export_partnership(partnership=partnership, path=archive)
        except (BackupError, OSError) as error:
            raise CommandError(f"No backup was written: {error}") from None
        records = sum(entry["count"] for entry in manifest["records"])
        history = sum(entry["count"] for entry in manifest["history"])
        self.stdout.write(
            f"Backed up {slug} to {archive}: {records} records, {history} history rows, {len(manifest['files'])} files."
        )
        for name in manifest["missing_files"]:
            # A file a record names but the storage lacks is left out, not the whole backup.
            self.stderr.write(f"Missing from the storage, so not in the backup: {name}")
