# When a publication's subscribers were told, so the sweep can redo a task Redis lost. Rows that
# exist already are marked told when they were: a row published more than the sweep's week ago
# at its publication (its moment has passed); a newer one if its partnership's subscribers were
# emailed news after the row was last written (the task ran). The rest are left for the task
# that may still be queued, or for the sweep, so the news of a deploy's queued tasks is not lost.

import datetime

from django.db import migrations, models
from django.db.models import Exists, F, OuterRef
from django.utils import timezone

LOOK_BACK = datetime.timedelta(days=7)  # governance/deadlines/announcements.py, as at this release
NEWS = "new_publications"  # governance/selectors_subscriptions.py KIND_NEW_PUBLICATIONS


def mark_existing_told(apps, schema_editor):
    Publication = apps.get_model("governance", "Publication")
    Notification = apps.get_model("partnership", "Notification")
    untold = Publication.objects.filter(subscribers_told_at__isnull=True)
    untold.filter(published_at__lt=timezone.now() - LOOK_BACK).update(subscribers_told_at=F("published_at"))
    news_since = Notification.objects.filter(
        kind=NEWS, partnership_id=OuterRef("partnership_id"), created_at__gte=OuterRef("updated_at")
    )
    untold.filter(Exists(news_since)).update(subscribers_told_at=F("updated_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0006_publication_search"),
        ("partnership", "0012_audit_log_append_only"),
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
