"""FastAPI routes of the demo shop."""

from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI, Request

RATES = "https://rates.example.com"

app = FastAPI()


# --- mistake --------------------------------------------------------------


@app.get("/rates/{currency}")
async def rate(currency: str):
    async with httpx.AsyncClient() as client:  # expect SNAT002
        resp = await client.get(f"{RATES}/{currency}")
    return resp.json()


# --- fixed ----------------------------------------------------------------


@asynccontextmanager
async def lifespan(app: FastAPI):
    # One client for the life of the application.
    async with httpx.AsyncClient(base_url=RATES) as client:
        app.state.rates = client
        yield


fixed_app = FastAPI(lifespan=lifespan)


@fixed_app.get("/rates/{currency}")
async def rate_fixed(currency: str, request: Request):
    resp = await request.app.state.rates.get(f"/{currency}")
    return resp.json()
