import httpx


def run(event):
    return httpx.Client()  # want SNAT002


def main(event):
    return httpx.Client()  # ok: entryPoint is run
