"""The uploaded plans waiting for their preview to be confirmed, kept between the upload and
"Import these N actions" in the file storage (STORAGES["default"]: MEDIA_ROOT on one host, S3
on several, so the host that shows the preview need not be the one that took the upload),
under imports/ named by a random token. A token is only honoured for the session that uploaded
it and the plan it was uploaded to. A file goes when its import is confirmed or discarded; one
left for a day is an abandoned preview, and goes too (on the next upload, by
`manage.py discard_import_previews`, or by the Celery task)."""

import datetime
import logging
import re
import secrets

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404
from django.utils import timezone

logger = logging.getLogger(__name__)

SESSION_KEY = "actionplans_imports"  # token -> the plan's pk, for this session only
TOKEN = re.compile(r"^[A-Za-z0-9_-]{32}$")
ABANDONED_AFTER = datetime.timedelta(hours=24)
FOLDER = "imports"


def stored_name(token: str) -> str:
    return f"{FOLDER}/{token}"


def keep(request, plan, data: bytes) -> str:
    """Keep the bytes for this session and plan; answers the token that fetches them again."""
    token = secrets.token_urlsafe(24)  # 32 characters
    default_storage.save(stored_name(token), ContentFile(data))
    request.session[SESSION_KEY] = {**request.session.get(SESSION_KEY, {}), token: plan.pk}
    return token


def kept(request, plan, token: str) -> bytes:
    """The bytes this session uploaded to this plan under `token`; 404 for any other."""
    if not TOKEN.match(token) or request.session.get(SESSION_KEY, {}).get(token) != plan.pk:
        raise Http404("No such import")
    try:
        with default_storage.open(stored_name(token), "rb") as stored:
            return stored.read()
    except FileNotFoundError as missing:
        raise Http404("No such import") from missing


def forget(request, token: str) -> None:
    """Delete the kept file and the session's note of it."""
    if TOKEN.match(token):
        default_storage.delete(stored_name(token))
    kept_tokens = dict(request.session.get(SESSION_KEY, {}))
    kept_tokens.pop(token, None)
    request.session[SESSION_KEY] = kept_tokens


def discard_abandoned(*, now: datetime.datetime | None = None, older_than: datetime.timedelta = ABANDONED_AFTER) -> int:
    """Delete the kept files last written more than `older_than` before `now`, whoever uploaded
    them; answers how many went. Files not named like a token are not this module's, and stay."""
    cutoff = (now or timezone.now()) - older_than
    try:
        _folders, names = default_storage.listdir(FOLDER)
    except FileNotFoundError:  # nothing uploaded yet
        return 0
    discarded = 0
    for name in names:
        if not TOKEN.match(name):
            continue
        try:
            if default_storage.get_modified_time(stored_name(name)) < cutoff:
                default_storage.delete(stored_name(name))
                discarded += 1
        except Exception:  # gone meanwhile (confirmed, or discarded by another host); S3 says so its own way
            logger.info(
                "Import preview %s could not be discarded now; the next clean-up tries again", name, exc_info=True
            )
    return discarded
