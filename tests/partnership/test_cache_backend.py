"""The Redis cache every web process shares (CI's second run, REDIS_URL set): it works as
Django's own, and keeps one client instead of building one for every call."""

import os

import pytest

from partnership.cache_backend import ReusingRedisCache

REDIS_URL = os.environ.get("REDIS_URL", "")
pytestmark = pytest.mark.skipif(not REDIS_URL, reason="REDIS_URL is not set: no Redis to talk to")


@pytest.fixture
def redis_cache():
    cache = ReusingRedisCache(REDIS_URL, {"KEY_PREFIX": f"test-cache-backend-{os.getpid()}"})
    yield cache
    cache.clear()


def test_it_stores_reads_and_forgets_as_django_s_own(redis_cache):
    redis_cache.set("page", {"content": b"<html>"}, 60)
    redis_cache.set("version", "v1", None)
    assert redis_cache.get_many(["version", "page", "missing"]) == {"version": "v1", "page": {"content": b"<html>"}}
    assert redis_cache.add("version", "v2") is False
    redis_cache.delete("page")
    assert redis_cache.get("page") is None


def test_one_client_serves_every_call(redis_cache):
    client = redis_cache._cache.get_client()
    redis_cache.get("anything")
    assert redis_cache._cache.get_client() is client
    assert redis_cache._cache.get_client(write=True) is client  # one server: one pool for both
