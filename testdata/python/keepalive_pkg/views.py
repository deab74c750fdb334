from django.http import JsonResponse

from .clients import session


def stock(request, sku):
    r = session.get(f"https://stock.example.com/{sku}", headers={"Connection": "close"})  # want SNAT008
    return JsonResponse(r.json())


def stock_ok(request, sku):
    r = session.get(f"https://stock.example.com/{sku}")  # ok
    return JsonResponse(r.json())
