# Project-local subclasses of library classes are resolved in the tree.
import requests
from azure.storage.blob import BlobServiceClient
from requests.adapters import HTTPAdapter


class PartnerSession(requests.Session):
    pass


class RetryingPartnerSession(PartnerSession):
    pass


class TunedAdapter(HTTPAdapter):
    pass


class MyBlob(BlobServiceClient):
    pass


class Plain:
    pass


def v(request):
    PartnerSession()  # want SNAT002
    RetryingPartnerSession()  # want SNAT002
    TunedAdapter()  # want SNAT001
    MyBlob.from_connection_string("conn")  # want SNAT003
    Plain()  # ok: plain class


SHARED = PartnerSession()  # ok: module level
