"""The fixed cast every test reuses (CONVENTIONS.md): the Warwickshire partnership with its
secretariat officer, its chair, a member, and a member of another partnership; plus the
anonymous visitor, who is simply a client that has not logged in."""

import datetime
import os
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from tests.factories import (
    MemberFactory,
    NominatingBodyFactory,
    OfficeFactory,
    PartnershipFactory,
    PersonFactory,
    SecretariatFactory,
    UserFactory,
)

TODAY = datetime.datetime(2026, 11, 25, 10, 0, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """A SQLite test database lives in a file of its own, one per test process, rather than in
    memory, so that a real Celery worker started by a test can open the same database."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(settings.VAR_DIR / f"test-{os.getpid()}.sqlite3")
        # A test database need not survive a power cut: no waiting for the disk on each commit.
        database["OPTIONS"]["init_command"] = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"


@pytest.fixture(autouse=True)
def fixed_today():
    """Every test runs on Wednesday 25 November 2026, the clock ticking from there, so dates in
    tests (a meeting in January 2027 whose agenda is due on Christmas Eve) stay right whenever
    the suite runs. A test that needs another day travels on from here."""
    with time_machine.travel(TODAY, tick=True):
        yield


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hashing strength is Django's business, not these tests'; MD5 keeps the suite quick."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def cache_of_this_test(settings):
    """Each test has a cache of its own in memory: nothing cached by one test (a public page,
    a lockout) is read by another, and two test processes never share a Redis cache."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": f"test-{os.getpid()}"}
    }
    from django.core.cache import cache

    from partnership import records_version

    cache.clear()
    records_version.read(None)  # nothing renewed and left unread by an earlier test in this thread
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def two_factor_optional(settings):
    """Most tests sign in without a second factor, as development does; the tests of
    two-factor authentication turn TWO_FACTOR_REQUIRED on themselves."""
    settings.TWO_FACTOR_REQUIRED = False


@pytest.fixture(autouse=True)
def sessions_that_outlast_time_travel(settings):
    """Tests travel days ahead after signing in; the tests of session limits set their own."""
    settings.SESSION_COOKIE_AGE = 60 * 60 * 24 * 365
    settings.SESSION_IDLE_MINUTES = 60 * 24 * 365


@pytest.fixture
def warwickshire(db):
    return PartnershipFactory(name="Warwickshire Safer Communities Partnership", slug="warwickshire-scp")


@pytest.fixture
def county_council(warwickshire):
    return NominatingBodyFactory(
        partnership=warwickshire, name="Warwickshire County Council", seats=1, is_responsible_authority=True
    )


@pytest.fixture
def police(warwickshire):
    return NominatingBodyFactory(
        partnership=warwickshire, name="The Police Service", seats=1, is_responsible_authority=True
    )


@pytest.fixture
def cdrp_chairs(warwickshire):
    return NominatingBodyFactory(partnership=warwickshire, name="The Chair of each CDRP strategy group", seats=5)


@pytest.fixture
def secretariat(warwickshire):
    user = UserFactory(username="sam.secretariat")
    SecretariatFactory(partnership=warwickshire, user=user)
    return user


@pytest.fixture
def chair(warwickshire, county_council):
    user = UserFactory(username="carol.chair")
    person = PersonFactory(name="Carol Chair", email="carol.chair@warwickshire.example.org", user=user)
    member = MemberFactory(nominating_body=county_council, person=person, role_in_body="Portfolio holder")
    OfficeFactory(member=member, starts_on=timezone.localdate() - datetime.timedelta(days=100))
    return user


@pytest.fixture
def member(warwickshire, police):
    user = UserFactory(username="mo.member")
    person = PersonFactory(name="Mo Member", email="mo.member@police.example.org", user=user)
    MemberFactory(nominating_body=police, person=person, role_in_body="Chief Superintendent")
    return user


@pytest.fixture
def other_partnership(db):
    return PartnershipFactory(name="Rugby Community Safety Partnership", slug="rugby-csp")


@pytest.fixture
def outsider(other_partnership):
    """A member and secretariat officer of another partnership, nothing to Warwickshire."""
    user = UserFactory(username="oscar.outsider")
    body = NominatingBodyFactory(partnership=other_partnership, name="Rugby Borough Council")
    MemberFactory(nominating_body=body, person=PersonFactory(name="Oscar Outsider", user=user))
    SecretariatFactory(partnership=other_partnership, user=user)
    return user


@pytest.fixture
def staff(db):
    return UserFactory(username="stella.staff", is_staff=True, is_superuser=True)
