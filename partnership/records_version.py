"""The records' version: a token in the shared cache that changes whenever any governance record
is written, however it is written (a model's save or delete, a queryset's update, a bulk
create, raw SQL). Pages kept ready-made for a reader (partnership/page_cache.py) are stored with
the version they were drawn from and never served once it has changed.

Every statement that writes a table of the watched apps is noticed on its way to the database
(a database execute wrapper, installed on every connection as it opens), so no service can
forget to announce a change. Tables of bookkeeping models (the audit log, the email outbox,
sessions, built documents, the search index, residents' subscriptions: written by background
work and by readers, shown on no page kept here) are left out, as is a sign-in stamping
`last_login`, or every sign-in would discard every kept page.

The version is renewed at once, so the same transaction reads its own changes afresh, and again
when the transaction commits: a page another process drew from the data as it was before the
commit, between the two, is stored with the first new version and never served after the
second. Inside a transaction, a write renews it at once only if this thread has read the
version since it last renewed it (a form's save writes a dozen rows: one renewal, and one at
the commit); a write outside any transaction is committed as it runs, and renews it each time.
One version for the whole installation keeps this simple and safe; a write anywhere costs
every kept page one fresh render."""

import logging
import re
import threading
import uuid
from functools import cache as remember

from django.apps import apps
from django.core.cache import cache
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate

logger = logging.getLogger(__name__)

KEY = "records-version"
WATCHED_APPS = ("auth", "partnership", "actionplans", "meetings", "governance")
# Also SQLite's `INSERT OR IGNORE INTO` (many-to-many adds, ignore_conflicts) and `REPLACE INTO`.
WRITE = re.compile(
    r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE
)
# update_last_login's statement: a sign-in changes no record anyone reads.
SIGN_IN_STAMP = re.compile(r'^\s*UPDATE\s+"?partnership_user"?\s+SET\s+"?last_login"?\s*=\s*\S+\s+WHERE', re.IGNORECASE)


def is_bookkeeping(model) -> bool:
    """Models that say so (`bookkeeping = True`), and their history."""
    instance_type = getattr(model, "instance_type", None)  # simple-history's historical model
    return bool(getattr(model, "bookkeeping", False) or getattr(instance_type, "bookkeeping", False))


@remember
def watched_tables() -> frozenset[str]:
    tables = set()
    for label in WATCHED_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if not is_bookkeeping(model):
                tables.add(model._meta.db_table)
    return frozenset(tables)


def writes_records(sql: str) -> bool:
    found = WRITE.match(sql)
    return bool(found and found.group(1) in watched_tables() and not SIGN_IN_STAMP.match(sql))


# Whether this thread renewed the version and has not read it since.
_this_thread = threading.local()


def renew() -> None:
    _this_thread.renewed_unread = True
    try:
        cache.set(KEY, uuid.uuid4().hex, None)
    except Exception:  # each cache backend raises its own connection errors
        # Pages stored with the old version may then be served until they expire (minutes).
        logger.exception("The records' version could not be renewed in the cache")


def read(version: str | None) -> str | None:
    """Says that this thread has read the version (from `current` or with a page it looked up),
    so its next write renews it at once."""
    _this_thread.renewed_unread = False
    return version


def token_under(key: str) -> str:
    """The token the cache holds under `key`; a new one when none is stored (never set, evicted,
    or the cache restarted), so no page stored before can match it. Two processes asking at once
    agree on one."""
    token = cache.get(key)
    if token is None:
        token = uuid.uuid4().hex
        cache.add(key, token, None)
        token = cache.get(key, token)
    return token


def current() -> str:
    """The records' version now."""
    return read(token_under(KEY))


def _renew_on_commit(connection) -> None:
    """Once per transaction, first of the callbacks that wait for its commit and robust (an
    error is logged, not raised): a callback registered earlier that fails (a file's deletion
    from storage, say) stops those after it, and must not stop this one. Django keeps the
    callbacks as (savepoints, function, robust), and drops those of a savepoint rolled back,
    as it would one it had added itself."""
    if not any(callback[1] is renew for callback in connection.run_on_commit):
        connection.run_on_commit.insert(0, (set(connection.savepoint_ids), renew, True))


def _noticing_writes(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if isinstance(sql, str) and writes_records(sql):
        connection = context["connection"]
        if not connection.in_atomic_block:
            renew()
        else:
            if not getattr(_this_thread, "renewed_unread", False):
                renew()
            _renew_on_commit(connection)
    return result


def _watch(sender, connection, **kwargs) -> None:
    if _noticing_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(_noticing_writes)


def _renew_after_migrating(sender, **kwargs) -> None:
    """A release runs `migrate` once (docs/deploying.md): pages kept by the code it replaces,
    whose templates and rules may have changed, are not served by the new code."""
    renew()


def connect() -> None:
    connection_created.connect(_watch, dispatch_uid="partnership.records_version")
    post_migrate.connect(_renew_after_migrating, sender=apps.get_app_config("partnership"))
