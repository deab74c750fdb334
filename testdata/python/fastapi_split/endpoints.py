import httpx

from .routers import router

SHARED = httpx.AsyncClient()  # ok


@router.get("/split")
async def split():
    return httpx.AsyncClient()  # want SNAT002


@router.get("/shared")
async def shared():
    return await SHARED.get("https://example.com")  # ok
