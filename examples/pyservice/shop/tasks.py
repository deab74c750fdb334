"""Celery tasks of the demo shop."""

from functools import lru_cache

from azure.identity import DefaultAzureCredential
from azure.storage.blob import BlobServiceClient
from celery import shared_task

ACCOUNT_URL = "https://shopexports.blob.core.windows.net"


# --- mistakes -------------------------------------------------------------


@shared_task
def export_orders(payload):
    # A credential and a blob client (with its own connection pool) per task run.
    credential = DefaultAzureCredential()  # expect SNAT004
    service = BlobServiceClient(ACCOUNT_URL, credential=credential)  # expect SNAT003:error
    blob = service.get_blob_client("exports", "orders.json")  # child client: silent
    blob.upload_blob(payload, overwrite=True)


# --- fixed ----------------------------------------------------------------


@lru_cache(maxsize=None)
def blob_service():
    # Built lazily on first use in each worker process (safe with pre-fork
    # workers), then cached.
    return BlobServiceClient(ACCOUNT_URL, credential=DefaultAzureCredential())


@shared_task
def export_orders_fixed(payload):
    blob = blob_service().get_blob_client("exports", "orders.json")
    blob.upload_blob(payload, overwrite=True)
