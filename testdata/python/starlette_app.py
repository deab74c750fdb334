# Starlette: Route/WebSocketRoute endpoints, HTTPEndpoint and
# WebSocketEndpoint methods, middleware; the lifespan and on_startup run once.
import contextlib

import httpx
import requests
from starlette.applications import Starlette
from starlette.endpoints import HTTPEndpoint, WebSocketEndpoint
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.responses import JSONResponse
from starlette.routing import Route, WebSocketRoute

REGIONS = ["westeurope", "eastus"]


def fetch(url):
    return requests.get(url)  # ok: reported at the per-request call sites


async def homepage(request):
    async with httpx.AsyncClient() as c:  # want SNAT002
        return JSONResponse((await c.get("https://example.com")).json())


async def by_keyword(req):
    return JSONResponse(fetch("https://example.com").json())  # want SNAT005


async def ws(websocket):
    await websocket.accept()
    httpx.AsyncClient()  # want SNAT002


async def shared(request):
    return await request.app.state.http.get("https://example.com")  # ok: the app's client


async def from_state(request):
    return await request.state.http.get("https://example.com")  # ok: lifespan state


class Users(HTTPEndpoint):
    async def get(self, request):
        return requests.get("https://example.com")  # want SNAT005


class Echo(WebSocketEndpoint):
    async def on_receive(self, websocket, data):
        httpx.AsyncClient()  # want SNAT002


class Timing(BaseHTTPMiddleware):
    def __init__(self, app):
        super().__init__(app)
        self.client = httpx.AsyncClient()  # ok: middleware __init__ runs once

    async def dispatch(self, request, call_next):
        requests.post("https://audit.example.com")  # want SNAT005
        return await call_next(request)


class PureASGI:
    def __init__(self, app):
        self.app = app
        self.client = httpx.AsyncClient()  # ok: once

    async def __call__(self, scope, receive, send):
        httpx.AsyncClient()  # want SNAT002
        await self.app(scope, receive, send)


@contextlib.asynccontextmanager
async def lifespan(app):
    async with httpx.AsyncClient() as client:  # ok: the lifespan runs once
        for r in REGIONS:
            await client.get("https://" + r + ".example.com")
            httpx.get("https://" + r + ".example.com/warm")  # ok: in the lifespan
        yield {"http": client}


async def startup():
    app.state.extra = httpx.AsyncClient()  # ok: on_startup runs once
    for r in REGIONS:
        requests.get("https://" + r + ".example.com")  # ok: on_startup runs once


routes = [
    Route("/", homepage),
    Route("/kw", endpoint=by_keyword, methods=["GET"]),
    Route("/shared", shared),
    Route("/state", from_state),
    Route("/users", Users),
    WebSocketRoute("/ws", ws),
    WebSocketRoute("/echo", Echo),
]
app = Starlette(routes=routes, lifespan=lifespan, on_startup=[startup])
