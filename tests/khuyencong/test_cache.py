"""The portal's Redis cache (``khuyencong.cache``): Django's, its Redis
client made once and shared by every call and thread, and after Redis
restarts it answers again as Django's does."""

import threading

import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache

from khuyencong.cache import RedisCache
from khuyencong.pagecache.common import redis_client, redis_url


@pytest.fixture
def portal_cache(redis_server, settings):
    redis_server.client().flushall()
    settings.CACHES = {
        "default": {
            "BACKEND": "khuyencong.cache.RedisCache",
            "LOCATION": redis_server.url(),
            "KEY_PREFIX": "khuyencong",
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
    return caches["default"]


def test_it_stores_and_reads_as_djangos(portal_cache, redis_server):
    assert isinstance(portal_cache, RedisCache)
    django = DjangoRedisCache(redis_server.url(), {"KEY_PREFIX": "khuyencong"})
    portal_cache.set("trang", {"bai": [1, 2]}, 60)
    assert django.get("trang") == {"bai": [1, 2]}
    django.set("so", 5)
    assert portal_cache.get_many(["trang", "so"]) == {"trang": {"bai": [1, 2]}, "so": 5}
    assert portal_cache.add("so", 6) is False and portal_cache.incr("so") == 6
    portal_cache.delete("trang")
    assert django.get("trang") is None
    assert redis_url() == redis_server.url()


def test_one_client_for_every_call_and_thread(portal_cache):
    client = portal_cache._cache.get_client()
    assert portal_cache._cache.get_client(write=True) is client
    assert redis_client() is client
    errors = []

    def work(n):
        try:
            for i in range(50):
                portal_cache.set(f"k{n}-{i}", i)
                assert portal_cache.get(f"k{n}-{i}") == i
        except Exception as exc:  # reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def test_after_redis_restarts_it_answers_again(portal_cache, redis_server):
    portal_cache.set("truoc", 1)
    redis_server.stop()
    with pytest.raises(Exception):  # noqa: B017 (redis-py's connection error)
        portal_cache.get("truoc")
    redis_server.start()
    portal_cache.set("sau", 2)
    assert portal_cache.get("sau") == 2


def test_each_replica_keeps_its_own_client():
    # Django's reads draw a replica at random: the client kept for one must
    # be on that replica's pool, not another's.
    servers = [f"redis://127.0.0.1:6379/{n}" for n in (1, 2, 3, 4)]
    cache = RedisCache(",".join(servers), {})._cache
    for _ in range(200):
        client = cache.get_client()
        url = client.connection_pool.connection_kwargs["db"]
        assert cache._clients[servers.index(f"redis://127.0.0.1:6379/{url}")] is client
