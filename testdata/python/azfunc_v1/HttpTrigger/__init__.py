import azure.functions as func
from azure.storage.blob import BlobServiceClient

SVC = BlobServiceClient.from_connection_string("conn")  # ok: module level, reused by warm invocations


def main(req: func.HttpRequest) -> func.HttpResponse:
    c = BlobServiceClient.from_connection_string("conn")  # want SNAT003
    SVC.get_container_client("c")  # ok: child client shares the pipeline
    return func.HttpResponse(str(c))
