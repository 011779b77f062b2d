"""Django's deployment checklist (`check --deploy`) passes with the production settings and no
warning, as `make deploy-check` runs it: HTTPS only, HSTS, secure cookies, a real secret key,
DEBUG off. Run in a process of its own, since the settings module is read once per process."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings

MANAGE = Path(settings.BASE_DIR) / "manage.py"


def deploy_check(**overrides: str) -> subprocess.CompletedProcess:
    # As a deployment's environment: nothing the test run sets for itself (the browser tests
    # set DJANGO_ALLOW_ASYNC_UNSAFE, which the checklist rightly warns about).
    left_out = {"DEBUG", "DJANGO_SETTINGS_MODULE", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {key: value for key, value in os.environ.items() if key not in left_out}
    environment.update(
        DJANGO_SETTINGS_MODULE="partnership.settings_production",
        SECRET_KEY=secrets.token_urlsafe(48),
        ALLOWED_HOSTS="governance.example.org",
        DATABASE_URL="sqlite:///:memory:",
        **overrides,
    )
    return subprocess.run(  # noqa: S603 - a fixed command, no shell
        [sys.executable, str(MANAGE), "check", "--deploy", "--fail-level", "WARNING"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_the_production_settings_pass_the_deployment_checklist():
    result = deploy_check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_check_fails_on_a_weakened_setting():
    """The same run catches a regression: HSTS turned off is a warning, and warnings fail."""
    result = deploy_check(SECURE_HSTS_SECONDS="0")
    assert result.returncode != 0
    assert "security.W004" in result.stdout + result.stderr
