import app.services
import requests
from app import services as svc2
from app.services import make_client as mk

from . import services
from .bases import Thing
from .services import both, chained, fetch, get_shared, make_client


def v1(request):
    return make_client()  # want SNAT002


def v2(request):
    return fetch("https://example.com")  # want SNAT005


def v3(request):
    return both()  # want SNAT003


def v4(request):
    return chained()  # want SNAT002


def v5(request):
    return get_shared()  # ok: lazy singleton


def v6(request):
    return services.make_client()  # want SNAT002


def v7(request):
    return mk()  # want SNAT002


def v8(request):
    return svc2.fetch("https://example.com")  # want SNAT005


def v9(request):
    return app.services.make_client()  # want SNAT002


def v10(request):
    return local_helper()  # want SNAT002


def local_helper():
    return requests.Session()  # ok: reported at call sites


def no_double(request):
    return v1(request)  # ok: v1 is itself a view


def batch():
    for _ in range(100):
        make_client()  # want SNAT002


def three_times():
    for _ in range(3):
        make_client()  # ok: a constant trip count of at most 10 is no hot loop


class Endpoint(Thing):
    def get(self, request):
        return requests.Session()  # want SNAT002

    def post(self, request):
        return self.make()  # want SNAT002
