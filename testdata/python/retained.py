# Retained values and lazy singletons are caches, not per-request pools.
import functools
from functools import lru_cache

import httpx
import requests
from django.utils.functional import SimpleLazyObject

_client = None
_c2 = None
LAZY = SimpleLazyObject(lambda: requests.Session())  # ok: SimpleLazyObject at module level


def get_client():
    global _client
    if _client is None:
        _client = requests.Session()  # ok: lazy singleton
    return _client


def view_using_singleton(request):
    return get_client().get("https://example.com")  # ok


def temp_then_global(request):
    global _c2
    tmp = httpx.Client()  # ok: stored in a module-level variable through a temporary
    _c2 = tmp
    return _c2


def temp_under_guard(request):
    global _c2
    if _c2 is None:
        c = httpx.Client()  # ok: built into a temporary and assigned under a None guard
        _c2 = c
    return _c2


@functools.lru_cache(maxsize=None)
def cached_factory():
    return requests.Session()  # ok: lru_cache factory


@functools.cache
def cached_factory2():
    return httpx.Client()  # ok: functools.cache factory


@lru_cache()
def cached_factory3():
    return httpx.Client()  # ok


def view_using_cached(request):
    cached_factory()  # ok
    cached_factory2()  # ok
    return cached_factory3()  # ok


class Service:
    def __init__(self):
        self.session = requests.Session()  # ok: a field of a long-lived object

    def lazy(self):
        if self._s is None:
            self._s = httpx.Client()  # ok: lazy field
        return self._s


SERVICE = Service()  # ok: module level


def view_with_service(request):
    SERVICE.lazy()  # ok: calls on other objects are not followed
    return Service()  # want SNAT002


_CLIENTS = {}


def setdefault_view(request):
    return _CLIENTS.setdefault("k", httpx.Client())  # want SNAT002


def guarded_dict_view(request):
    if "k" not in _CLIENTS:
        _CLIENTS["k"] = httpx.Client()  # ok: cached in a module-level dict
    return _CLIENTS["k"]
