"""Django views of the demo shop.

The mistakes carry an "expect" comment with their rule IDs (the end-to-end
test checks that exactly these are found); the fixed twins follow them.
"""

import requests
from django.http import JsonResponse

INVENTORY = "https://inventory.example.com"


# --- mistakes -------------------------------------------------------------


def stock(request, sku):
    # requests.get builds a Session, sends one request and closes it:
    # no connection is ever reused.
    resp = requests.get(f"{INVENTORY}/stock/{sku}", timeout=5)  # expect SNAT005
    return JsonResponse(resp.json())


def prices(request):
    session = requests.Session()  # expect SNAT002
    session.headers["Accept"] = "application/json"
    resp = session.get(f"{INVENTORY}/prices", timeout=5)
    return JsonResponse(resp.json())


# --- fixed ----------------------------------------------------------------

# One session per process, built at import time and reused by every request.
# (With gunicorn --preload, build it lazily after the fork instead: see
# shop/tasks.py for the lru_cache form.)
SESSION = requests.Session()


def stock_fixed(request, sku):
    resp = SESSION.get(f"{INVENTORY}/stock/{sku}", timeout=5)
    return JsonResponse(resp.json())


def prices_fixed(request):
    resp = SESSION.get(f"{INVENTORY}/prices", timeout=5)
    return JsonResponse(resp.json())
