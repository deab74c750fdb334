import httpx
from rest_framework.views import APIView


class Thing(APIView):
    def make(self):
        return httpx.Client()  # ok: reported at the call site
