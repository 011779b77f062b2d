"""Every periodic task, declared in one place (CONVENTIONS.md). Beat reads its schedule from the
database (django-celery-beat), where the admin can change a time or switch a task off. After
each migrate the entries missing from the database are created; one already there is left as
the admin keeps it."""

from dataclasses import dataclass

from django.apps import apps as global_apps

TIME_ZONE = "Europe/London"


@dataclass(frozen=True)
class PeriodicEntry:
    name: str
    task: str
    minute: str
    hour: str
    description: str


SCHEDULE = (
    PeriodicEntry(
        name="Sweep the deadlines",
        task="governance.tasks.sweep_deadlines",
        minute="5",
        hour="7-18",
        description="Finds every deadline coming up or missed, records who must be told, and sends what is "
        "waiting. Hourly in the working day, so a missed run is made up within the hour.",
    ),
    PeriodicEntry(
        name="Discard abandoned import previews",
        task="actionplans.tasks.discard_abandoned_import_previews",
        minute="30",
        hour="2",
        description="Deletes plan imports previewed more than a day ago and never saved.",
    ),
    PeriodicEntry(
        name="Discard unconfirmed subscriptions",
        task="governance.tasks.discard_unconfirmed_subscriptions",
        minute="40",
        hour="2",
        description="Deletes residents' email subscriptions not confirmed within seven days of asking.",
    ),
    PeriodicEntry(
        name="Keep the publications index",
        task="governance.tasks.sync_publications",
        minute="20",
        hour="*",
        description="Brings the public search and feeds in line with what meetings have published, catching "
        "anything a publishing signal missed. Hourly.",
    ),
)


def install_schedule(apps) -> None:
    """Create each entry that is missing; leave alone any the admin has changed."""
    crontabs = apps.get_model("django_celery_beat", "CrontabSchedule")
    periodic_tasks = apps.get_model("django_celery_beat", "PeriodicTask")
    for entry in SCHEDULE:
        if periodic_tasks.objects.filter(name=entry.name).exists():
            continue
        crontab, _ = crontabs.objects.get_or_create(
            minute=entry.minute,
            hour=entry.hour,
            day_of_week="*",
            day_of_month="*",
            month_of_year="*",
            timezone=TIME_ZONE,
        )
        periodic_tasks.objects.create(name=entry.name, task=entry.task, crontab=crontab, description=entry.description)


def install_schedule_after_migrate(sender, apps=global_apps, **kwargs) -> None:
    """After migrate (which passes the migrated state as `apps`) and flush (which passes none)."""
    install_schedule(apps)
