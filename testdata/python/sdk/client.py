# Not a web app: an SDK client whose base merely ends in Mixin.
from azure.core import PipelineClient


class ClientOperationsMixin:
    pass


class ExternalMixinClient(UnresolvedOperationsMixin):
    def __init__(self, endpoint):
        self._client = PipelineClient(endpoint)  # ok: not a view, __init__ runs once per client

    def get(self, request):
        return self._client.send_request(request)  # ok


class SdkClient(ClientOperationsMixin):
    def __init__(self, endpoint):
        self._client = PipelineClient(endpoint)  # ok
