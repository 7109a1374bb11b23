from django.http import HttpResponse


def bench_bytes(request, size: int):
    """The load benchmark's yardstick: the least a Django view can do,
    returning ``size`` bytes through the same middleware."""
    return HttpResponse(
        b"x" * min(size, 5_000_000), content_type="text/html; charset=utf-8"
    )
