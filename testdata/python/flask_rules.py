# Flask add_url_rule: the view function positional or view_func=;
# before_first_request runs once.
import httpx
import requests
from flask import Flask

app = Flask(__name__)
REGIONS = ["westeurope", "eastus"]


def positional():
    return requests.get("https://example.com").text  # want SNAT005


def keyword():
    return httpx.Client()  # want SNAT002


def shared():
    return app.extensions["http"].get("https://example.com")  # ok: the app's client


def not_a_view():
    return requests.get("https://example.com")  # ok: not registered


app.add_url_rule("/p", "positional", positional)
app.add_url_rule("/k", view_func=keyword)
app.add_url_rule("/s", view_func=shared)


@app.before_first_request
def warm():
    app.extensions["http"] = requests.Session()  # ok: runs once
    for r in REGIONS:
        requests.get("https://" + r + ".example.com")  # ok: before_first_request runs once


from flask_login import login_required  # noqa: E402


@app.route("/secret")
@login_required
def secret():
    return requests.get("https://example.com").text  # want SNAT005


@login_required
def not_django():
    return requests.get("https://example.com")  # ok: flask_login's login_required makes no Django view
