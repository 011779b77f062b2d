"""What signing in and out leaves behind: the session's row and the audit log's entries.

Connected in PartnershipConfig.ready(). Django sends these signals from its login() and
logout() and from authenticate(); django-axes sends user_locked_out when it locks a sign-in out."""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.utils import timezone

from ..audit import record_audit_event
from ..models_audit import AuditKind
from . import sessions

# Set on the request by whatever signs a person out for them (the session limits), to say why.
SIGNED_OUT_BECAUSE = "signed_out_because"


# Django's own receiver saves `last_login` through the model, which gave the account a history
# row for every sign-in, changing nothing a reader sees (the audit log keeps the sign-ins);
# and a history row is a record written, which discards every kept page (records_version).
user_logged_in.disconnect(dispatch_uid="update_last_login")


@receiver(user_logged_in, dispatch_uid="partnership.accounts.last_login")
def stamp_last_login(sender, user, **kwargs):
    user.last_login = timezone.now()
    type(user).objects.filter(pk=user.pk).update(last_login=user.last_login)


@receiver(user_logged_in, dispatch_uid="partnership.accounts.signed_in")
def signed_in(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    sessions.start_session(request=request, user=user)
    record_audit_event(kind=AuditKind.LOGIN, request=request, user=user)


@receiver(user_logged_out, dispatch_uid="partnership.accounts.signed_out")
def signed_out(sender, request, user, **kwargs):
    if user is None or request is None:
        return
    sessions.forget_session(request=request)
    record_audit_event(
        kind=AuditKind.LOGOUT, request=request, user=user, detail=getattr(request, SIGNED_OUT_BECAUSE, "")
    )


@receiver(user_login_failed, dispatch_uid="partnership.accounts.sign_in_failed")
def sign_in_failed(sender, credentials, request=None, **kwargs):
    # Django has already replaced the password in `credentials` with stars; only the username is kept.
    record_audit_event(kind=AuditKind.LOGIN_FAILED, request=request, username=str(credentials.get("username") or ""))


@receiver(user_locked_out, dispatch_uid="partnership.accounts.locked_out")
def locked_out(sender, request, username, ip_address, **kwargs):
    record_audit_event(kind=AuditKind.LOCKED_OUT, request=request, username=str(username or ""))
