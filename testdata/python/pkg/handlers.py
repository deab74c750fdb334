import requests


def view(request):
    return requests.get("https://example.com")  # want SNAT005
