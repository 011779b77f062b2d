from django.apps import AppConfig
from django.db.models.signals import post_migrate


class GovernanceConfig(AppConfig):
    name = "governance"

    def ready(self):
        from .publications import receivers as publication_receivers
        from .publications import subscribers  # noqa: F401 - connects residents' emails to new publications
        from .schedule import install_schedule_after_migrate

        # After every migrate (and a test database's flush): create the periodic tasks that
        # are missing, the way Django installs its permissions; never change one the admin edited.
        post_migrate.connect(install_schedule_after_migrate, sender=self)
        publication_receivers.connect()
