import requests


def main(msg):
    requests.post("https://example.com", data=msg)  # want SNAT005


def not_entry(msg):
    requests.post("https://example.com", data=msg)  # ok: not the entry point
