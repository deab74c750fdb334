# SNAT008 keepalive-disabled: a connector, client or session configured
# never to keep a connection alive is a finding anywhere; a close asked for
# on one request only in a per-request context.
import os

import aiohttp
import httpx
import requests
from aiohttp import TCPConnector
from aiohttp import web
from django.http import JsonResponse
from rest_framework.views import APIView

URL = "https://inventory.example.com/items"

# Anywhere: module level.
CONNECTOR = aiohttp.TCPConnector(force_close=True)  # want SNAT008
CONNECTOR2 = TCPConnector(limit=10, force_close=True)  # want SNAT008
LIMITS = httpx.Limits(max_keepalive_connections=0)  # want SNAT008
CLIENT = httpx.Client(headers={"Connection": "close"})  # want SNAT008
ACLIENT = httpx.AsyncClient(
    timeout=5,
    headers={"connection": "Close"},  # want SNAT008
)
SESSION = requests.Session()
SESSION.headers["Connection"] = "close"  # want SNAT008
OTHER = requests.Session()
OTHER.headers.update({"Connection": "close"})  # want SNAT008
THIRD = requests.session()
THIRD.headers.update(Connection="keep-alive, close")  # want SNAT008
AIO = aiohttp.ClientSession(headers=dict(Connection="close"))  # want SNAT008
HCLIENT = httpx.Client()
HCLIENT.headers = {"Connection": "close"}  # want SNAT008
PARTNER = aiohttp.TCPConnector(force_close=True)  # snatlint: ignore[SNAT008] the partner gateway drops reused connections

# Silent twins: keep-alive on, other headers or values, values that are
# not literals.
MODE = os.environ.get("CONNECTION_MODE", "close")
HEADERS = {"Connection": "close"}
KEEP = aiohttp.TCPConnector(force_close=False)  # ok
LIMITS_OK = httpx.Limits(max_keepalive_connections=20, max_connections=100)  # ok
CLIENT_OK = httpx.Client(headers={"Connection": "keep-alive", "Accept": "close"})  # ok
CLIENT_VAR = httpx.Client(headers=HEADERS)  # ok
SHARED = requests.Session()
SHARED.headers["Accept"] = "close"  # ok
SHARED.headers["Connection"] = MODE  # ok
SHARED.headers.update({"User-Agent": "shop/1.0"})  # ok
CONNECTOR_VAR = aiohttp.TCPConnector(force_close=bool(MODE))  # ok
FSTRING = httpx.Client(headers={"Connection": f"{MODE}"})  # ok


# Look-alikes of the project: a Session of its own.
class Session:
    def __init__(self):
        self.headers = {}

    def get(self, url, headers=None):
        return url


def lookalike(request):
    s = Session()
    s.headers["Connection"] = "close"  # ok
    s.get(URL, headers={"Connection": "close"})  # ok
    return JsonResponse({})


# Per request: one request asks for its connection to be closed.
def invoice(request, invoice_id):
    r = SHARED.get(
        f"https://billing.example.com/invoices/{invoice_id}",
        headers={"Connection": "close"},  # want SNAT008
        timeout=5,
    )
    SHARED.post(URL, headers={"Connection": "close"})  # want SNAT008
    s = requests.Session()  # want SNAT002
    s.headers["Connection"] = "close"  # want SNAT008
    with httpx.Client() as c:  # want SNAT002
        c.get(URL, headers={"Connection": "close"})  # want SNAT008
    req = requests.Request("GET", URL, headers={"Connection": "close"})  # want SNAT008
    SHARED.send(req.prepare())
    return JsonResponse(r.json())


# The same line: one finding, the more severe.
def overlap(request):
    requests.get(URL, headers={"Connection": "close"})  # want SNAT005
    requests.get(  # want SNAT005
        URL,
        headers={"Connection": "close"},  # want SNAT008
    )
    c = httpx.Client(headers={"Connection": "close"})  # want SNAT002
    conn = aiohttp.TCPConnector(force_close=True)  # want SNAT001
    return JsonResponse({"c": str(c), "conn": str(conn)})


# Silent per request: other headers, a variable, the response's headers.
def fine(request):
    SHARED.get(URL, headers={"Accept": "application/json"})  # ok
    SHARED.get(URL, headers=HEADERS)  # ok
    SHARED.get(URL, headers={"Connection": MODE})  # ok
    resp = JsonResponse({})
    resp["Connection"] = "close"  # ok
    resp.headers["Connection"] = "close"  # ok
    return resp


# Not per request: a function run once at start-up.
def warm_up():
    SHARED.get(URL, headers={"Connection": "close"})  # ok
    httpx.get(URL, headers={"Connection": "close"})  # ok


# A loop is per iteration.
def crawl(urls):
    for u in urls:
        SHARED.get(u, headers={"Connection": "close"})  # want SNAT008
    return [SHARED.get(u, headers={"Connection": "close"}) for u in urls]  # want SNAT008


for u in [URL, URL + "/1", URL + "/2", URL + "/3", URL + "/4", URL + "/5", URL + "/6", URL + "/7", URL + "/8", URL + "/9", URL + "/10"]:
    SHARED.get(u, headers={"Connection": "close"})  # want SNAT008


# aiohttp: a session bound by async with, and the app's session.
routes = web.RouteTableDef()


@routes.get("/items")
async def items(request):
    async with aiohttp.ClientSession() as session:  # want SNAT002
        async with session.get(URL, headers={"Connection": "close"}) as resp:  # want SNAT008
            data = await resp.json()
    async with AIO_OK.get(URL, headers={"connection": "close"}) as resp:  # want SNAT008
        data = await resp.json()
    return web.json_response(data)


AIO_OK = aiohttp.ClientSession()


# A parameter annotated with the client's class.
async def fetch(request, client: httpx.AsyncClient):
    return await client.get(URL, headers={"Connection": "close"})  # want SNAT008


# self attributes: configured in __init__ (anywhere), used per request.
class Billing(APIView):
    def __init__(self):
        super().__init__()
        self.session = SHARED
        self.http = requests.Session()  # want SNAT002
        self.http.headers["Connection"] = "close"  # want SNAT008

    def get(self, request):
        return self.http.get(URL, headers={"Connection": "close"})  # want SNAT008
