# A routes module that imports nothing from aiohttp: app.router.add_* on a
# parameter still registers handlers.
from .handlers import HANDLERS, from_routes


def setup_routes(app):
    app.router.add_get("/from-routes", from_routes)
    app.router.add_post("/index", HANDLERS.index)
    app.router.add_get("/index-shared", HANDLERS.shared)
