"""The headers Django's ``SecurityMiddleware`` and ``XFrameOptionsMiddleware``
give every response (nosniff, referrer and opener policies, frames, HSTS
over HTTPS), written by the portal's CSP layer, beneath them, with the
values those layers compute, already checked. Both stay in ``MIDDLEWARE``
(the deployment checks look for them) and do the same work for the
responses that do not pass the CSP layer (static files, 304s); for the
others they find their headers there and leave them as they are, as they
leave a header a view set. Through the mapping each header cost a failed
look-up (a ``KeyError`` raised and caught) and a check of its value on
every response.
"""

from django.http import HttpRequest, HttpResponse
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.middleware.security import SecurityMiddleware

XFRAME = "x-frame-options"


def _unused(request):  # the layers are asked for their response hook only
    return None


def _given(secure: bool) -> dict[str, tuple[str, str]]:
    """What the two layers add to an empty response, by stored (lower-case)
    name, for a request over HTTPS or not."""
    request = HttpRequest()
    request.is_secure = lambda: secure
    response = HttpResponse()
    before = set(response.headers._store)
    SecurityMiddleware(_unused).process_response(request, response)
    XFrameOptionsMiddleware(_unused).process_response(request, response)
    store = response.headers._store
    return {key: store[key] for key in store if key not in before}


class FixedHeaders:
    """The two layers' headers, read from them once (when the CSP layer
    starts: the settings do not change while the process runs)."""

    def __init__(self):
        secure, plain = _given(True), _given(False)
        self.always = [item for item in plain.items() if item[0] != XFRAME]
        self.secure = [item for item in secure.items() if item[0] not in plain]
        self.xframe = plain.get(XFRAME)

    def add(self, request, response) -> None:
        """Those of the headers ``response`` does not have yet."""
        store = response.headers._store
        for key, pair in self.always:
            if key not in store:
                store[key] = pair
        if (
            self.xframe is not None
            and XFRAME not in store
            and not getattr(response, "xframe_options_exempt", False)
        ):
            store[XFRAME] = self.xframe
        if self.secure and request.is_secure():
            for key, pair in self.secure:
                if key not in store:
                    store[key] = pair
