# Project classes whose methods build or send on every call; the calls
# are reported where a per-request context calls them on an instance.
import httpx
import requests

SESSION = requests.Session()  # ok: module level


class NotificationManager:
    def send(self, msg):
        return requests.request("POST", "https://notify.example.com", json=msg)  # ok: reported at the call sites

    def send_shared(self, msg):
        return SESSION.post("https://notify.example.com", json=msg)  # ok: shared


class PriceClient:
    def __init__(self, base):
        self.base = base

    def get_price(self, sku):
        return httpx.get(self.base + sku)  # ok: reported at the call sites


class CatalogClient:
    def __init__(self, url):
        self.session = requests.Session()  # ok: reported where a CatalogClient is created per request
        self.url = url

    def item(self, sku):
        return self.session.get(self.url + sku)  # ok: the object's own session


class PriceService:
    def __init__(self):
        self.prices = PriceClient("https://prices.example.com/")  # ok: built once with the service

    def fetch(self, sku):
        return self.prices.get_price(sku)  # ok: reported at the call sites

    def cached(self, sku):
        return sku  # ok


class AnnotatedService:
    prices: PriceClient = PriceClient("https://prices.example.com/")  # ok: class body, once

    def fetch(self, sku):
        return self.prices.get_price(sku)  # ok: reported at the call sites


class InjectedService:
    def __init__(self, prices: PriceClient):
        self.prices = prices

    def fetch(self, sku):
        return self.prices.get_price(sku)  # ok: reported at the call sites


price_service = PriceService()  # ok: module level
manager = NotificationManager()  # ok
