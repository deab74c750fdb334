# Conventional Lambda handler names are handlers without a template.
import httpx
import requests

CLIENT = httpx.Client()  # ok: module level


def lambda_handler(event, context):
    return httpx.Client()  # want SNAT002


def handler(event, _context):
    return fetch(event["url"])  # want SNAT005


def fetch(url):
    return requests.get(url)  # ok: reported at the call site


def other(event, context):
    return requests.get("https://example.com")  # ok: not a handler name


def shared_handler(event, context):
    return CLIENT.get("https://example.com")  # ok


class Job:
    def handler(self, event, context):
        return requests.get("https://example.com")  # ok: a method, not a module-level handler
