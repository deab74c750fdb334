# SNAT006: Google Cloud clients own an authorized session or channel.
from django.http import JsonResponse
from google.cloud import bigquery, pubsub_v1, storage
from google.cloud.storage import Client as StorageClient

BUCKETS = storage.Client()  # ok: module level


def report(request):
    client = storage.Client()  # want SNAT006
    bq = bigquery.Client()  # want SNAT006
    publisher = pubsub_v1.PublisherClient()  # want SNAT006
    aliased = StorageClient()  # want SNAT006
    blob = storage.Blob("name", BUCKETS.bucket("b"))  # ok: not a client
    return JsonResponse({"n": len([client, bq, publisher, aliased, blob])})


def export(rows):
    for row in rows:
        storage.Client().bucket("b").blob(row).upload_from_string(row)  # want SNAT006


class Exporter:
    def __init__(self):
        self.bq = bigquery.Client()  # ok: not a view, __init__ runs once per exporter

    def run(self, request):
        return self.bq.query("select 1")  # ok
