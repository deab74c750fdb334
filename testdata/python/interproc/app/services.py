import httpx
import requests
from azure.identity import DefaultAzureCredential
from azure.mgmt.compute import ComputeManagementClient

_shared = None


def make_client():
    return httpx.Client()  # ok: reported at the per-request call sites


def fetch(url):
    return requests.get(url)  # ok: one-shot helper, reported at call sites


def both():
    cred = DefaultAzureCredential()  # ok: reported at call sites
    return ComputeManagementClient(cred, "sub")  # ok


def chained():
    return make_client()  # ok


def get_shared():
    global _shared
    if _shared is None:
        _shared = make_client()  # ok: lazy singleton
    return _shared
