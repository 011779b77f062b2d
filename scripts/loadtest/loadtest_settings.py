"""The production settings, unchanged but for two folders settings.py keeps inside the checkout.

Collected static files (STATIC_ROOT) and the file cache (var/cache) are shared by every process
of this checkout; a load test run writes its own into its temporary folder, so it never serves
another database's cached page nor overwrites the static files of a server someone else runs."""

from partnership.settings import env
from partnership.settings_production import *  # noqa: F403
from partnership.settings_production import CACHES

STATIC_ROOT = env.path("LOADTEST_STATIC_ROOT")
if CACHES["default"]["BACKEND"].endswith("FileBasedCache"):
    CACHES["default"]["LOCATION"] = env.str("LOADTEST_CACHE_DIR")
