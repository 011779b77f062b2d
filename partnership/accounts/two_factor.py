"""Two-factor authentication (django-otp, TOTP): who must use it, and what a person does with
it (set it up, prove a code, remove it). Views, the middleware and the sign-in pages all ask
here; none of them repeats a rule."""

import datetime
import math
from base64 import b32encode

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_totp.models import TOTPDevice

from ..roles import chair_partnership_ids, secretariat_partnership_ids, vice_chair_partnership_ids

DEVICE_NAME = "Authenticator app"


class TwoFactorError(Exception):
    """A code or a request refused, with a sentence the person can read."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class WrongCodeError(TwoFactorError):
    """The code did not match (or was used already): a guess, which counts towards a lockout."""


class TooSoonError(TwoFactorError):
    """django-otp's back-off after a wrong code (1, 2, 4, 8... seconds): nothing was checked."""


def two_factor_required_for(user, today: datetime.date) -> bool:
    """Whether `user` must use two-factor authentication: wherever TWO_FACTOR_REQUIRED is on,
    staff and everyone who keeps or chairs a partnership (secretariat, chair, vice chair in
    office `today`). Everyone else is offered it. Costs no query when it is off, and only the
    role queries roles.py caches for the request otherwise, cheapest first."""
    if not settings.TWO_FACTOR_REQUIRED or not user.is_authenticated:
        return False
    return bool(
        user.is_staff
        or secretariat_partnership_ids(user)
        or chair_partnership_ids(user, today)
        or vice_chair_partnership_ids(user, today)
    )


def confirmed_device(user) -> TOTPDevice | None:
    """The authenticator app a person has set up, if they have."""
    if not user.is_authenticated:
        return None
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


# The session remembers which unconfirmed device its set-up page showed: a key works only in the
# session that was shown it, and only for SET_UP_MINUTES, so whoever saw the page (over a shoulder,
# on a shared computer) does not hold a working seed once the person enrols later.
SETTING_UP = "two_factor_setting_up"
SET_UP_MINUTES = 15


def device_being_set_up(*, user, session, now: datetime.datetime | None = None) -> TOTPDevice | None:
    """The unconfirmed device whose key this session's set-up page showed, while it is younger
    than SET_UP_MINUTES; None when there is none (never shown here, too old, or replaced)."""
    device_id = session.get(SETTING_UP)
    if device_id is None:
        return None
    now = now or timezone.now()
    return TOTPDevice.objects.filter(
        pk=device_id,
        user=user,
        confirmed=False,
        created_at__gt=now - datetime.timedelta(minutes=SET_UP_MINUTES),
    ).first()


def start_setting_up(*, user, session) -> TOTPDevice:
    """A new key for this session's set-up page. The person's other unconfirmed devices go: only
    the key shown last can be confirmed, so a key seen earlier, anywhere, is worth nothing."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    session[SETTING_UP] = device.pk
    return device


def secret_in_groups(device: TOTPDevice) -> str:
    """The secret as an authenticator app asks for it to be typed: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def check_code(*, device: TOTPDevice, code: str, now=None) -> None:
    """Accepts the code the device shows now, once (a code already used is refused, so one seen
    over a shoulder cannot be replayed). Raises TooSoonError while django-otp's back-off after a wrong
    code lasts, WrongCodeError for a wrong or used code. The failure count is committed even though
    an error follows, so the back-off holds."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        allowed, why = device.verify_is_allowed()
        accepted = allowed and device.verify_token(code)
    if not allowed:
        now = now or timezone.now()
        seconds = max(1, math.ceil((why["locked_until"] - now).total_seconds()))
        raise TooSoonError(
            ngettext(
                "You entered a wrong code a moment ago. Wait %(seconds)d second, then enter the code "
                "your app shows now.",
                "You entered a wrong code a moment ago. Wait %(seconds)d seconds, then enter the code "
                "your app shows now.",
                seconds,
            )
            % {"seconds": seconds}
        )
    if not accepted:
        raise WrongCodeError(
            _("The code is not right, or has been used already. Enter the 6-digit code your app shows now.")
        )


def confirm_device(*, device: TOTPDevice, code: str) -> TOTPDevice:
    """Set-up: the first code from the app proves it holds the secret. The device is then the
    person's one authenticator app; any other device of theirs is removed."""
    if device.confirmed:
        raise TwoFactorError(_("Two-factor authentication is already set up."))
    check_code(device=device, code=code)
    with transaction.atomic():
        TOTPDevice.objects.filter(user_id=device.user_id).exclude(pk=device.pk).delete()
        TOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
    device.refresh_from_db()
    return device


def remove_two_factor(*, user, code: str, today: datetime.date) -> None:
    """Removal, with a current code: refused to whoever must use two-factor authentication."""
    if two_factor_required_for(user, today):
        raise TwoFactorError(
            _(
                "You cannot turn off two-factor authentication: it is required of staff, "
                "secretariat officers, chairs and vice chairs."
            )
        )
    device = confirmed_device(user)
    if device is None:
        raise TwoFactorError(_("Two-factor authentication is not set up."))
    check_code(device=device, code=code)
    TOTPDevice.objects.filter(user=user).delete()
