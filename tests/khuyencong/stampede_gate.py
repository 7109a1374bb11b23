"""Two middlewares for the stampede tests (test_pagecache_stampede.py),
around the page cache: ``Arrivals`` counts the requests that reached it,
``Gate`` holds every render until all the expected requests have arrived,
so that the others meet a page being rendered, whatever the machine's
speed."""

import threading

arrived = 0
expected = 0
everyone = threading.Event()
_lock = threading.Lock()


def reset(count: int) -> None:
    global arrived, expected
    with _lock:
        arrived, expected = 0, count
        everyone.clear()


def Arrivals(get_response):
    def middleware(request):
        global arrived
        with _lock:
            arrived += 1
            if expected and arrived >= expected:
                everyone.set()
        return get_response(request)

    return middleware


def Gate(get_response):
    def middleware(request):
        everyone.wait(timeout=20)
        return get_response(request)

    return middleware
