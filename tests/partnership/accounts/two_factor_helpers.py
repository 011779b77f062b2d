"""What the two-factor tests share: a person's authenticator app, and the code it shows now."""

from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import PASSWORD

LOGIN = reverse("login")
VERIFY = reverse("two-factor-verify")
SET_UP = reverse("two-factor-setup")
REMOVE = reverse("two-factor-remove")


def app_for(user, *, confirmed=True) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=confirmed)


def code_now(device) -> str:
    """The code the person's app shows at this moment."""
    return f"{TOTP(device.bin_key).token():06d}"


def wrong_code(device) -> str:
    """A code the app does not show now, nor a step either side of now."""
    shown = {int(code_now(device))}
    totp = TOTP(device.bin_key)
    for drift in (-1, 1):
        totp.drift = drift
        shown.add(totp.token())
    return next(f"{n:06d}" for n in range(1000) if n not in shown)


def password_step(client, username, *, next_url=None, password=PASSWORD):
    data = {"username": username, "password": password}
    if next_url is not None:
        data["next"] = next_url
    return client.post(LOGIN, data)


def signed_in_with_code(client, user, device, *, next_url=None):
    """Signs in through both steps. Returns the code page's answer."""
    password_step(client, user.get_username(), next_url=next_url)
    data = {"code": code_now(device)}
    if next_url is not None:
        data["next"] = next_url
    return client.post(VERIFY, data)
