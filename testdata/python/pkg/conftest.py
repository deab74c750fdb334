import requests


def view(request):
    return requests.get("https://example.com")  # skipped: test or vendored file
