"""The two-factor pages: the code asked for at sign-in, setting up an authenticator app, and
removing it. The rules are two_factor.py's; these pages show the answer and keep the record."""

import base64
import io

import django_otp
import qrcode
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from ..audit import record_audit_event
from ..models_audit import AuditKind
from ..safe_redirect import next_path
from .forms_two_factor import CodeForm
from .sessions import end_other_sessions
from .two_factor import (
    SET_UP_MINUTES,
    SETTING_UP,
    TooSoonError,
    TwoFactorError,
    WrongCodeError,
    check_code,
    confirm_device,
    confirmed_device,
    device_being_set_up,
    remove_two_factor,
    secret_in_groups,
    start_setting_up,
    two_factor_required_for,
)
from .views_login import PENDING, end_pending_sign_in, pending_user, with_next


def _home():
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _is_verified(user) -> bool:
    return user.is_authenticated and getattr(user, "is_verified", lambda: False)()


def _status(form) -> int:
    return 400 if form.is_bound and form.errors else 200


def _locked_out(request, credentials):
    """Too many wrong passwords and codes: the sign-in ends here, and django-axes' page says
    for how long."""
    end_pending_sign_in(request)
    if request.user.is_authenticated:
        logout(request)
    return get_lockout_response(request, credentials=credentials)


# never_cache (Cache-Control: no-store) on every two-factor page: the set-up key and the pages
# of a half-finished sign-in must not be kept by a browser or a proxy.
@never_cache
@require_http_methods(["GET", "POST"])
def verify(request):
    next_url = next_path(request)
    if request.user.is_authenticated:
        # A session signed in before its person had to use two-factor authentication, sent
        # here by the middleware.
        if _is_verified(request.user):
            return redirect(next_url or _home())
        user = request.user
    else:
        was_pending = PENDING in request.session
        user = pending_user(request)
        if user is None:
            if was_pending:
                messages.info(request, _("Sign in again: your sign-in was not finished in time."))
            return redirect(with_next(reverse("login"), next_url))
    device = confirmed_device(user)
    if device is None:
        if request.user.is_authenticated:
            return redirect(with_next(reverse("two-factor-setup"), next_url))
        end_pending_sign_in(request)
        return redirect(with_next(reverse("login"), next_url))

    credentials = {"username": user.get_username()}
    if AxesProxyHandler.is_locked(request, credentials):
        return _locked_out(request, credentials)
    form = CodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            check_code(device=device, code=form.cleaned_data["code"])
        except TooSoonError as refused:
            form.add_error("code", refused.message)
        except WrongCodeError as wrong:
            record_audit_event(kind=AuditKind.TWO_FACTOR_FAILED, request=request, user=user, status_code=400)
            # A wrong code is a guess like a wrong password: django-axes counts both together.
            AxesProxyHandler.user_login_failed(sender=verify, credentials=credentials, request=request)
            if request.axes_locked_out:
                return _locked_out(request, credentials)
            form.add_error("code", wrong.message)
        else:
            if request.user.is_authenticated:
                # The session gains a right it did not have: a new key, so one fixed or seen
                # before the code was given does not share it.
                request.session.cycle_key()
            else:
                end_pending_sign_in(request)
                login(request, user, backend=user.backend)
            django_otp.login(request, device)
            return redirect(next_url or _home())
    return render(
        request, "registration/two_factor_verify.html", {"form": form, "next": next_url}, status=_status(form)
    )


def _qr_code(device) -> str:
    image = qrcode.make(device.config_url, box_size=6, border=4)
    png = io.BytesIO()
    image.save(png)
    return "data:image/png;base64," + base64.b64encode(png.getvalue()).decode()


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def set_up(request):
    user = request.user
    next_url = next_path(request)
    if confirmed_device(user) is not None:
        if _is_verified(user):
            messages.info(request, _("Two-factor authentication is already set up."))
            return redirect("account-security")
        # Replacing an app needs the code from the one already set up.
        return redirect(with_next(reverse("two-factor-verify"), next_url))
    device = device_being_set_up(user=user, session=request.session)
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and device is None:
        # The key this form was shown with is too old, or was shown in another session.
        form.is_valid()
        form.add_error(
            "code",
            _(
                "The key you added to your app has expired. Remove it from your app, add the new key "
                "shown on this page, then enter the code the app shows."
            ),
        )
    elif form.is_valid():
        try:
            device = confirm_device(device=device, code=form.cleaned_data["code"])
        except TwoFactorError as refused:
            form.add_error("code", refused.message)
        else:
            return _enrolled(request, device, next_url)
    if device is None:
        device = start_setting_up(user=user, session=request.session)
    page = {
        "form": form,
        "next": next_url,
        "required": two_factor_required_for(user, timezone.localdate()),
        "qr_code": _qr_code(device),
        "secret": secret_in_groups(device),
        "issuer": settings.OTP_TOTP_ISSUER,
        "setup_minutes": SET_UP_MINUTES,
    }
    return render(request, "registration/two_factor_setup.html", page, status=_status(form))


def _enrolled(request, device, next_url):
    """The app is set up: whoever else is signed in as this person (with the password only, or
    from a set-up page they saw) is signed out, and this session, now verified, gets a new key."""
    user = request.user
    request.session.pop(SETTING_UP, None)
    ended = end_other_sessions(request=request, user=user)
    request.session.cycle_key()
    django_otp.login(request, device)
    record_audit_event(kind=AuditKind.TWO_FACTOR_ENROLLED, request=request, user=user)
    messages.success(
        request, _("Two-factor authentication is set up: you will be asked for a code each time you sign in.")
    )
    if ended:
        messages.info(
            request,
            ngettext(
                "Your %(count)d other session was signed out.",
                "Your %(count)d other sessions were signed out.",
                ended,
            )
            % {"count": ended},
        )
    return redirect(next_url or _home())


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def remove(request):
    user = request.user
    today = timezone.localdate()
    if two_factor_required_for(user, today):
        return render(
            request,
            "registration/two_factor_remove.html",
            {"required": True},
            status=403 if request.method == "POST" else 200,
        )
    if confirmed_device(user) is None:
        messages.info(request, _("Two-factor authentication is not set up."))
        return redirect("account-security")
    form = CodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            remove_two_factor(user=user, code=form.cleaned_data["code"], today=today)
        except WrongCodeError as wrong:
            record_audit_event(kind=AuditKind.TWO_FACTOR_FAILED, request=request, user=user, status_code=400)
            form.add_error("code", wrong.message)
        except TwoFactorError as refused:
            form.add_error("code", refused.message)
        else:
            request.session.pop(django_otp.DEVICE_ID_SESSION_KEY, None)
            record_audit_event(kind=AuditKind.TWO_FACTOR_REMOVED, request=request, user=user)
            messages.success(
                request, _("Two-factor authentication is turned off: you will sign in with your password only.")
            )
            return redirect("account-security")
    return render(request, "registration/two_factor_remove.html", {"form": form}, status=_status(form))
