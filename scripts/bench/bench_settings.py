"""Production settings as deployed, for the benchmark: DEBUG off, the same middleware, the
manifest storage of static files; but served over plain HTTP on 127.0.0.1, without the second
factor (the benchmark signs in through the form), and with one URL production lacks,
`bench/minimal/`, the yardstick every figure is divided by.

The database is BENCH_DATABASE_URL (default: the `bench` database on the local PostgreSQL),
never DATABASE_URL, so a shell that points DATABASE_URL at real data cannot feed it to the
benchmark, which empties its database before building the volume."""

import os
import socket

BENCH_DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench")

os.environ["DATABASE_URL"] = BENCH_DATABASE_URL
os.environ.setdefault("SECRET_KEY", "bench-only-key-" + "b" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "off")
os.environ.setdefault("TWO_FACTOR_REQUIRED", "off")


def _redis_answers(host="127.0.0.1", port=6379) -> bool:
    try:
        socket.create_connection((host, port), timeout=0.5).close()
    except OSError:
        return False
    return True


# Production's cache is Redis, shared by the web processes; used here when it answers on
# loopback (a database number and key prefix of the benchmark's own), else the file cache.
if "REDIS_CACHE_URL" not in os.environ and _redis_answers():
    os.environ["REDIS_CACHE_URL"] = "redis://127.0.0.1:6379/12"
    os.environ.setdefault("CACHE_KEY_PREFIX", "bench")
# The access log of every request would measure the logger; warnings and errors still show.
os.environ.setdefault("LOG_LEVEL", "WARNING")

from partnership.settings_production import *  # noqa: E402, F403
from partnership.settings_production import VAR_DIR  # noqa: E402

ROOT_URLCONF = "scripts.bench.urls"
# collectstatic writes the manifest here, out of the way of a deployment's staticfiles/.
STATIC_ROOT = VAR_DIR / "bench-static"
