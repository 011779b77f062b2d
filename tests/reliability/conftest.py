"""Fixtures of the reliability tests: their own redis-server, and workers on it."""

import pytest

from .harness import Cluster, RedisServer, redis_server_missing


@pytest.fixture
def redis_server(tmp_path):
    if redis_server_missing():
        pytest.skip("redis-server is not installed (apt-get install redis-server): these tests start their own")
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def cluster(redis_server, tmp_path):
    cluster = Cluster(redis_server, tmp_path)
    yield cluster
    cluster.stop_all()
