"""API tokens, for other systems, last API_TOKEN_DAYS from when they were issued (a year by
default), so a key copied into a script that outlived its purpose stops working by itself. An
expired token is answered 401 saying when it expired and how to get a new one; the audit log
records the refusal with every other."""

import datetime

from django.conf import settings
from django.utils import timezone
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed


def expires_on(token) -> datetime.date:
    return timezone.localdate(token.created + datetime.timedelta(days=settings.API_TOKEN_DAYS))


class ExpiringTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if timezone.now() >= token.created + datetime.timedelta(days=settings.API_TOKEN_DAYS):
            raise AuthenticationFailed(
                f"This token expired on {expires_on(token):%-d %B %Y}. Ask the partnership's "
                "administrator for a new one (python manage.py drf_create_token -r <username>)."
            )
        return user, token
