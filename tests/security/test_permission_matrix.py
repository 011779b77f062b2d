"""Every URL of the site, asked by every kind of visitor, answers what the rules say (issue 8).

The URL patterns are read from the resolver, so a new view without a line in the expectation
table (tests/security/matrix_expectations.py), and so without a thought about who may use it,
fails here by name; so does a line for a pattern that no longer exists. Each (URL, role) is one
test: a GET, or for a page that only answers POST, a POST with an empty body, which must be
refused or answered with a validation error, never change anything for a role that may not."""

import re

import pytest
import time_machine
from django.db import transaction
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.test import APIClient

from tests.conftest import TODAY
from tests.helpers import acknowledged_in_session
from tests.security import matrix_expectations as table
from tests.security.matrix_data import PRIVATE_WORDS, ROLES, build_world, remember_import

FORMAT_SUFFIX = re.compile(r"\\\.\(\?P<format>|<drf_format_suffix:format>")


def _walk(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace
            found = f"{namespace}:{inner}" if namespace and inner else inner or namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), found)
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield route, name, pattern


def site_patterns() -> dict[str, str]:
    """Each pattern of the site outside the admin, by the key the table uses: its URL name, with
    `[format]` after it for the `.json` twin DRF's routers add to each route; value: its route."""
    found = {}
    for route, name, _pattern in _walk(get_resolver().url_patterns):
        if route.startswith("admin/"):
            continue
        key = (name or route) + ("[format]" if FORMAT_SUFFIX.search(route) else "")
        assert key not in found, f"two URL patterns share the key {key!r}: {found[key]} and {route}"
        found[key] = route
    return found


PATTERNS = site_patterns()


def test_every_url_pattern_has_its_expectations():
    missing = sorted(key for key in PATTERNS if table.base(key) not in table.EXPECTATIONS)
    assert not missing, "URL patterns with no line in matrix_expectations.EXPECTATIONS: " + ", ".join(
        f"{key} ({PATTERNS[key]})" for key in missing
    )


def test_every_line_of_the_table_is_a_url_pattern():
    bases = {table.base(key) for key in PATTERNS}
    gone = sorted(set(table.EXPECTATIONS) - bases)
    assert not gone, "lines of matrix_expectations.EXPECTATIONS for URL patterns that no longer exist: " + ", ".join(
        gone
    )


def test_admin_is_one_family_of_samples():
    routes = [route for route, _name, _pattern in _walk(get_resolver().url_patterns) if route.startswith("admin/")]
    assert routes, "the admin is no longer at /admin/"


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The records, built once for the module inside a transaction rolled back at its end, so no
    other module sees them; each test runs in a savepoint of its own within it."""
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("matrix-media"), CELERY_TASK_ALWAYS_EAGER=False),
        transaction.atomic(),
    ):
        with time_machine.travel(TODAY, tick=True):
            built = build_world()
        yield built
        transaction.set_rollback(True)


@pytest.fixture(scope="module", autouse=True)
def pdfs_not_drawn():
    """Who may read a PDF is decided before it is drawn; drawing the minutes with WeasyPrint
    (a second or more each) would only slow the matrix down."""
    with pytest.MonkeyPatch.context() as patch:
        for module in ("meetings.views_public", "meetings.views_minutes.pdf"):
            patch.setattr(f"{module}.render_minutes_pdf", lambda pdf: b"%PDF-1.7 not drawn")
        yield


def client_as(world, role: str, api: bool) -> APIClient:
    client = APIClient(raise_request_exception=False)  # a server error is an answer of the matrix too
    user = world.users[role]
    if user is None:
        return client
    if api:
        client.credentials(HTTP_AUTHORIZATION=f"Token {world.tokens[role]}")
        return client
    client.force_login(user)
    acknowledged_in_session(client)
    session = client.session
    remember_import(session, world.kwargs["plan_pk"])
    session.save()
    return client


def classify(response) -> str:
    status = response.status_code
    if status in (301, 302, 303, 307):
        location = response.headers.get("Location", "")
        if location.startswith(("/accounts/login/", "/admin/login/")):
            return table.LOGIN
        return table.OK if location.startswith("/") else f"redirect away to {location}"
    if status in (200, 201, 202, 204):
        return table.OK
    return {
        400: table.INVALID,
        401: table.UNAUTHORIZED,
        403: table.FORBIDDEN,
        404: table.NOT_FOUND,
        405: table.NOT_ALLOWED,
    }.get(status, str(status))


def cases():
    for key in sorted(PATTERNS):
        line = table.EXPECTATIONS.get(table.base(key))
        if line is None:
            continue
        for role in table.FORMAT_TWIN_ROLES if key.endswith("[format]") else ROLES:
            marks = []
            if line.skip:
                marks.append(pytest.mark.skip(reason=line.skip))
            yield pytest.param(key, role, id=f"{key}-{role}", marks=marks)


@pytest.mark.django_db
@pytest.mark.parametrize(("key", "role"), list(cases()))
def test_permission_matrix(world, key, role):
    line = table.EXPECTATIONS[table.base(key)]
    kwargs = table.url_kwargs(key, PATTERNS[key], world.kwargs)
    url = reverse(key.removesuffix("[format]"), kwargs=kwargs) + line.query
    client = client_as(world, role, api=line.api)
    response = getattr(client, line.method.lower())(url)
    got = classify(response)
    expected = line.expected(role)
    accepted = {expected, table.INVALID} if line.method != "GET" and expected == table.OK else {expected}
    assert got in accepted, f"{line.method} {url} as {role}: expected {expected}, got {got} ({response.status_code})"
    if role in table.OUTSIDERS and line.family != "public" and not response.streaming:
        # What an outsider may open (their home, a list filtered to their own partnerships)
        # holds nothing of Warwickshire's.
        body = response.content.decode(errors="replace")
        leaked = [words for words in PRIVATE_WORDS if words in body]
        assert not leaked, f"{line.method} {url} shows {role} Warwickshire's private records: {leaked}"


ADMIN_SAMPLES = ["/admin/", "/admin/partnership/partnership/", "/admin/governance/registeredinterest/"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ADMIN_SAMPLES)
@pytest.mark.parametrize("role", ROLES)
def test_admin_is_for_staff(world, path, role):
    response = client_as(world, role, api=False).get(path)
    expected = table.admin_expected(path, role)
    assert classify(response) == expected, f"GET {path} as {role}: expected {expected}, got {response.status_code}"


REFUSALS = {table.LOGIN, table.FORBIDDEN, table.NOT_FOUND, table.UNAUTHORIZED}
POSTERS = ("member", "chair", "other_secretariat")  # inside without the right, the chair, outside


def row_counts() -> dict[str, int]:
    """How many rows each model of the partnership's records holds: what a refused POST must not change."""
    from django.apps import apps

    return {
        model._meta.label: model.objects.count()
        for app in ("partnership", "meetings", "actionplans", "governance")
        for model in apps.get_app_config(app).get_models()
        if not model._meta.label.startswith(("partnership.Audit", "partnership.UserSession"))
    }


def refused_post_cases():
    for key in sorted(PATTERNS):
        line = table.EXPECTATIONS.get(table.base(key))
        if line is None or line.api or line.method != "GET" or line.skip:
            continue
        if any(line.expected(role) in REFUSALS for role in POSTERS):
            yield pytest.param(key, id=key)


@pytest.mark.django_db
@pytest.mark.parametrize("key", list(refused_post_cases()))
def test_a_refused_role_cannot_post_to_the_page(world, key):
    """A page that refuses someone a GET refuses their POST too (or does not take POSTs at all),
    and nothing is saved: no view checks the right on one method only."""
    line = table.EXPECTATIONS[key]
    url = reverse(key, kwargs=table.url_kwargs(key, PATTERNS[key], world.kwargs))
    refused = {role: line.expected(role) for role in POSTERS if line.expected(role) in REFUSALS}
    clients = {role: client_as(world, role, api=False) for role in refused}  # signing in saves rows of its own
    before = row_counts()
    for role, expected in refused.items():
        got = classify(clients[role].post(url))
        assert got in (expected, table.NOT_ALLOWED), f"POST {url} as {role}: expected {expected}, got {got}"
    assert row_counts() == before, f"a refused POST to {url} changed what is saved"
