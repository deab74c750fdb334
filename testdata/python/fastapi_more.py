# FastAPI: generator dependencies, add_api_route, on_event("startup").
from contextlib import asynccontextmanager
from functools import lru_cache

import httpx
import requests
from fastapi import Depends, FastAPI

REGIONS = ["westeurope", "eastus"]


async def get_client():
    async with httpx.AsyncClient() as client:  # want SNAT002
        yield client


def get_session():
    s = requests.Session()  # want SNAT002
    try:
        yield s
    finally:
        s.close()


async def get_shared():
    yield app.state.http  # ok: the app's client


@lru_cache
def get_settings_client():
    return httpx.Client()  # ok: cached provider


@asynccontextmanager
async def lifespan(a):
    a.state.http = httpx.AsyncClient()  # ok: the lifespan runs once
    for r in REGIONS:
        httpx.get("https://" + r + ".example.com")  # ok: in the lifespan
    yield


app = FastAPI(lifespan=lifespan)


@app.get("/g")
async def g(c=Depends(get_client), s=Depends(get_session), h=Depends(get_shared), x=Depends(get_settings_client)):
    return c, s, h, x


def listed():
    return requests.get("https://example.com")  # want SNAT005


app.add_api_route("/listed", listed)


@app.on_event("startup")
async def warm():
    for r in REGIONS:
        requests.get("https://" + r + ".example.com")  # ok: a start-up handler runs once
