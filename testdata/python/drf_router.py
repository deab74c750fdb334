# A DRF router registers viewsets; atexit.register is no router.
import atexit

import requests
from rest_framework import routers

from .drf_views import CRED


class Plain:
    def list(self, request):
        return requests.get("https://example.com")  # want SNAT005


def cleanup():
    requests.post("https://example.com/bye")  # ok: run at exit, not per request


router = routers.DefaultRouter()
router.register(r"plain", Plain, basename="plain")
atexit.register(cleanup)
print(CRED)
