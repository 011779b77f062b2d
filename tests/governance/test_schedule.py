"""Beat's schedule: declared in governance/schedule.py, installed in the database after migrate,
and left alone once the admin changes it."""

from django.apps import apps
from django_celery_beat.models import CrontabSchedule, PeriodicTask

from governance.schedule import SCHEDULE, install_schedule


def test_every_declared_task_is_in_the_database_after_migrate(db):
    rows = {task.name: task for task in PeriodicTask.objects.select_related("crontab")}

    assert set(rows) >= {entry.name for entry in SCHEDULE}
    sweep = rows["Sweep the deadlines"]
    assert sweep.task == "governance.tasks.sweep_deadlines"
    assert (sweep.crontab.minute, sweep.crontab.hour, str(sweep.crontab.timezone)) == ("5", "7-18", "Europe/London")
    assert sweep.enabled


def test_a_change_made_in_the_admin_survives_the_next_migrate(db):
    sweep = PeriodicTask.objects.get(name="Sweep the deadlines")
    sweep.crontab = CrontabSchedule.objects.create(minute="0", hour="6-20", timezone="Europe/London")
    sweep.enabled = False
    sweep.save()
    PeriodicTask.objects.filter(name="Discard abandoned import previews").delete()

    install_schedule(apps)

    sweep.refresh_from_db()
    assert (sweep.crontab.hour, sweep.enabled) == ("6-20", False)
    assert PeriodicTask.objects.filter(name="Discard abandoned import previews").exists()  # put back
