# aiohttp.web: RouteTableDef decorators, router.add_*, add_routes lists,
# web.View, middlewares; on_startup/cleanup_ctx hooks are the fix.
import aiohttp
import httpx
import requests
from aiohttp import web

from . import handlers
from .routes import setup_routes

routes = web.RouteTableDef()
SESSION_KEY = web.AppKey("session", aiohttp.ClientSession)
REGIONS = ["westeurope", "eastus"]


def make_session():
    return aiohttp.ClientSession()  # ok: reported at the per-request call sites


@routes.get("/a")
async def table_get(request):
    async with aiohttp.ClientSession() as s:  # want SNAT002
        return web.json_response(await (await s.get("https://example.com")).json())


@routes.post("/b")
async def table_post(req):
    return web.Response(text=requests.post("https://example.com").text)  # want SNAT005


@routes.get("/shared")
async def shared(request):
    session = request.app[SESSION_KEY]  # ok: the app's session
    return await session.get("https://example.com")


@routes.get("/helper")
async def via_helper(request):
    s = make_session()  # want SNAT002
    return s


async def added(req):
    return httpx.AsyncClient()  # want SNAT002


async def routed(r):
    return aiohttp.TCPConnector()  # want SNAT001


async def listed(r):
    return make_session()  # want SNAT002


async def listed_route(r):
    return requests.get("https://example.com")  # want SNAT005


class ItemView(web.View):
    async def get(self):
        return httpx.AsyncClient()  # want SNAT002

    async def post(self):
        self.client = httpx.AsyncClient()  # want SNAT002
        return self.client


@web.middleware
async def audit(request, handler):
    requests.post("https://audit.example.com")  # want SNAT005
    return await handler(request)


async def on_startup(app):
    app[SESSION_KEY] = aiohttp.ClientSession()  # ok: on_startup runs once
    app["clients"] = {r: httpx.AsyncClient() for r in REGIONS}  # ok: retained, once
    for r in REGIONS:
        httpx.get("https://" + r + ".example.com/warmup")  # ok: on_startup runs once


async def client_ctx(app):
    session = aiohttp.ClientSession()  # ok: cleanup_ctx runs once
    app["ctx_session"] = session
    for r in REGIONS:
        requests.get("https://" + r + ".example.com/ping")  # ok: start-up hook
    yield
    await session.close()


async def on_cleanup(app):
    async with aiohttp.ClientSession() as s:  # ok: on_cleanup runs once
        await s.post("https://example.com/bye")


def create_app():
    app = web.Application(middlewares=[audit])
    app.router.add_get("/added", added)
    app.router.add_route("GET", "/routed", routed)
    app.add_routes([web.get("/listed", listed), web.route("GET", "/lr", listed_route), web.view("/item", ItemView)])
    app.add_routes(routes)
    app.on_startup.append(on_startup)
    app.cleanup_ctx.append(client_ctx)
    app.on_cleanup.append(on_cleanup)
    app.router.add_get("/bound", handlers.bound_handler)
    setup_routes(app)
    client = aiohttp.ClientSession()  # ok: the app factory runs once
    app["factory_session"] = client
    return app
