from django.apps import AppConfig


class PartnershipConfig(AppConfig):
    name = "partnership"
    verbose_name = "Partnership register"

    def ready(self):
        from . import records_version
        from .accounts import (
            receivers,  # noqa: F401 (connects the sign-in and audit receivers)
            security_notices,
        )

        records_version.connect()
        security_notices.connect()
