"""Install the periodic tasks declared in governance/schedule.py (django-celery-beat keeps them in
the database, where the admin can change them; this never overwrites a change)."""

from django.db import migrations


def install(apps, schema_editor):
    from governance.schedule import install_schedule

    install_schedule(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0002_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
