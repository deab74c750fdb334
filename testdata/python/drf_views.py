# Django REST framework views and viewsets.
import requests
from azure.mgmt.compute import ComputeManagementClient
from azure.mgmt.resource import ResourceManagementClient
from rest_framework import viewsets
from rest_framework.decorators import action, api_view
from rest_framework.generics import GenericAPIView
from rest_framework.views import APIView

import httpx

CRED = object()


@api_view(["GET"])
def drf_view(request):
    return httpx.get("https://example.com")  # want SNAT005


class VMViewSet(viewsets.ModelViewSet):
    def list(self, request):
        return ComputeManagementClient(CRED, "sub")  # want SNAT003

    def retrieve(self, request, pk=None):
        return self.get_object()  # ok: no double report

    def get_object(self):
        return ComputeManagementClient(CRED, "sub")  # want SNAT003

    @action(detail=True, methods=["post"])
    def restart(self, request, pk=None):
        requests.Session()  # want SNAT002

    def perform_create(self, serializer):
        ResourceManagementClient(CRED, "sub")  # want SNAT003

    def partial_update(self, request, pk=None):
        return requests.patch("https://example.com")  # want SNAT005

    def destroy(self, request, pk=None):
        return requests.delete("https://example.com")  # want SNAT005

    def _unused(self):
        return requests.Session()  # ok: never called from a per-request method


class Generic(GenericAPIView):
    def get_serializer_context(self):
        return {"c": httpx.Client()}  # want SNAT002

    def dispatch(self, request, *args, **kwargs):
        return requests.head("https://example.com")  # want SNAT005


class Plain(APIView):
    def options(self, request):
        return requests.options("https://example.com")  # want SNAT005

    def put(self, request):
        return requests.put("https://example.com")  # want SNAT005
