"""Browser tests: Playwright drives the Debian Chromium against pytest-django's live server.

Playwright's sync API runs an event loop in the test thread, so Django's guard against
database access from async code must be lifted here; the live server itself runs in its own
thread. Without /usr/bin/chromium the tests are skipped, unless E2E_REQUIRED=1 (CI) makes a
missing browser an error."""

import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils.http import urlencode

from tests.factories import PASSWORD

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(autouse=True)
def cookies_without_dates(settings):
    """The server's clock is fixed on 25 November 2026 (tests/conftest.py) while Chromium's is
    real: cookies that end with the browser session never look expired to it."""
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    settings.CSRF_COOKIE_AGE = None


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        if os.environ.get("E2E_REQUIRED") == "1":
            pytest.fail(f"E2E_REQUIRED=1 but there is no browser at {CHROMIUM} (apt-get install chromium).")
        pytest.skip(f"No browser at {CHROMIUM}: apt-get install chromium, or set E2E_REQUIRED=1 to make this fail.")
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture
def log_in(page, live_server):
    """Signs in through the real sign-in page, then goes on to `next_path`."""

    def log_in(username, *, password=PASSWORD, next_path="/partnerships/"):
        page.goto(f"{live_server.url}/accounts/login/?{urlencode({'next': next_path})}")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()

    return log_in


def long_date(day) -> str:
    """A date as the pages write it: 25 November 2026."""
    return f"{day.day} {day:%B %Y}"


@pytest.fixture
def fill_date(page):
    """Types a date into the GOV.UK date input (Day, Month, Year) whose legend is `legend`."""

    def fill_date(legend, day):
        group = page.get_by_role("group", name=legend)
        group.get_by_label("Day").fill(str(day.day))
        group.get_by_label("Month").fill(str(day.month))
        group.get_by_label("Year").fill(str(day.year))

    return fill_date


@pytest.fixture
def demo(db, settings, tmp_path):
    """The Warwickshire demo as `make run` loads it, what it published indexed for search; Celery
    tasks run in the call, and uploaded papers are kept in the test's own folder."""
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", force=True, stdout=io.StringIO())
