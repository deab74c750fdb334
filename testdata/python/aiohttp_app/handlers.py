# Handlers registered elsewhere, whatever their parameter is called; a
# method of a module-level handler object.
import aiohttp
import requests


async def bound_handler(req):
    return requests.get("https://example.com")  # want SNAT005


async def from_routes(_):
    async with aiohttp.ClientSession() as s:  # want SNAT002
        return await s.get("https://example.com")


class Handlers:
    def __init__(self):
        self.session = requests.Session()  # ok: one object, built at import

    async def index(self, req):
        return requests.get("https://example.com")  # want SNAT005

    async def shared(self, req):
        return self.session.get("https://example.com")  # ok: the object's session


def not_registered(x):
    return requests.get("https://example.com")  # ok: never registered nor called per request


HANDLERS = Handlers()  # ok


class Api:
    """Registers its own methods, as class-based aiohttp apps do."""

    def __init__(self, app):
        self.client = requests.Session()  # ok: one Api per app
        app.router.add_get("/api/info", self.info)
        app.router.add_get("/api/shared", self.shared)

    async def info(self, req):
        return requests.get("https://example.com")  # want SNAT005

    async def shared(self, req):
        return self.client.get("https://example.com")  # ok: the object's session


class Status:
    async def status(self, req):
        return requests.get("https://example.com/status")  # want SNAT005


def setup_status(app):
    status = Status()
    app.router.add_get("/status", status.status)
