# Suppression directives.
import requests


def v(request):
    requests.get("https://example.com")  # noqa: SNAT005
    requests.get("https://example.com")  # noqa
    requests.Session()  # noqa: SNAT005  # want SNAT002
    requests.Session()  # snatlint: ignore[SNAT002] admin view, called once a day
    requests.Session()  # snatlint: ignore[SNAT002]  # want SNAT002
    requests.get("https://example.com")  # noqa: SNAT002,SNAT005
    requests.get("https://example.com")  # noqa:SNAT002, SNAT005
    requests.get("https://example.com")  # noqa: E501  # want SNAT005
    requests.get("https://example.com")  # snatlint: ignore[SNAT999]  # want SNAT005
    requests.get("https://example.com")  # snatlint: ignore[]  # want SNAT005
    requests.get("https://example.com")  # NOQA
    requests.get("https://example.com")  # noqa: round up  # want SNAT005
