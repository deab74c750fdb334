import httpx


def main(e, c):
    return httpx.Client()  # want SNAT002
