# Loop bodies and comprehensions are per iteration anywhere.
import aiohttp
import httpx
import requests
from azure.keyvault.secrets import SecretClient
from azure.storage.blob import BlobServiceClient

REGIONS = ["westeurope", "eastus"]
CACHE = {}
CLIENTS = {r: BlobServiceClient(r) for r in REGIONS}  # ok: retained comprehension at module level
CLIENT_LIST = [SecretClient(r, None) for r in REGIONS]  # ok: retained at module level

for region in REGIONS:
    CACHE[region] = SecretClient(region, None)  # ok: stored in a module-level dict

for item in requests.get("https://example.com/list").json():  # ok: the iterable is evaluated once
    pass


def batch(urls):
    for u in urls:
        requests.get(u)  # want SNAT005
    while True:
        s = requests.Session()  # ok: the loop runs at most once (batch is no context)
        break
    [httpx.Client() for _ in urls]  # want SNAT002
    list(httpx.Client() for _ in urls)  # want SNAT002
    return {u: requests.Session() for u in urls}  # ok: the returned collection holds them (batch is no context)


async def abatch(stream):
    async for item in stream:
        aiohttp.ClientSession()  # want SNAT002


def main():
    client = requests.Session()  # ok: main outside loops
    for u in REGIONS:
        client.get(u)  # ok: reuse
    while requests.get("https://example.com").ok:  # ok: the loop runs at most once
        break


def startup():
    clients = {}
    for r in REGIONS:
        clients[r] = SecretClient(r, None)  # ok: dict declared outside the loop
    pool = []
    for r in REGIONS:
        pool.append(httpx.Client())  # ok: list declared outside the loop
    return clients, pool


def lazy_in_loop(items):
    c = None
    for i in items:
        if c is None:
            c = requests.Session()  # ok: built once under a None guard
        c.get(i)


def fill_global(items):
    for i in items:
        CACHE[i] = httpx.Client()  # ok: module-level container


def nested(items):
    for i in items:
        for j in items:
            httpx.post(j)  # want SNAT005


def with_else(items):
    for i in items:
        pass
    else:
        return requests.Session()  # ok: else runs once


CLIENT_MAP = dict((r, SecretClient(r, None)) for r in REGIONS)  # ok: retained at module level
CLIENT_TUPLE = tuple(httpx.Client() for _ in REGIONS)  # ok: retained at module level


def discard(items):
    return sum(1 for _ in (requests.Session() for i in items))  # want SNAT002
