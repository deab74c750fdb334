import requests


def invoice(request):
    # café ☕ [x]
    s = "☕"; r = requests.get("https://example.com")
    return r
