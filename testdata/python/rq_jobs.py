# RQ: functions enqueued by reference and @job functions run per job;
# string references are not followed.
from datetime import datetime, timedelta

import httpx
import requests
from redis import Redis
from rq import Queue
from rq.decorators import job

SESSION = requests.Session()  # ok
redis_conn = Redis()
q = Queue(connection=redis_conn)


def count_words_at_url(url):
    return len(requests.get(url).text.split())  # want SNAT005


def by_call(url):
    return httpx.Client()  # want SNAT002


def later(url):
    return requests.post(url)  # want SNAT005


def at_time(url):
    return requests.put(url)  # want SNAT005


def shared_job(url):
    return SESSION.get(url)  # ok: shared


def by_string(url):
    return requests.get(url)  # ok: enqueued by its name only, not followed


@job("default", connection=redis_conn)
def decorated(url):
    return requests.delete(url)  # want SNAT005


def schedule():
    q.enqueue(count_words_at_url, "https://example.com")
    q.enqueue_call(func=by_call, args=("https://example.com",))
    q.enqueue_in(timedelta(minutes=5), later, "https://example.com")
    q.enqueue_at(datetime(2030, 1, 1), at_time, "https://example.com")
    q.enqueue(shared_job, "https://example.com")
    q.enqueue("rq_jobs.by_string", "https://example.com")
    local = Queue("low", connection=redis_conn)
    local.enqueue(local_job)


def local_job():
    return httpx.get("https://example.com")  # want SNAT005
