# A SAM function whose Handler (app.process) has no conventional name.
import requests

SESSION = requests.Session()  # ok: module level, reused by warm invocations


def process(evt, ctx):
    requests.get("https://example.com")  # want SNAT005
    return SESSION.get("https://example.com").json()  # ok: shared


def helper(evt, ctx):
    return requests.get("https://example.com")  # ok: not named by the template
