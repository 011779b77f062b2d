"""An API token works for API_TOKEN_DAYS from when it was issued, then is refused (401) with
the day it expired and how to get a new one; a new one works at once."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from rest_framework.authtoken.models import Token

from partnership.models import AuditEvent, AuditKind
from tests.helpers import token_client

MEETINGS = "/api/v1/meetings/"


@pytest.fixture
def token(member):
    return Token.objects.create(user=member)


def issued_days_ago(token, days):
    Token.objects.filter(pk=token.pk).update(created=timezone.now() - datetime.timedelta(days=days))


def test_a_token_works_until_its_last_day(warwickshire, token, settings):
    settings.API_TOKEN_DAYS = 365
    issued_days_ago(token, 364)
    assert token_client(token.key).get(MEETINGS).status_code == 200


def test_an_expired_token_is_refused_saying_when_and_what_to_do(warwickshire, token, settings):
    settings.API_TOKEN_DAYS = 365
    issued_days_ago(token, 366)
    response = token_client(token.key).get(MEETINGS)
    assert response.status_code == 401
    expired = timezone.localdate(Token.objects.get(pk=token.pk).created + datetime.timedelta(days=365))
    detail = response.json()["detail"]
    assert f"This token expired on {expired:%-d %B %Y}." in detail
    assert "drf_create_token -r" in detail
    assert AuditEvent.objects.filter(kind=AuditKind.ACCESS_REFUSED, status_code=401, path=MEETINGS).exists()


def test_every_api_view_refuses_it(warwickshire, token, settings):
    issued_days_ago(token, settings.API_TOKEN_DAYS + 1)
    client = token_client(token.key)
    assert client.get(MEETINGS).status_code == 401
    assert client.get(f"/api/v1/partnerships/{warwickshire.pk}/").status_code == 401
    assert client.get(f"/api/v1/partnerships/{warwickshire.pk}/quarterly-report/").status_code == 401


def test_a_new_token_works_at_once(warwickshire, token, member, settings):
    issued_days_ago(token, settings.API_TOKEN_DAYS + 1)
    call_command("drf_create_token", "-r", member.username, stdout=open("/dev/null", "w"))  # noqa: SIM115
    renewed = Token.objects.get(user=member)
    assert renewed.key != token.key
    assert token_client(renewed.key).get(MEETINGS).status_code == 200
    assert token_client(token.key).get(MEETINGS).status_code == 401


def test_the_days_are_a_setting(warwickshire, token, settings):
    issued_days_ago(token, 40)
    settings.API_TOKEN_DAYS = 30
    assert token_client(token.key).get(MEETINGS).status_code == 401
    settings.API_TOKEN_DAYS = 60
    assert token_client(token.key).get(MEETINGS).status_code == 200


def test_the_administrator_lists_the_tokens_and_when_they_expire(token, staff, settings):
    from io import StringIO

    settings.API_TOKEN_DAYS = 365
    issued_days_ago(token, 400)
    Token.objects.create(user=staff)
    out = StringIO()
    call_command("api_tokens", stdout=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("mo.member: issued ")
    assert "EXPIRED on" in lines[0]
    assert lines[1].startswith("stella.staff: issued ")
    assert " expires " in lines[1]
    assert token.key not in out.getvalue()


def test_no_tokens_is_said(db):
    from io import StringIO

    out = StringIO()
    call_command("api_tokens", stdout=out)
    assert out.getvalue() == "No API tokens.\n"
