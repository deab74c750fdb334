# Django function and class-based views.
import http.client
import urllib.request
from functools import cached_property

import aiohttp
import httpx
import requests
import urllib3
from azure.identity import DefaultAzureCredential, ManagedIdentityCredential
from azure.keyvault.secrets import SecretClient
from azure.storage.blob import BlobServiceClient
from django.apps import AppConfig
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, JsonResponse
from django.views import View
from django.views.decorators.cache import cache_page
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST, require_safe
from django.views.generic import DetailView, FormView, ListView, TemplateView
from requests.adapters import HTTPAdapter

SESSION = requests.Session()  # ok: module level
POOL = urllib3.PoolManager()  # ok: module level
CRED = DefaultAzureCredential()  # ok: module level
REGIONS = ["westeurope", "eastus"]


def plain_view(request):
    s = requests.Session()  # want SNAT002
    return JsonResponse(s.get("https://example.com").json())


def typed_view(request: HttpRequest):
    return requests.get("https://example.com")  # want SNAT005


async def async_view(request):
    async with aiohttp.ClientSession() as session:  # want SNAT002
        await session.get("https://example.com")


@require_GET
def decorated_get(req):
    c = httpx.Client()  # want SNAT002
    return c


@require_http_methods(["GET", "POST"])
def decorated_methods(r):
    pm = urllib3.PoolManager()  # want SNAT001
    return pm


@require_POST
def decorated_post(r):
    return requests.post("https://example.com", json={})  # want SNAT005


@require_safe
def decorated_safe(r):
    return httpx.get("https://example.com")  # want SNAT005


@csrf_exempt
def csrf(r):
    conn = http.client.HTTPSConnection("example.com")  # want SNAT002
    return conn


@login_required
def login(r):
    return urllib.request.urlopen("https://example.com")  # want SNAT005


@permission_required("app.view")
def perm(r):
    return http.client.HTTPConnection("example.com")  # want SNAT002


@cache_page(60)
def cached_page(r):
    a = HTTPAdapter()  # want SNAT001
    return a


def helper_not_view(x):
    return requests.Session()  # ok: not per request and never called from one


def uses_module_session(request):
    return SESSION.get("https://example.com")  # ok: shared module-level session


def with_is_still_per_request(request):
    with requests.Session() as s:  # want SNAT002
        return s.get("https://example.com")


class VMView(View):
    def get(self, request):
        cred = DefaultAzureCredential()  # want SNAT004
        return cred

    def post(self, request):
        return SESSION.post("https://example.com")  # ok: shared


class Home(TemplateView):
    template_name = "home.html"
    client = requests.Session()  # ok: class-body attribute, evaluated once

    def get_context_data(self, **kwargs):
        client = SecretClient(vault_url="https://v.vault.azure.net", credential=CRED)  # want SNAT003
        return {"s": client}


class Blobs(ListView):
    def get_queryset(self):
        svc = BlobServiceClient.from_connection_string("conn")  # want SNAT003
        return svc.list_containers()


class Detail(DetailView):
    _client = None

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.session = requests.Session()  # want SNAT002

    def get_object(self):
        if self._client is None:
            self._client = httpx.Client()  # want SNAT002
        return self._client

    @cached_property
    def api(self):
        return httpx.Client()  # want SNAT002

    def helper(self):
        return httpx.Client()  # ok: reported where it is called

    def get(self, request, *args, **kwargs):
        self.helper()  # want SNAT002
        self.get_object()  # ok: get_object is itself per request, reported there
        return None


class Form(FormView):
    def form_valid(self, form):
        ManagedIdentityCredential()  # want SNAT004


class NotAView:
    @cached_property
    def client(self):
        return httpx.Client()  # ok: per-instance cache on a non-view

    def get(self, request):
        return self.client  # ok


class MyConfig(AppConfig):
    name = "app"

    def ready(self):
        global READY_CLIENT
        READY_CLIENT = httpx.Client()  # ok: AppConfig.ready runs once
        self.clients = {r: BlobServiceClient(r) for r in REGIONS}  # ok: retained comprehension
        self.session = requests.Session()  # ok


class RegionsConfig(AppConfig):
    name = "regions"

    def ready(self):
        clients = {r: SecretClient(r, CRED) for r in REGIONS}  # ok: built once at start-up
        for r in REGIONS:
            BlobServiceClient(r).get_account_information()  # ok: ready() runs once
        self.clients = clients
