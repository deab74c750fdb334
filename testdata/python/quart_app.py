# Quart: Flask's whole list plus websockets; before_serving runs once.
import httpx
import requests
from quart import Blueprint, Quart, websocket

app = Quart(__name__)
bp = Blueprint("bp", __name__)
REGIONS = ["westeurope", "eastus"]


@app.route("/")
async def index():
    async with httpx.AsyncClient() as c:  # want SNAT002
        return (await c.get("https://example.com")).text


@bp.get("/b")
async def b():
    return requests.get("https://example.com").text  # want SNAT005


@app.websocket("/ws")
async def ws():
    client = httpx.AsyncClient()  # want SNAT002
    await websocket.send(client)


@app.before_request
async def before():
    requests.get("https://example.com/auth")  # want SNAT005


async def by_rule():
    return httpx.get("https://example.com").text  # want SNAT005


app.add_url_rule("/rule", "rule", by_rule)


@app.before_serving
async def startup():
    app.http = httpx.AsyncClient()  # ok: before_serving runs once
    for r in REGIONS:
        await httpx.AsyncClient().get("https://" + r + ".example.com")  # ok: start-up hook


@app.get("/shared")
async def shared():
    return await app.http.get("https://example.com")  # ok: the app's client
