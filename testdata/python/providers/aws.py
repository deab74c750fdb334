# SNAT006: boto3 clients, resources and sessions, resolved through imports.
import functools

import boto3
import boto3.session
import botocore.session
from boto3 import client as make_client
from celery import shared_task
from django.http import JsonResponse

S3 = boto3.client("s3")  # ok: module level
TABLE = boto3.resource("dynamodb").Table("orders")  # ok


def invoice(request, invoice_id):
    s3 = boto3.client("s3")  # want SNAT006
    aliased = make_client("sqs")  # want SNAT006
    dynamo = boto3.resource("dynamodb")  # want SNAT006
    session = boto3.Session(region_name="eu-west-1")  # want SNAT006
    legacy = boto3.session.Session()  # want SNAT006
    core = botocore.session.get_session()  # want SNAT006
    shared = S3.get_object(Bucket="invoices", Key=invoice_id)  # ok: the module-level client
    return JsonResponse({"n": len([s3, aliased, dynamo, session, legacy, core, shared])})


@shared_task
def archive(keys):
    s3 = boto3.client("s3")  # want SNAT006
    for key in keys:
        boto3.client("s3").delete_object(Bucket="archive", Key=key)  # want SNAT006
    return s3


@functools.lru_cache(maxsize=None)
def regional(region):
    return boto3.client("s3", region_name=region)  # ok: one per region, cached


def cached(request):
    return JsonResponse({"ok": regional("eu-west-1") is not None})  # ok
