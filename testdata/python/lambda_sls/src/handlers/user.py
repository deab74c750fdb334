import requests


def create(event, context):
    return requests.post("https://example.com")  # want SNAT005


def unlisted(event, ctx):
    return requests.post("https://example.com")  # ok: not named by serverless.yml
