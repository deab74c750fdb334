# SNAT007: database, cache and RPC pools, resolved through imports.
import functools
from contextlib import asynccontextmanager

import grpc
import grpc.aio
import psycopg_pool
import pymongo
import redis
import redis.asyncio as aioredis
import sqlalchemy as sa
from fastapi import FastAPI, Request
from motor.motor_asyncio import AsyncIOMotorClient
from psycopg2.pool import ThreadedConnectionPool
from redis import StrictRedis
from sqlalchemy.ext.asyncio import create_async_engine

# Built once at module level: the fix.
ENGINE = sa.create_engine("postgresql+psycopg://db/shop")  # ok
CACHE = redis.Redis(host="cache", port=6380, ssl=True)  # ok
POOL = redis.ConnectionPool(host="cache")  # ok
MONGO = pymongo.MongoClient("mongodb://db")  # ok
CHANNEL = grpc.secure_channel("billing:443", grpc.ssl_channel_credentials())  # ok
PG = psycopg_pool.ConnectionPool("postgresql://db")  # ok


def orders(request):
    engine = sa.create_engine("postgresql+psycopg://db/shop")  # want SNAT007
    cache = redis.Redis(host="cache", port=6380, ssl=True)  # want SNAT007
    strict = StrictRedis(host="cache")  # want SNAT007
    from_url = redis.Redis.from_url("rediss://cache:6380")  # want SNAT007
    module_from_url = redis.from_url("rediss://cache:6380")  # want SNAT007
    pool = redis.ConnectionPool.from_url("rediss://cache:6380")  # want SNAT007
    mongo = pymongo.MongoClient("mongodb://db")  # want SNAT007
    channel = grpc.insecure_channel("billing:50051")  # want SNAT007
    pg = psycopg_pool.ConnectionPool("postgresql://db")  # want SNAT007
    legacy = ThreadedConnectionPool(1, 4, "postgresql://db")  # want SNAT007
    shared = redis.Redis(connection_pool=POOL)  # ok: a shared pool by keyword
    return engine, cache, strict, from_url, module_from_url, pool, mongo, channel, pg, legacy, shared


async def async_orders(request):
    engine = create_async_engine("postgresql+asyncpg://db/shop")  # want SNAT007
    cache = aioredis.Redis(host="cache")  # want SNAT007
    motor = AsyncIOMotorClient("mongodb://db")  # want SNAT007
    channel = grpc.aio.insecure_channel("billing:50051")  # want SNAT007
    return engine, cache, motor, channel


def sync_shards(shards):
    for shard in shards:
        engine = sa.create_engine(shard)  # want SNAT007
        engine.dispose()
        client = pymongo.MongoClient(shard)  # want SNAT007
        client.close()
        channel = grpc.secure_channel(shard, grpc.ssl_channel_credentials())  # want SNAT007
        channel.close()


@functools.lru_cache(maxsize=None)
def cache_for(region):
    return redis.Redis(host=f"cache-{region}")  # ok: one per region, cached


def cached_view(request):
    return cache_for("eu").get("k")  # ok


_engine = None


def engine():
    global _engine
    if _engine is None:
        _engine = sa.create_engine("postgresql+psycopg://db/shop")  # ok: lazy singleton
    return _engine


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.cache = aioredis.Redis(host="cache")  # ok: built once in the lifespan
    app.state.mongo = AsyncIOMotorClient("mongodb://db")  # ok
    yield


app = FastAPI(lifespan=lifespan)


@app.get("/items")
async def items(request: Request):
    return await request.app.state.cache.get("items")  # ok
