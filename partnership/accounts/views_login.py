"""The sign-in page, the first of two steps for whoever has set up two-factor authentication.

A right password alone does not sign such a person in: the session only remembers, for a few
minutes, who is half-way through (no user is attached to it, so nothing else counts them as
signed in), and the code page finishes the sign-in. django-axes therefore sees one sign-in,
after the code, and a wrong code counts towards the same lockout as a wrong password."""

from django.contrib.auth import get_user_model
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.generic import RedirectView

from .two_factor import confirmed_device

PENDING = "two_factor_pending"
PENDING_SECONDS = 10 * 60


def with_next(url: str, next_url: str | None) -> str:
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


class SignInView(LoginView):
    def form_valid(self, form):
        user = form.get_user()
        if confirmed_device(user) is None:
            return super().form_valid(form)
        request = self.request
        if request.user.is_authenticated:
            request.session.flush()  # someone else's session on this browser ends here
        else:
            request.session.cycle_key()
        request.session[PENDING] = {"user": user.pk, "backend": user.backend, "at": timezone.now().timestamp()}
        return redirect(with_next(reverse("two-factor-verify"), self.get_redirect_url()))


def pending_user(request):
    """Who is half-way through signing in on this session, if anyone, for a few minutes."""
    pending = request.session.get(PENDING)
    if not pending:
        return None
    if timezone.now().timestamp() - pending["at"] > PENDING_SECONDS:
        del request.session[PENDING]
        return None
    user = get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    if user is not None:
        user.backend = pending["backend"]
    return user


def end_pending_sign_in(request) -> None:
    request.session.pop(PENDING, None)


# The admin signs in through the same door, two-factor step included: its own login page
# sends to ours, keeping ?next=.
admin_sign_in = RedirectView.as_view(pattern_name="login", query_string=True)
