# Dramatiq actors, with or without arguments, and GenericActor.perform.
import dramatiq
import httpx
import requests
from dramatiq import GenericActor, actor

SESSION = requests.Session()  # ok


@dramatiq.actor
def count_words(url):
    return len(requests.get(url).text.split())  # want SNAT005


@dramatiq.actor(max_retries=3, queue_name="slow")
def fetch(url):
    with httpx.Client() as c:  # want SNAT002
        return c.get(url)


@actor
def shared(url):
    return SESSION.get(url)  # ok: shared


class Crawl(GenericActor):
    class Meta:
        queue_name = "crawl"

    def perform(self, url):
        return requests.Session().get(url)  # want SNAT002
