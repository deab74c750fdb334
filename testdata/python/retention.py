# Retention follows the pool, guards are tests on the retained target
# itself, early-return cache guards, and pools shared only when retained
# (design.md, "Decisions on edge cases" and round 2).
import functools

import aiohttp
import httpx
import requests
import urllib3
from django.core.cache import cache
from minio import Minio
from requests.adapters import HTTPAdapter

_minio = None
_session = None
_keys = {}
_LENS = {}
_SESSIONS = {}
_RESULTS = {}
_cfg = None
_transport = httpx.HTTPTransport(retries=2)


# --- retention follows the pool


def get_minio():
    global _minio
    if _minio is None:
        _minio = Minio("s3.example.com", http_client=urllib3.PoolManager())  # ok: retained with the client
    return _minio


def minio_per_call():
    return Minio("s3.example.com", http_client=urllib3.PoolManager())  # ok: reported at the call sites


def view_minio(request):
    get_minio().list_buckets()  # ok
    return minio_per_call().list_buckets()  # want SNAT001


def minio_positional(host):
    global _minio
    pool = urllib3.PoolManager()  # ok: the client built around it is retained
    _minio = Minio(host, pool)


def fetch_len(u):
    return len(requests.get(u).content)  # ok: reported at the call sites


def fill_lens(urls):
    for u in urls:
        _LENS[u] = fetch_len(u)  # want SNAT005


def make_session():
    return requests.Session()  # ok: reported at the call sites


def fill_sessions(urls):
    for u in urls:
        _SESSIONS[u] = make_session()  # ok: the stored value is the session


def fill_results(urls):
    for u in urls:
        _RESULTS[u] = requests.get(u)  # want SNAT005


def shared_session():
    global _session
    if _session is None:
        s = requests.Session()  # ok: lazy singleton through a temporary
        s.mount("https://", HTTPAdapter(pool_maxsize=20))  # ok: the session holds the adapter
        _session = s
    return _session


def mount_in_loop(hosts):
    s = requests.Session()
    for h in hosts:
        s.mount(h, HTTPAdapter())  # ok: the session made before the loop holds the adapters
    return s


def appended(hosts):
    clients = []
    for h in hosts:
        c = httpx.Client(base_url=h)  # ok: kept in the list made before the loop
        clients.append(c)
    return clients


def held_by_local(hosts):
    for h in hosts:
        c = httpx.Client(base_url=h)  # want SNAT002
        wrapper = Minio(h, http_client=c)
        wrapper.list_buckets()


# --- lazy-init guards: a test on the target itself


def wrong_guard(regions):
    for r in regions:
        if r is not None:
            s = requests.Session()  # want SNAT002
            s.get(r)


def right_guard(regions):
    s = None
    for r in regions:
        if s is None:
            s = requests.Session()  # ok: built once, under a guard on s
        s.get(r)


def not_guard(regions):
    s = None
    for r in regions:
        if not s:
            s = requests.Session()  # ok: `not s` tests s itself
        s.get(r)


def guard_declared_inside(regions):
    for r in regions:
        s = None
        if s is None:
            s = requests.Session()  # want SNAT002
        s.get(r)


def view_other_guard(request):
    if _cfg is None:
        client = httpx.Client()  # want SNAT002
        return client.get("https://example.com")


def view_config_once(request):
    global _cfg
    if _cfg is None:
        _cfg = requests.get("https://config.example.com").json()  # ok: loaded once, under a guard on _cfg
    return _cfg


def view_hasattr(request):
    if not hasattr(view_hasattr, "client"):
        view_hasattr.client = httpx.Client()  # ok: stored on the function under a hasattr guard
    return view_hasattr.client.get("https://example.com")


# --- early-return cache guards


def public_key(kid):
    if kid in _keys:
        return _keys[kid]
    body = requests.get("https://login.example.com/keys").json()  # ok: a keyed cache
    _keys[kid] = body[kid]
    return _keys[kid]


def view_keys(request):
    return public_key(request.GET["kid"])  # ok


def rates(request):
    v = cache.get("rates")
    if v:
        return v
    v = requests.get("https://rates.example.com").json()  # ok: cached for an hour
    cache.set("rates", v, 3600)
    return v


def rates_not_stored(request):
    v = cache.get("rates")
    if v:
        return v
    return requests.get("https://rates.example.com").json()  # want SNAT005


def guard_on_other_name(request):
    token = request.headers.get("token")
    if token:
        return token
    r = requests.get("https://auth.example.com")  # want SNAT005
    _keys["last"] = r.status_code
    return r.text


class Provider:
    def __init__(self):
        self._client = None

    def client(self):
        if self._client is not None:
            return self._client
        client = httpx.Client(transport=httpx.HTTPTransport(retries=2))  # ok: cached on a long-lived object
        self._client = client
        return client


# --- a pool is shared only when it is retained


def view_local_transport(request):
    transport = httpx.HTTPTransport(retries=2)
    with httpx.Client(transport=transport) as c:  # want SNAT002
        return c.get("https://example.com").json()


def view_inline_transport(request):
    with httpx.Client(transport=httpx.HTTPTransport(retries=2)) as c:  # want SNAT002
        return c.get("https://example.com").json()


def view_shared_transport(request):
    with httpx.Client(transport=_transport) as c:  # ok: a module-level transport is shared
        return c.get("https://example.com").json()


def view_app_session(request):
    with httpx.Client(transport=request.app.state.transport) as c:  # ok: app state
        return c.get("https://example.com").json()


def loop_outer_transport(hosts):
    transport = httpx.HTTPTransport(retries=2)
    for h in hosts:
        c = httpx.Client(base_url=h, transport=transport)  # ok: shares the transport made before the loop
        c.get("/")


def loop_inner_transport(hosts):
    for h in hosts:
        transport = httpx.HTTPTransport(retries=2)
        c = httpx.Client(base_url=h, transport=transport)  # want SNAT002
        c.get("/")


def view_retained_local(request):
    global _transport
    t = httpx.HTTPTransport(retries=2)
    _transport = t
    with httpx.Client(transport=t) as c:  # ok: the transport is kept at module level
        return c.get("https://example.com").json()


@functools.lru_cache(maxsize=None)
def cached_connector():
    return aiohttp.TCPConnector(limit=100)  # ok: a cached factory


def make_connector():
    return aiohttp.TCPConnector(limit=100)  # ok: reported at the call sites


async def view_cached_connector(request):
    connector = cached_connector()
    async with aiohttp.ClientSession(connector=connector) as s:  # ok: the connector comes from a cached getter
        return await s.get("https://example.com")


async def view_factory_connector(request):
    connector = make_connector()  # want SNAT001
    async with aiohttp.ClientSession(connector=connector) as s:  # want SNAT002
        return await s.get("https://example.com")
