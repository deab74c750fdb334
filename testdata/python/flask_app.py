# Flask routes, blueprints, MethodView and request hooks.
import httpx
import requests
from azure.storage.blob import BlobServiceClient
from flask import Blueprint, Flask
from flask.views import MethodView

app = Flask(__name__)
bp = Blueprint("bp", __name__)
HTTP = requests.Session()  # ok


@app.route("/")
def index():
    return requests.get("https://example.com").text  # want SNAT005


@bp.route("/x")
def bx():
    return httpx.Client()  # want SNAT002


@app.get("/y")
def gy():
    return HTTP.get("https://example.com").text  # ok: shared


@app.post("/z")
def pz():
    return requests.Session()  # want SNAT002


@app.before_request
def before():
    requests.Session()  # want SNAT002


class ItemAPI(MethodView):
    def get(self, item_id):
        return BlobServiceClient("https://a.blob.core.windows.net")  # want SNAT003


def create_app():
    application = Flask(__name__)
    client = requests.Session()  # ok: app factory runs once

    @application.route("/nested")
    def nested():
        return requests.get("https://example.com").text  # want SNAT005

    return application, client
