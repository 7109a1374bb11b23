"""Two middlewares for the stampede tests (test_pagecache_stampede.py),
around the page cache: ``Arrivals`` counts the requests that reached it
and those it answered with the previous copy; ``Gate`` holds every render
until all the expected requests have arrived and, when asked, until the
others were answered with the previous copy, so that they meet a page
being rendered whatever the machine's speed (a render that no longer
waits for them would let the slowest find the new page)."""

import threading

arrived = 0
expected = 0
answered_stale = 0
expected_stale = 0
everyone = threading.Event()
others_answered = threading.Event()
_lock = threading.Lock()


def reset(count: int, *, stale: int = 0) -> None:
    global arrived, expected, answered_stale, expected_stale
    with _lock:
        arrived, expected = 0, count
        answered_stale, expected_stale = 0, stale
        everyone.clear()
        if stale:
            others_answered.clear()
        else:
            others_answered.set()


def Arrivals(get_response):
    def middleware(request):
        global arrived, answered_stale
        with _lock:
            arrived += 1
            if expected and arrived >= expected:
                everyone.set()
        response = get_response(request)
        if response.get("X-Page-Cache") == "stale":
            with _lock:
                answered_stale += 1
                if answered_stale >= expected_stale:
                    others_answered.set()
        return response

    return middleware


def Gate(get_response):
    def middleware(request):
        everyone.wait(timeout=20)
        others_answered.wait(timeout=20)
        return get_response(request)

    return middleware
