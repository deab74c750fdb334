# Shared transports, child clients, urllib3.request: not pool-owning.
import aiohttp
import httpx
import urllib3
from azure.core.pipeline.transport import RequestsTransport
from azure.keyvault.secrets import SecretClient
from azure.storage.blob import BlobServiceClient

SHARED_TRANSPORT = RequestsTransport()  # ok
TRANSPORT = httpx.HTTPTransport()  # ok
CONNECTOR = aiohttp.TCPConnector()  # ok
SESSION = None
SVC = BlobServiceClient.from_connection_string("conn")  # ok


def v(request):
    BlobServiceClient("https://a", credential=None, transport=SHARED_TRANSPORT)  # ok: shared transport
    SecretClient("https://v", None, session=SESSION)  # ok: shared session
    httpx.Client(transport=TRANSPORT)  # ok: shared transport
    aiohttp.ClientSession(connector=CONNECTOR, connector_owner=False)  # ok: shared connector
    SVC.get_container_client("c")  # ok: child client
    SVC.get_blob_client("c", "b")  # ok: child client
    urllib3.request("GET", "https://example.com")  # ok: module-level PoolManager
    BlobServiceClient("https://a", transport=RequestsTransport())  # want SNAT003
