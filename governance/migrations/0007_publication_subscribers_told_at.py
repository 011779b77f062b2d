# When a publication's subscribers were told, so the sweep can redo a task Redis lost. Every row
# that exists already is marked told at its publication: its subscribers were told then, or its
# moment has passed, and nothing old is sent after the release.

from django.db import migrations, models
from django.db.models import F


def mark_existing_told(apps, schema_editor):
    Publication = apps.get_model("governance", "Publication")
    Publication.objects.filter(subscribers_told_at__isnull=True).update(subscribers_told_at=F("published_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0006_publication_search"),
    ]

    operations = [
        migrations.AddField(
            model_name="publication",
            name="subscribers_told_at",
            field=models.DateTimeField(
                blank=True,
                help_text=(
                    "When its subscribers' emails were recorded; empty until then, so the sweep redoes a lost task."
                ),
                null=True,
            ),
        ),
        migrations.RunPython(mark_existing_told, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="publication",
            index=models.Index(
                condition=models.Q(subscribers_told_at__isnull=True), fields=["published_at"], name="publication_untold"
            ),
        ),
    ]
