# FastAPI routes, routers, dependencies, lifespan and middleware.
from contextlib import asynccontextmanager
from functools import lru_cache
from typing import Annotated

import aiohttp
import httpx
import requests
from fastapi import APIRouter, Depends, FastAPI


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.http = httpx.AsyncClient()  # ok: lifespan runs once
    yield
    await app.state.http.aclose()


app = FastAPI(lifespan=lifespan)
router = APIRouter()


@app.get("/items")
async def items():
    async with httpx.AsyncClient() as c:  # want SNAT002
        return await c.get("https://example.com")


@router.post("/p")
def p():
    return requests.post("https://example.com")  # want SNAT005


@app.api_route("/a", methods=["GET"])
def a():
    return httpx.request("GET", "https://example.com")  # want SNAT005


@app.websocket("/ws")
async def ws(websocket):
    async with aiohttp.ClientSession() as s:  # want SNAT002
        return s


def get_client():
    return httpx.Client()  # want SNAT002


@lru_cache
def get_cached_client():
    return httpx.Client()  # ok: cached provider


@app.get("/d")
def d(c=Depends(get_client), s=Depends(get_cached_client)):
    return c, s


@app.middleware("http")
async def mw(request, call_next):
    aiohttp.ClientSession()  # want SNAT002
    return await call_next(request)


@app.on_event("startup")
async def startup():
    app.state.c = httpx.AsyncClient()  # ok: startup runs once


@app.get("/state")
async def uses_state(request):
    return await request.app.state.http.get("https://example.com")  # ok: shared via app.state


def get_annotated_client():
    return httpx.Client()  # want SNAT002


@app.get("/ann")
def ann(c: Annotated[httpx.Client, Depends(get_annotated_client)]):
    return c
