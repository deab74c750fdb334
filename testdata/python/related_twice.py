# A handler reaches one construction through two call sites of the same
# helper: one finding, and its related location is listed once.
import aiohttp
from aiohttp import web

routes = web.RouteTableDef()


async def connect():
    return aiohttp.ClientSession()


async def listen():
    first = await connect()
    second = await connect()
    return first, second


@routes.get("/events")
async def events(request):
    await listen()  # want SNAT002
    return web.Response()
