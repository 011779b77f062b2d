"""Setting up an authenticator app (a QR code and the key written out, then a code to confirm),
and removing it (a current code; refused to whoever must use two-factor authentication)."""

import base64
import datetime
import re

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from partnership.models_audit import AuditEvent, AuditKind
from partnership.models_sessions import UserSession
from tests.factories import PASSWORD
from tests.helpers import acknowledged_in_session, sign_in_through_form, signed_in

from .two_factor_helpers import LOGIN, REMOVE, SET_UP, VERIFY, app_for, code_now, signed_in_with_code, wrong_code

HOME = reverse("governance:home")
MINE = reverse("partnership:mine")
SECURITY = reverse("account-security")


def key_on_page(html: str) -> bytes:
    written = re.search(r'<code id="setup-key">([A-Z2-7 ]+)</code>', html).group(1)
    return base64.b32decode(written.replace(" ", ""))


def test_the_page_shows_a_qr_code_and_the_key_in_groups(client, member):
    signed_in(client, member)

    html = client.get(SET_UP).content.decode()

    device = TOTPDevice.objects.get(user=member)
    assert device.confirmed is False
    assert re.search(r'<img src="data:image/png;base64,[A-Za-z0-9+/=]{200,}" alt="QR code that adds this service', html)
    written = re.search(r'<code id="setup-key">([A-Z2-7 ]+)</code>', html).group(1)
    assert re.fullmatch(r"([A-Z2-7]{4} )+[A-Z2-7]{4}", written)
    assert key_on_page(html) == device.bin_key
    assert 'autocomplete="one-time-code"' in html


def test_showing_the_page_again_keeps_the_same_key(client, member):
    signed_in(client, member)

    first = key_on_page(client.get(SET_UP).content.decode())
    second = key_on_page(client.get(SET_UP).content.decode())

    assert first == second
    assert TOTPDevice.objects.filter(user=member).count() == 1


def later(minutes):
    return time_machine.travel(timezone.now() + datetime.timedelta(minutes=minutes), tick=True)


def code_for(key: bytes) -> str:
    return f"{TOTP(key).token():06d}"


EXPIRED = "The key you added to your app has expired"


def test_each_session_is_shown_its_own_key(client, member):
    signed_in(client, member)
    other = signed_in(Client(), member)

    mine = key_on_page(client.get(SET_UP).content.decode())
    theirs = key_on_page(other.get(SET_UP).content.decode())

    assert mine != theirs


def test_a_key_shown_in_one_session_cannot_confirm_in_another(client, member):
    signed_in(client, member)
    onlooker = signed_in(Client(), member)
    seen_by_onlooker = key_on_page(onlooker.get(SET_UP).content.decode())
    client.get(SET_UP)

    response = client.post(SET_UP, {"code": code_for(seen_by_onlooker)})

    assert response.status_code == 400
    assert "The code is not right" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=member, confirmed=True).exists()


def test_a_session_never_shown_a_key_cannot_confirm_one(client, member):
    onlooker = signed_in(Client(), member)
    seen_by_onlooker = key_on_page(onlooker.get(SET_UP).content.decode())
    signed_in(client, member)

    response = client.post(SET_UP, {"code": code_for(seen_by_onlooker)})

    html = response.content.decode()
    assert response.status_code == 400
    assert EXPIRED in html
    assert key_on_page(html) != seen_by_onlooker
    assert not TOTPDevice.objects.filter(user=member, confirmed=True).exists()
    assert not AuditEvent.objects.filter(kind=AuditKind.TWO_FACTOR_ENROLLED).exists()


def test_a_new_key_replaces_the_persons_other_unfinished_ones(client, member):
    onlooker = signed_in(Client(), member)
    seen_by_onlooker = key_on_page(onlooker.get(SET_UP).content.decode())
    signed_in(client, member)

    shown = key_on_page(client.get(SET_UP).content.decode())

    assert [device.bin_key for device in TOTPDevice.objects.filter(user=member)] == [shown]
    response = onlooker.post(SET_UP, {"code": code_for(seen_by_onlooker)})
    assert EXPIRED in response.content.decode()
    assert not TOTPDevice.objects.filter(user=member, confirmed=True).exists()


def test_the_key_still_confirms_within_fifteen_minutes(client, member):
    signed_in(client, member)
    key = key_on_page(client.get(SET_UP).content.decode())

    with later(14):
        assert key_on_page(client.get(SET_UP).content.decode()) == key
        response = client.post(SET_UP, {"code": code_for(key)})

    assert response.status_code == 302
    assert TOTPDevice.objects.get(user=member).confirmed is True


def test_after_fifteen_minutes_the_key_is_refused_and_a_new_one_shown(client, member):
    signed_in(client, member)
    key = key_on_page(client.get(SET_UP).content.decode())

    with later(16):
        response = client.post(SET_UP, {"code": code_for(key)})

    html = response.content.decode()
    assert response.status_code == 400
    assert EXPIRED in html
    assert key_on_page(html) != key
    assert [device.bin_key for device in TOTPDevice.objects.filter(user=member)] == [key_on_page(html)]
    assert not TOTPDevice.objects.filter(user=member, confirmed=True).exists()


def test_after_fifteen_minutes_the_page_shows_a_new_key(client, member):
    signed_in(client, member)
    key = key_on_page(client.get(SET_UP).content.decode())

    with later(16):
        html = client.get(SET_UP).content.decode()

    assert key_on_page(html) != key
    assert "This key works only in this browser, for 15 minutes" in html
    assert TOTPDevice.objects.filter(user=member).count() == 1


def test_setting_up_signs_out_the_persons_other_sessions(client, member, chair):
    phone = Client()
    assert sign_in_through_form(phone, member.username, PASSWORD).status_code == 302
    acknowledged_in_session(phone)
    chairs = signed_in(Client(), chair)
    signed_in(client, member)
    key = key_on_page(client.get(SET_UP).content.decode())

    response = client.post(SET_UP, {"code": code_for(key)}, follow=True)

    assert "Your 1 other session was signed out." in response.content.decode()
    assert "_auth_user_id" not in phone.session
    assert phone.get(MINE).url.startswith(LOGIN)
    assert client.session["_auth_user_id"] == str(member.pk)
    assert chairs.session["_auth_user_id"] == str(chair.pk)
    assert AuditEvent.objects.filter(kind=AuditKind.SESSION_ENDED, user=member).count() == 1


def test_setting_up_gives_the_session_a_new_key(client, member):
    signed_in(client, member)
    key = key_on_page(client.get(SET_UP).content.decode())
    before = client.session.session_key

    client.post(SET_UP, {"code": code_for(key)})

    assert client.session.session_key != before
    assert client.session["_auth_user_id"] == str(member.pk)
    assert UserSession.objects.filter(user=member).get().session_key == client.session.session_key


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_set_up_page_is_never_cached(client, member, method):
    signed_in(client, member)

    response = getattr(client, method)(SET_UP)

    assert "no-store" in response["Cache-Control"]


def test_the_removal_page_is_never_cached(client, members_app):
    assert "no-store" in client.get(REMOVE)["Cache-Control"]


def test_the_code_from_the_key_confirms_the_app(client, member):
    signed_in(client, member)
    key = key_on_page(client.get(SET_UP).content.decode())

    response = client.post(SET_UP, {"code": f"{TOTP(key).token():06d}", "next": MINE}, follow=True)

    assert response.redirect_chain[0][0] == MINE
    assert "Two-factor authentication is set up" in response.content.decode()
    device = TOTPDevice.objects.get(user=member)
    assert device.confirmed is True
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    event = AuditEvent.objects.get(kind=AuditKind.TWO_FACTOR_ENROLLED)
    assert (event.user, event.username) == (member, "mo.member")


def test_a_wrong_code_leaves_the_app_unconfirmed(client, member):
    signed_in(client, member)
    client.get(SET_UP)
    device = TOTPDevice.objects.get(user=member)

    response = client.post(SET_UP, {"code": wrong_code(device)})

    assert response.status_code == 400
    assert "The code is not right" in response.content.decode()
    device.refresh_from_db()
    assert device.confirmed is False
    assert DEVICE_ID_SESSION_KEY not in client.session
    assert not AuditEvent.objects.filter(kind=AuditKind.TWO_FACTOR_ENROLLED).exists()


def test_an_unsafe_next_after_set_up_is_ignored(client, member):
    signed_in(client, member)
    client.get(SET_UP)
    device = TOTPDevice.objects.get(user=member)

    response = client.post(SET_UP, {"code": code_now(device), "next": "https://evil.example/"})

    assert response.url == HOME


def test_someone_already_set_up_is_sent_to_their_account(client, member):
    device = app_for(member)
    signed_in_with_code(client, member, device)

    response = client.get(SET_UP)

    assert response.status_code == 302
    assert response.url == SECURITY
    assert TOTPDevice.objects.filter(user=member).count() == 1


def test_a_session_without_the_code_cannot_replace_the_app(client, member):
    app_for(member)
    signed_in(client, member)  # signed in before the app was set up, say

    response = client.get(SET_UP, {"next": MINE})

    assert response.url == f"{VERIFY}?next=%2Fpartnerships%2F"
    assert TOTPDevice.objects.filter(user=member).count() == 1


def test_nobody_signed_in_is_sent_to_sign_in(client, db):
    response = client.get(SET_UP)

    assert response.status_code == 302
    assert response.url.startswith(LOGIN)


def test_the_page_says_why_when_it_is_required(client, chair, settings):
    settings.TWO_FACTOR_REQUIRED = True
    signed_in(client, chair)

    html = client.get(SET_UP).content.decode()

    assert "You keep or chair a partnership" in html
    assert "Back to your account" not in html


def test_the_page_offers_it_to_a_member(client, member, settings):
    settings.TWO_FACTOR_REQUIRED = True
    signed_in(client, member)

    html = client.get(SET_UP).content.decode()

    assert "keeps your account safe" in html
    assert f'href="{SECURITY}"' in html


@pytest.fixture
def members_app(client, member, settings):
    settings.TWO_FACTOR_REQUIRED = True
    device = app_for(member)
    signed_in_with_code(client, member, device)
    return device


def test_a_member_removes_their_app_with_a_code(client, member, members_app):
    device = members_app
    device.last_t = -1  # the sign-in used this step's code
    device.save()

    response = client.post(REMOVE, {"code": code_now(device)}, follow=True)

    assert response.redirect_chain[0][0] == SECURITY
    assert not TOTPDevice.objects.filter(user=member).exists()
    assert DEVICE_ID_SESSION_KEY not in client.session
    event = AuditEvent.objects.get(kind=AuditKind.TWO_FACTOR_REMOVED)
    assert event.user == member


def test_removing_with_a_wrong_code_keeps_the_app(client, member, members_app):
    response = client.post(REMOVE, {"code": wrong_code(members_app)})

    assert response.status_code == 400
    assert "The code is not right" in response.content.decode()
    assert TOTPDevice.objects.filter(user=member).exists()
    assert AuditEvent.objects.filter(kind=AuditKind.TWO_FACTOR_FAILED, user=member).count() == 1
    assert not AuditEvent.objects.filter(kind=AuditKind.TWO_FACTOR_REMOVED).exists()


def test_the_removal_page_asks_for_a_code(client, members_app):
    html = client.get(REMOVE).content.decode()

    assert "Turn off two-factor authentication" in html
    assert 'name="code"' in html


def test_a_chair_who_must_use_it_cannot_remove_it(client, chair, settings):
    settings.TWO_FACTOR_REQUIRED = True
    device = app_for(chair)
    signed_in_with_code(client, chair, device)
    device.refresh_from_db()
    device.last_t = -1
    device.save()

    page = client.get(REMOVE)
    response = client.post(REMOVE, {"code": code_now(device)})

    assert page.status_code == 200
    assert "You cannot turn off two-factor authentication: it is required of staff" in page.content.decode()
    assert 'name="code"' not in page.content.decode()
    assert response.status_code == 403
    assert TOTPDevice.objects.filter(user=chair).exists()
    assert not AuditEvent.objects.filter(kind=AuditKind.TWO_FACTOR_REMOVED).exists()


def test_a_chair_may_remove_it_where_it_is_not_required(client, chair):
    device = app_for(chair)
    signed_in_with_code(client, chair, device)
    device.refresh_from_db()
    device.last_t = -1
    device.save()

    client.post(REMOVE, {"code": code_now(device)})

    assert not TOTPDevice.objects.filter(user=chair).exists()


def test_removing_what_is_not_set_up_says_so(client, member):
    signed_in(client, member)

    response = client.post(REMOVE, {"code": "123456"}, follow=True)

    assert response.redirect_chain[0][0] == SECURITY
    assert "Two-factor authentication is not set up." in response.content.decode()
