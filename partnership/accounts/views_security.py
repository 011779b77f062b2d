"""A person's own account: its security page, their sessions, and their password (changed while
signed in, or reset from an emailed link). Django's password views do the work; these add the
GOV.UK pages, the audit log's entries and the ending of other sessions."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST
from django_otp import user_has_device

from ..audit import record_audit_event
from ..models_audit import AuditKind
from ..models_sessions import UserSession
from . import sessions
from .forms_security import GovukPasswordChangeForm, GovukPasswordResetForm, GovukSetPasswordForm


def _minutes(seconds: int) -> int:
    return max(1, seconds // 60)


@login_required
@require_GET
def account_security(request):
    return render(
        request,
        "accounts/security.html",
        {
            "has_two_factor": user_has_device(request.user),
            "session_count": sessions.active_sessions(request.user).count(),
        },
    )


@login_required
@require_GET
def account_sessions(request):
    current_key = sessions.current_session_key(request)
    user_sessions = list(sessions.active_sessions(request.user))
    return render(
        request,
        "accounts/sessions.html",
        {
            "user_sessions": user_sessions,
            "current_key": current_key,
            "has_others": any(row.session_key != current_key for row in user_sessions),
        },
    )


@login_required
@require_POST
def end_other_sessions(request):
    ended = sessions.end_other_sessions(request=request, user=request.user)
    if ended:
        messages.success(
            request,
            ngettext("You ended %(count)d other session.", "You ended %(count)d other sessions.", ended)
            % {"count": ended},
        )
    else:
        messages.info(request, _("You had no other sessions to end."))
    return redirect("account-sessions")


@login_required
@require_POST
def end_one_session(request, pk: int):
    # Someone else's session is answered as no session at all.
    user_session = get_object_or_404(UserSession, pk=pk, user=request.user)
    if user_session.session_key == sessions.current_session_key(request):
        raise Http404(_("To end the session you are using, sign out."))
    sessions.end_session(request=request, user_session=user_session)
    messages.success(
        request,
        _("You ended the session in %(browser)s, signed in from %(address)s.")
        % {"browser": user_session.browser, "address": user_session.ip_address or _("an unknown address")},
    )
    return redirect("account-sessions")


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = GovukPasswordChangeForm

    def form_valid(self, form):
        # Django keeps this session signed in (update_session_auth_hash); every other one ends.
        response = super().form_valid(form)
        sessions.follow_cycled_key(request=self.request)
        ended = sessions.end_other_sessions(
            request=self.request, user=form.user, detail="Ended on changing the password"
        )
        record_audit_event(
            kind=AuditKind.PASSWORD_CHANGED,
            request=self.request,
            user=form.user,
            detail=f"Other sessions ended: {ended}",
        )
        return response


RESET_EVERY_SECONDS = 15 * 60


class PasswordResetView(auth_views.PasswordResetView):
    form_class = GovukPasswordResetForm
    subject_template_name = "registration/password_reset_subject.txt"
    email_template_name = "registration/password_reset_email.txt"

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        # One email (and one audit row) per address every RESET_EVERY_SECONDS: asking again and
        # again neither floods someone's inbox nor the log. The answer is the same page.
        if not cache.add(f"password-reset-asked:{email.casefold()}", True, RESET_EVERY_SECONDS):
            return HttpResponseRedirect(self.get_success_url())
        users = list(form.get_users(email))
        # The link in the email goes to the address the site is published at, never to the
        # Host the request came with.
        self.extra_email_context = {
            "site_url": settings.SITE_URL,
            "service_name": settings.SITE_NAME,
            "link_minutes": _minutes(settings.PASSWORD_RESET_TIMEOUT),
        }
        record_audit_event(
            kind=AuditKind.PASSWORD_RESET_REQUESTED,
            request=self.request,
            user=users[0] if len(users) == 1 else None,
            username=email,
            detail="Address known: link sent" if users else "Address unknown: nothing sent",
        )
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"link_minutes": _minutes(settings.PASSWORD_RESET_TIMEOUT)}


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = GovukSetPasswordForm

    def form_valid(self, form):
        response = super().form_valid(form)
        # Whoever knew the old password is signed out everywhere.
        ended = sessions.end_every_session(user=form.user)
        record_audit_event(
            kind=AuditKind.PASSWORD_CHANGED,
            request=self.request,
            user=form.user,
            detail=f"Reset from an emailed link; sessions ended: {ended}",
        )
        return response
