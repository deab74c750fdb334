import azure.functions as func
import httpx
import requests
from azure.cosmos import CosmosClient
from azure.eventhub import EventHubProducerClient
from azure.servicebus import ServiceBusClient

app = func.FunctionApp()
bp = func.Blueprint()
HTTP = httpx.Client()  # ok


@app.route(route="hello")
def hello(req):
    return requests.get("https://example.com")  # want SNAT005


@app.function_name(name="tick")
@app.timer_trigger(schedule="0 * * * * *", arg_name="t")
def timer(t):
    return httpx.Client()  # want SNAT002


@bp.queue_trigger(arg_name="m", queue_name="q", connection="c")
def q(m):
    return ServiceBusClient.from_connection_string("conn")  # want SNAT003


@app.service_bus_queue_trigger(arg_name="m", queue_name="q", connection="c")
def sbq(m):
    return CosmosClient("https://x.documents.azure.com", "key")  # want SNAT003


@app.event_hub_message_trigger(arg_name="e", event_hub_name="h", connection="c")
def eh(e):
    return EventHubProducerClient.from_connection_string("conn")  # want SNAT003


@app.blob_trigger(arg_name="b", path="c/{name}", connection="c")
def blob(b):
    return HTTP.get("https://example.com")  # ok: shared


@app.cosmos_db_trigger(arg_name="d", container_name="c", database_name="d", connection="c")
def cosmos(d):
    return requests.put("https://example.com")  # want SNAT005


@app.event_grid_trigger(arg_name="e")
def grid(e):
    return requests.get("https://example.com")  # want SNAT005
