# Celery tasks: bodies and Task.run are per run; a custom Task's __init__ is not.
import httpx
import requests
from azure.storage.blob import BlobServiceClient
from celery import Celery, Task, shared_task

celery_app = Celery("proj")
SESSION = requests.Session()  # ok


@shared_task
def sync_blobs():
    return BlobServiceClient.from_connection_string("conn")  # want SNAT003


@celery_app.task(bind=True)
def t2(self):
    return requests.get("https://example.com")  # want SNAT005


@celery_app.task
def t3():
    return httpx.Client()  # want SNAT002


@shared_task(name="ok")
def t4():
    return SESSION.get("https://example.com")  # ok: shared


class ClientTask(Task):
    _client = None

    def __init__(self):
        self.session = requests.Session()  # ok: once per worker process

    @property
    def client(self):
        if self._client is None:
            self._client = httpx.Client()  # ok: lazy property on the Task base
        return self._client


class MyTask(Task):
    def run(self, x):
        return requests.Session()  # want SNAT002


class Derived(ClientTask):
    def run(self, x):
        return self.client.get("https://example.com")  # ok: lazy property
