"""Whoever must use two-factor authentication does nothing else until the session has their
code: pages send them to set it up or to enter it (with next), the API answers 403 in JSON.
Token clients, the two-factor pages, signing out, static files and the language switch pass.
The middleware costs no query when it is off, nobody is signed in, or the code was given."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import ConductDocumentFactory
from tests.helpers import acknowledged_in_session, signed_in

from .two_factor_helpers import LOGIN, SET_UP, VERIFY, app_for, code_now, signed_in_with_code

MINE = reverse("partnership:mine")
API = "/api/v1/partnerships/"
TWO_FACTOR_MIDDLEWARE = "partnership.accounts.two_factor_middleware.TwoFactorRequiredMiddleware"


@pytest.fixture
def required(settings):
    settings.TWO_FACTOR_REQUIRED = True


@pytest.mark.usefixtures("required")
def test_a_chair_without_an_app_is_sent_to_set_one_up(client, chair):
    signed_in(client, chair)

    response = client.get("/p/warwickshire-scp/?a=1&b=2")

    assert response.status_code == 302
    assert response.url == f"{SET_UP}?next=%2Fp%2Fwarwickshire-scp%2F%3Fa%3D1%26b%3D2"


@pytest.mark.usefixtures("required")
def test_a_chair_with_an_app_but_no_code_this_session_is_asked_for_it(client, chair):
    app_for(chair)
    signed_in(client, chair)  # a session from before the chair had to use it

    response = client.get(MINE)

    assert response.url == f"{VERIFY}?next=%2Fpartnerships%2F"


@pytest.mark.usefixtures("required")
def test_the_code_then_lets_the_session_through(client, chair):
    device = app_for(chair)
    signed_in(client, chair)

    response = client.post(VERIFY, {"code": code_now(device), "next": MINE})

    assert response.url == MINE
    assert client.get(MINE).status_code == 200


@pytest.mark.usefixtures("required")
@pytest.mark.parametrize("who", ["secretariat", "staff"])
def test_secretariat_and_staff_are_held_back_too(request, client, who):
    signed_in(client, request.getfixturevalue(who))

    assert client.get(MINE).url.startswith(SET_UP)


@pytest.mark.usefixtures("required")
def test_a_member_who_need_not_is_let_through(client, member):
    signed_in(client, member)

    assert client.get(MINE).status_code == 200


def test_nobody_is_held_back_where_it_is_off(client, chair):
    signed_in(client, chair)

    assert client.get(MINE).status_code == 200


@pytest.mark.usefixtures("required")
def test_the_api_answers_403_in_json_to_such_a_session(chair):
    client = APIClient()
    signed_in(client, chair)

    response = client.get(API)

    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    detail = response.json()["detail"]
    assert detail.startswith("Two-factor authentication is required")
    assert detail.endswith(f"http://testserver{SET_UP}")


@pytest.mark.usefixtures("required")
def test_token_clients_are_other_systems_and_pass(chair):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=chair).key}")

    assert client.get(API).status_code == 200


@pytest.mark.usefixtures("required")
def test_signing_out_the_two_factor_pages_and_the_language_switch_pass(client, chair):
    signed_in(client, chair)

    assert client.get(SET_UP).status_code == 200
    assert client.get(VERIFY).url.startswith(SET_UP)  # the code page itself says: no app yet
    assert not client.get("/static/css/site.css").get("Location", "").startswith(SET_UP)
    assert client.post("/i18n/setlang/", {"language": "en-gb", "next": "/"}).url == "/"
    response = client.post(reverse("logout"))
    assert response.url == reverse("public:home")
    assert "_auth_user_id" not in client.session


@pytest.mark.usefixtures("required")
def test_the_code_comes_before_the_code_of_conduct(client, chair, warwickshire):
    ConductDocumentFactory(partnership=warwickshire)
    client.force_login(chair)  # nothing acknowledged yet

    assert client.get(MINE).url.startswith(SET_UP)
    assert client.get(SET_UP).status_code == 200

    response = client.post(SET_UP, {"code": code_now(TOTPDevice.objects.get(user=chair)), "next": MINE})
    assert response.url == MINE
    assert client.get(MINE).url.startswith(reverse("governance:acknowledge"))


def test_the_admin_sign_in_is_the_sites(client, db):
    response = client.get("/admin/login/", {"next": "/admin/"})

    assert response.status_code == 302
    assert response.url == f"{LOGIN}?next=%2Fadmin%2F"


@pytest.mark.usefixtures("required")
def test_staff_reach_the_admin_only_with_the_code(client, staff):
    device = app_for(staff)
    signed_in(client, staff)
    assert client.get("/admin/").url == f"{VERIFY}?next=%2Fadmin%2F"

    client.logout()
    signed_in_with_code(client, staff, device, next_url="/admin/")
    acknowledged_in_session(client)

    assert client.get("/admin/").status_code == 200


def _queries(settings, sign_in, path, *, with_middleware: bool) -> int:
    middleware = list(settings.MIDDLEWARE)
    if not with_middleware:
        settings.MIDDLEWARE = [name for name in middleware if name != TWO_FACTOR_MIDDLEWARE]
    client = Client()
    sign_in(client)
    client.get(path)  # first request of a session writes what it writes once
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    settings.MIDDLEWARE = middleware
    return len(queries)


def _requests_with_middleware(settings, sign_in, path, django_assert_max_num_queries, baseline):
    client = Client()
    sign_in(client)
    client.get(path)
    with django_assert_max_num_queries(baseline):
        assert client.get(path).status_code == 200


def test_no_query_is_added_where_it_is_off(settings, member, django_assert_max_num_queries):
    def sign_in(client):
        signed_in(client, member)

    baseline = _queries(settings, sign_in, MINE, with_middleware=False)
    _requests_with_middleware(settings, sign_in, MINE, django_assert_max_num_queries, baseline)


@pytest.mark.usefixtures("required")
def test_no_query_is_added_for_someone_not_signed_in(settings, warwickshire, django_assert_max_num_queries):
    def sign_in(client):
        pass

    baseline = _queries(settings, sign_in, "/p/warwickshire-scp/", with_middleware=False)
    _requests_with_middleware(settings, sign_in, "/p/warwickshire-scp/", django_assert_max_num_queries, baseline)


@pytest.mark.usefixtures("required")
def test_no_query_is_added_once_the_code_is_given(settings, chair, django_assert_max_num_queries):
    device = app_for(chair)

    def sign_in(client):
        device.refresh_from_db()
        device.last_t = -1  # each sign-in here uses the code of the same moment
        device.save()
        signed_in_with_code(client, chair, device)
        acknowledged_in_session(client)

    baseline = _queries(settings, sign_in, MINE, with_middleware=False)
    _requests_with_middleware(settings, sign_in, MINE, django_assert_max_num_queries, baseline)


@pytest.mark.usefixtures("required")
def test_a_member_costs_only_the_role_queries_roles_caches(settings, member, django_assert_max_num_queries):
    def sign_in(client):
        signed_in(client, member)

    baseline = _queries(settings, sign_in, MINE, with_middleware=False)
    # secretariat, chair and vice chair partnerships: cached on the user for the request.
    _requests_with_middleware(settings, sign_in, MINE, django_assert_max_num_queries, baseline + 3)
