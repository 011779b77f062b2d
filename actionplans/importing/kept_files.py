"""The uploaded plans waiting for their preview to be confirmed, kept between the upload and
"Import these N actions" in files under MEDIA_ROOT/imports/ named by a random token. A token is
only honoured for the session that uploaded it and the plan it was uploaded to. A file goes when
its import is confirmed or discarded; one left for a day is an abandoned preview, and goes too
(on the next upload, by `manage.py discard_import_previews`, or by the Celery task)."""

import datetime
import re
import secrets
from pathlib import Path

from django.conf import settings
from django.http import Http404
from django.utils import timezone

SESSION_KEY = "actionplans_imports"  # token -> the plan's pk, for this session only
TOKEN = re.compile(r"^[A-Za-z0-9_-]{32}$")
ABANDONED_AFTER = datetime.timedelta(hours=24)


def folder() -> Path:
    return Path(settings.MEDIA_ROOT) / "imports"


def keep(request, plan, data: bytes) -> str:
    """Keep the bytes for this session and plan; answers the token that fetches them again."""
    token = secrets.token_urlsafe(24)  # 32 characters
    folder().mkdir(parents=True, exist_ok=True)
    (folder() / token).write_bytes(data)
    request.session[SESSION_KEY] = {**request.session.get(SESSION_KEY, {}), token: plan.pk}
    return token


def kept(request, plan, token: str) -> bytes:
    """The bytes this session uploaded to this plan under `token`; 404 for any other."""
    if not TOKEN.match(token) or request.session.get(SESSION_KEY, {}).get(token) != plan.pk:
        raise Http404("No such import")
    try:
        return (folder() / token).read_bytes()
    except FileNotFoundError as missing:
        raise Http404("No such import") from missing


def forget(request, token: str) -> None:
    """Delete the kept file and the session's note of it."""
    (folder() / token).unlink(missing_ok=True)
    kept_tokens = dict(request.session.get(SESSION_KEY, {}))
    kept_tokens.pop(token, None)
    request.session[SESSION_KEY] = kept_tokens


def discard_abandoned(*, now: datetime.datetime | None = None, older_than: datetime.timedelta = ABANDONED_AFTER) -> int:
    """Delete the kept files last written more than `older_than` before `now`, whoever uploaded
    them; answers how many went. Files not named like a token are not this module's, and stay."""
    cutoff = ((now or timezone.now()) - older_than).timestamp()
    if not folder().is_dir():
        return 0
    discarded = 0
    for path in folder().iterdir():
        if not (TOKEN.match(path.name) and path.is_file()):
            continue
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
                discarded += 1
        except FileNotFoundError:
            continue  # confirmed or discarded at the same moment
    return discarded
