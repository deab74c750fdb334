# Django views named by a URLconf, whatever the first parameter is called.
import httpx
import requests
from django.views import View

SESSION = requests.Session()  # ok


def index(req):
    return requests.get("https://example.com")  # want SNAT005


def detail(r, pk):
    return httpx.Client()  # want SNAT002


def legacy(http_request):
    return requests.Session()  # want SNAT002


def shared(req):
    return SESSION.get("https://example.com")  # ok: shared


def helper(x):
    return requests.get("https://example.com")  # ok: not a view, never called from one


class Plain:
    def get(self, req):
        return httpx.Client()  # want SNAT002


class Report(View):
    def get(self, req):
        return requests.get("https://example.com")  # want SNAT005
