# Loops that are not hot (design.md, "Decisions on edge cases": Loops, and
# round 2: Loop details): bounded retry and fallback loops, constant trip
# counts, paced loops and loops that run at most once are no contexts of
# their own. Each case has a hot twin.
import asyncio
import threading
import time

import httpx
import requests
from requests import RequestException

MAX_RETRIES = 3
MANY = 50
POLL_SECONDS = 30
FAST = 1
HOSTS = ["https://a.example.com", "https://b.example.com"]

stop = threading.Event()


# --- bounded retry and fallback loops: success leaves the loop


def fallback_hosts(path, hosts):
    for host in hosts:
        try:
            return requests.get(host + path)  # ok: fallback over a collection, success returns
        except RequestException:
            continue


def each_host(path, hosts):
    for host in hosts:
        try:
            requests.post(host + path)  # want SNAT005
        except RequestException:
            continue


def fallback_status(path, hosts):
    for host in hosts:
        r = requests.get(host + path)  # ok: the host that answers returns
        if r.status_code == 200:
            return r


def stop_on_error(path, hosts):
    for host in hosts:
        r = requests.post(host + path)  # want SNAT005
        if r.status_code != 200:
            return None


def fallback_else(hosts):
    for host in hosts:
        try:
            r = httpx.get(host)  # ok: the else clause returns on success
        except httpx.HTTPError:
            continue
        else:
            return r


def retry_with_backoff(url, delay):
    while True:
        try:
            return requests.get(url)  # ok: a retry with a wait is bounded
        except RequestException:
            time.sleep(delay)
            delay *= 2


def retry_without_wait(url):
    while True:
        try:
            return requests.get(url)  # want SNAT005
        except RequestException:
            pass


def poll_until_answered(url, delay):
    while True:
        r = requests.get(url)  # ok: polling that breaks once the service answers, with a wait
        if r.ok:
            break
        time.sleep(delay)


def poll_without_wait(url):
    while True:
        r = requests.get(url)  # want SNAT005
        if r.json()["status"] == "done":
            break


def poll_status_word(url, delay):
    while True:
        status = requests.get(url).json()["status"]  # ok: polling until "succeeded", with a wait
        if status in ("pending", "running"):
            time.sleep(delay)
            continue
        return status


def paginate(url, delay):
    while url:
        page = requests.get(url).json()  # want SNAT005
        url = page.get("next")
        time.sleep(delay)


def stop_on_flag(items):
    for item in items:
        requests.post("https://example.com", json=item)  # want SNAT005
        if item.last:
            break


def retry_helper():
    for attempt in range(MAX_RETRIES):
        try:
            return httpx.Client()  # ok: reported at the call sites
        except httpx.HTTPError:
            time.sleep(1)


def uses_retry_helper(items):
    for i in items:
        retry_helper()  # want SNAT002


def view_with_retry(request):
    for attempt in range(3):
        try:
            return requests.get("https://example.com")  # want SNAT005
        except RequestException:
            continue


# --- constant trip counts


def const_literal():
    for _ in range(3):
        httpx.Client()  # ok: three times


def const_named():
    for _ in range(MAX_RETRIES):
        requests.get("https://example.com")  # ok: module-level constant


def const_expr():
    for i in range(1, MAX_RETRIES + 1):
        requests.get("https://example.com")  # ok: range(1, 4)


def const_ten():
    for _ in range(10):
        requests.get("https://example.com")  # ok


def const_eleven():
    for _ in range(11):
        requests.get("https://example.com")  # want SNAT005


def const_named_large():
    for _ in range(MANY):
        requests.get("https://example.com")  # want SNAT005


def count_variable(n):
    for _ in range(n):
        requests.get("https://example.com")  # want SNAT005


def count_local():
    n = 3
    for _ in range(n):
        requests.get("https://example.com")  # want SNAT005


def literal_list():
    for h in ["https://a.example.com", "https://b.example.com", "https://c.example.com"]:
        requests.get(h)  # ok: a literal list of three


def literal_tuple_eleven():
    for h in ("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"):
        requests.get(h)  # want SNAT005


def named_list():
    for h in HOSTS:
        requests.get(h)  # want SNAT005


def enumerate_literal():
    for i, h in enumerate(("https://a.example.com", "https://b.example.com")):
        requests.get(h)  # ok: two


def while_counter():
    attempt = 0
    while attempt < MAX_RETRIES:
        requests.get("https://example.com")  # ok: three times
        attempt += 1


def while_counter_large():
    attempt = 0
    while attempt < 11:
        requests.get("https://example.com")  # want SNAT005
        attempt += 1


# --- paced loops: a constant wait of at least 2 s on every iteration


def paced(url):
    while True:
        requests.get(url)  # ok: paced at 30 s
        time.sleep(30)


def paced_named(url):
    while True:
        time.sleep(POLL_SECONDS)
        requests.get(url)  # ok: paced by a module-level constant


def paced_two(url):
    while True:
        requests.get(url)  # ok: 2 s is the threshold
        time.sleep(2.0)


async def apaced(url):
    while True:
        async with httpx.AsyncClient() as c:  # ok: paced at 5 s
            await c.get(url)
        await asyncio.sleep(5)


def paced_event(url):
    while not stop.wait(60):
        requests.get(url)  # ok: paced by Event.wait(60)


def paced_fast(url):
    while True:
        requests.get(url)  # want SNAT005
        time.sleep(FAST)


def paced_variable(url, interval):
    while True:
        requests.get(url)  # want SNAT005
        time.sleep(interval)


def paced_skipped(url):
    while True:
        r = requests.get(url)  # want SNAT005
        if r.status_code == 304:
            continue
        time.sleep(30)


def paced_in_branch(url, slow):
    while True:
        requests.get(url)  # want SNAT005
        if slow:
            time.sleep(30)


async def apaced_fast(url):
    while True:
        async with httpx.AsyncClient() as c:  # want SNAT002
            await c.get(url)
        await asyncio.sleep(0.5)


def message_loop(receiver):
    while True:
        msg = receiver.receive()
        requests.post("https://example.com", data=msg)  # want SNAT005


def message_loop_paced(receiver):
    while True:
        msg = receiver.receive()
        requests.post("https://example.com", data=msg)  # ok: paced at 5 s
        time.sleep(5)


# --- loops that run at most once


def runs_once(items):
    for i in items:
        return requests.get(i)  # ok: the body ends in a return


def runs_once_break(items):
    for i in items:
        c = httpx.Client()  # ok: the body ends in a break
        c.get(i)
        break


def once_both_branches(items):
    for i in items:
        if i:
            return requests.get(i)  # ok: every path leaves the loop
        else:
            raise ValueError(i)


def not_once(items):
    for i in items:
        c = httpx.Client()  # want SNAT002
        if c.get(i).ok:
            continue
        break


# --- comprehensions


def comp_const():
    return [httpx.Client() for _ in range(3)]  # ok: a constant count


def comp_discarded(urls):
    [requests.get(u) for u in urls]  # want SNAT005


def comp_results(urls):
    return [requests.get(u).json() for u in urls]  # want SNAT005


def comp_clients(hosts):
    return {h: httpx.Client(base_url=h) for h in hosts}  # ok: the returned collection holds the clients


def comp_clients_view(request):
    return comp_clients(HOSTS)  # want SNAT002


def comp_nested_loop(groups):
    for g in groups:
        clients = [httpx.Client(base_url=h) for h in g]  # want SNAT002
        clients[0].get("/")
