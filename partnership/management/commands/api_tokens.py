"""python manage.py api_tokens: every API token (by its owner, never its key), when it was issued
and when it expires or expired (API_TOKEN_DAYS), soonest first, so an administrator can renew
them in time (`drf_create_token -r <username>`) — before a release that brings expiry, too."""

from django.core.management.base import BaseCommand
from django.utils import timezone
from rest_framework.authtoken.models import Token

from partnership.api.tokens import expires_on


class Command(BaseCommand):
    help = __doc__.splitlines()[0]

    def handle(self, *args, **options):
        tokens = sorted(Token.objects.select_related("user"), key=lambda token: token.created)
        if not tokens:
            self.stdout.write("No API tokens.")
            return
        today = timezone.localdate()
        for token in tokens:
            expiry = expires_on(token)
            state = "EXPIRED on" if expiry <= today else "expires"
            self.stdout.write(
                f"{token.user.get_username()}: issued {timezone.localdate(token.created):%-d %B %Y}, "
                f"{state} {expiry:%-d %B %Y}"
            )
