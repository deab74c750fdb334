# FastMCP tools, resources, prompts and routes, with or without
# parentheses; the lifespan runs once.
from contextlib import asynccontextmanager
from dataclasses import dataclass

import httpx
import requests
from mcp.server.fastmcp import Context, FastMCP

REGIONS = ["westeurope", "eastus"]


@dataclass
class AppContext:
    http: httpx.AsyncClient


@asynccontextmanager
async def app_lifespan(server):
    async with httpx.AsyncClient() as http:  # ok: the lifespan runs once
        for r in REGIONS:
            requests.get("https://" + r + ".example.com")  # ok: in the lifespan
        yield AppContext(http=http)


mcp = FastMCP("weather", lifespan=app_lifespan)


def forecast_for(city):
    return requests.get("https://api.example.com/" + city).json()  # ok: reported at the call sites


@mcp.tool()
async def forecast(city: str) -> str:
    async with httpx.AsyncClient() as c:  # want SNAT002
        return (await c.get("https://api.example.com/" + city)).text


@mcp.tool
def bare_tool(city: str) -> dict:
    return forecast_for(city)  # want SNAT005


@mcp.tool()
async def shared(city: str, ctx: Context) -> str:
    http = ctx.request_context.lifespan_context.http  # ok: the lifespan's client
    return (await http.get("https://api.example.com/" + city)).text


@mcp.resource("weather://{city}")
def resource(city: str) -> str:
    return requests.get("https://api.example.com/" + city).text  # want SNAT005


@mcp.prompt()
def prompt(city: str) -> str:
    return httpx.get("https://api.example.com/" + city).text  # want SNAT005


@mcp.custom_route("/health", methods=["GET"])
async def health(request):
    return httpx.AsyncClient()  # want SNAT002
