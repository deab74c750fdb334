# gRPC servicers: methods (self, request, context) run per call; the
# servicer's __init__ runs once (the server keeps one instance).
from concurrent import futures

import grpc
import httpx
import requests

import helloworld_pb2_grpc
from . import helloworld_pb2_grpc as pb


def lookup(name):
    return requests.get("https://example.com/" + name)  # ok: reported at the call sites


class Greeter(helloworld_pb2_grpc.GreeterServicer):
    def __init__(self):
        self.http = httpx.Client()  # ok: the servicer is built once

    def SayHello(self, request, context):
        return httpx.Client()  # want SNAT002

    def SayHelloStream(self, request_iterator, context):
        for req in request_iterator:
            yield lookup(req.name)  # want SNAT005

    def Shared(self, request, context):
        return self.http.get("https://example.com")  # ok: the servicer's client

    def _helper(self, name):
        return requests.get("https://example.com")  # ok: not an RPC, never called from one


class Relative(pb.GreeterServicer):
    def SayHello(self, request, ctx):
        return lookup(request.name)  # want SNAT005


class Auth(grpc.ServerInterceptor):
    def intercept_service(self, continuation, handler_call_details):
        requests.get("https://auth.example.com")  # want SNAT005
        return continuation(handler_call_details)


def serve():
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=10))
    helloworld_pb2_grpc.add_GreeterServicer_to_server(Greeter(), server)
    server.start()


from protos import GreeterServicer  # noqa: E402  (a re-export of the generated base)


class Reexported(GreeterServicer):
    def SayHello(self, request, context):
        return requests.get("https://example.com")  # want SNAT005

    def helper(self, a, b):
        return requests.get("https://example.com")  # ok: not an RPC's shape, never called from one
