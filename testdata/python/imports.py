# Resolution by what a name refers to.
import aiohttp
import azure.mgmt.compute
import azure.mgmt.resource as res
import httpx
import requests as rq
from azure.ai.textanalytics import TextAnalyticsClient
from azure.cosmos.aio import CosmosClient as AioCosmos
from azure.core.credentials import AzureKeyCredential
from azure.data.tables import TableServiceClient
from azure.identity import ClientSecretCredential, OnBehalfOfCredential
from azure.identity.aio import DefaultAzureCredential as ADC
from azure.keyvault.secrets.aio import SecretClient as AioSecrets
from azure.mgmt.compute import ComputeManagementClient as CMC
from azure.mgmt.subscription import SubscriptionClient
from azure.mgmt.web import WebSiteManagementClient
from azure.storage.blob.aio import BlobServiceClient as AioBlob
from azure.storage.queue import QueueClient
from requests import Session as S
from requests import session

from .models import Session
from .models import get as get_model

CRED = None


def v(request):
    rq.Session()  # want SNAT002
    S()  # want SNAT002
    session()  # want SNAT002
    azure.mgmt.compute.ComputeManagementClient(CRED, "s")  # want SNAT003
    res.ResourceManagementClient(CRED, "s")  # want SNAT003
    CMC(CRED, "s")  # want SNAT003
    ADC()  # want SNAT004
    ClientSecretCredential("t", "c", "s")  # want SNAT004
    SubscriptionClient(CRED)  # want SNAT003
    WebSiteManagementClient(CRED, "s")  # want SNAT003
    AioBlob("https://a.blob.core.windows.net")  # want SNAT003
    AioCosmos("https://x", "key")  # want SNAT003
    AioSecrets("https://v", CRED)  # want SNAT003
    TableServiceClient.from_connection_string("conn")  # want SNAT003
    TextAnalyticsClient("https://x", CRED)  # want SNAT003
    QueueClient.from_queue_url("https://q")  # want SNAT003
    rq.request("GET", "https://example.com")  # want SNAT005
    httpx.stream("GET", "https://example.com")  # want SNAT005
    aiohttp.request("GET", "https://example.com")  # want SNAT005
    httpx.AsyncClient()  # want SNAT002


def w(request):
    Session()  # ok: the project's own Session
    get_model("https://example.com")  # ok: the project's own get
    AzureKeyCredential("key")  # ok: a key holder, not a pool
    OnBehalfOfCredential("t", "c", client_secret="s", user_assertion="a")  # ok: on-behalf-of is per user by design


def shadow(request):
    S = make_thing()  # ok
    S()  # ok: a local that shares the spelling
    rq = object()
    return rq


def make_thing():
    return object
