# SNAT003: azure.core's PipelineClient given an existing pipeline= runs
# that pipeline and its transport (the row's option): it owns no pool of
# its own; one given a pipeline built per request, or none, does.
import redis
from azure.core import AsyncPipelineClient, PipelineClient
from azure.core import PipelineClient as PC
from azure.core.pipeline import Pipeline
from azure.core.pipeline.transport import RequestsTransport
from flask import Flask

app = Flask(__name__)
URL = "https://example.invalid"
shared_pipeline = Pipeline(RequestsTransport(), policies=[])  # ok: module level


@app.route("/shared")
def shared():
    client = PipelineClient(URL, pipeline=shared_pipeline)  # ok: runs the module's pipeline
    aliased = PC(URL, pipeline=shared_pipeline)  # ok: the same, aliased
    return str([client, aliased])


@app.route("/fresh")
def fresh():
    inline = PipelineClient(URL, pipeline=Pipeline(RequestsTransport(), policies=[]))  # want SNAT003
    p = Pipeline(RequestsTransport(), policies=[])  # ok: azure.core machinery, counted at the client
    local = PipelineClient(URL, pipeline=p)  # want SNAT003
    none = PipelineClient(URL, pipeline=None)  # want SNAT003
    bare = PipelineClient(URL)  # want SNAT003
    return str([inline, local, none, bare])


async def fetch_all(urls):
    for u in urls:
        c = AsyncPipelineClient(u, pipeline=shared_pipeline)  # ok: shares the module's pipeline
        f = AsyncPipelineClient(u)  # want SNAT003
        print(c, f)


@app.route("/other")
def other():
    # pipeline= is PipelineClient's option, not a keyword every client
    # shares a pool through: a Redis client given one still owns its pool
    r = redis.Redis(host="cache", pipeline=shared_pipeline)  # want SNAT007
    return str(r)
