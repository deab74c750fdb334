import requests


def ok_view(request):
    return requests.get("https://example.com")  # want SNAT005


def broken(:
    pass


def later_view(request):
    return requests.Session()  # want SNAT002
