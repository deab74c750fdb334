from ..services import fetch


def deep_view(request):
    return fetch("https://example.com")  # want SNAT005
