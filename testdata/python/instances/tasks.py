# Calls on instances of known classes, followed into the class's methods.
import logging

from celery import shared_task
from django.http import JsonResponse

from .services import (
    AnnotatedService,
    CatalogClient,
    InjectedService,
    NotificationManager,
    PriceClient,
    manager,
    price_service,
)

log = logging.getLogger(__name__)
local_manager = NotificationManager()  # ok: module level


@shared_task
def notify(msg):
    NotificationManager().send(msg)  # want SNAT005


@shared_task
def notify_local(msg):
    m = NotificationManager()
    m.send(msg)  # want SNAT005
    m.send_shared(msg)  # ok: a shared session


@shared_task
def notify_module(msg):
    manager.send(msg)  # want SNAT005
    local_manager.send(msg)  # want SNAT005
    log.info("sent")  # ok


@shared_task
def notify_shared(msg):
    NotificationManager().send_shared(msg)  # ok: the method builds nothing


def view(request, sku):
    return JsonResponse(price_service.fetch(sku))  # want SNAT005


def annotated(request, sku):
    return AnnotatedService().fetch(sku)  # want SNAT005


def injected(request, sku):
    svc = InjectedService(PriceClient("https://p/"))
    return svc.fetch(sku)  # want SNAT005


def catalog(request, sku):
    client = CatalogClient("https://catalog.example.com/")  # want SNAT002
    return client.item(sku)  # ok: the pool is reported where the object is built


def reassigned(request, sku):
    m = NotificationManager()
    m = CatalogClient("https://c/")  # want SNAT002
    return m.item(sku)  # ok: m holds one of two classes: not followed


def not_per_request(sku):
    return price_service.fetch(sku)  # ok: not per request and never called from one
