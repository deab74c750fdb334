# Django middleware: __init__ and factories run once; the rest per request.
import aiohttp
import httpx
import requests
from django.utils.deprecation import MiddlewareMixin


class AuditMiddleware(MiddlewareMixin):
    def __init__(self, get_response=None):
        super().__init__(get_response)
        self.session = requests.Session()  # ok: middleware __init__ runs once

    def process_request(self, request):
        requests.post("https://audit.example.com")  # want SNAT005

    def process_exception(self, request, exception):
        httpx.Client()  # want SNAT002


class TimingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.client = httpx.Client()  # ok: once

    def __call__(self, request):
        c = httpx.Client()  # want SNAT002
        return self.get_response(request)


class ViewLookingMixin(MiddlewareMixin):
    def __init__(self, get_response=None):
        self.s = requests.Session()  # ok: middleware wins over the Mixin view heuristic

    def process_view(self, request, view_func, view_args, view_kwargs):
        aiohttp.TCPConnector()  # want SNAT001

    def process_response(self, request, response):
        return response


def simple_middleware(get_response):
    client = requests.Session()  # ok: the factory runs once

    def middleware(request):
        requests.get("https://example.com")  # want SNAT005
        client.get("https://example.com")  # ok: shared
        return get_response(request)

    return middleware
