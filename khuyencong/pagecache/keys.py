"""What a page shows, named by *dependency keys*, and what a change touches.

A key is a short string: ``article:12`` (one article), ``category:3`` (the
lists of one category), ``articles`` (every list of articles), ``figures``
(every figure), ``figures:year=2021`` (the figures of one year),
``figure:345`` (one figure). The project imports no app, so the apps say
both sides from their ``AppConfig.ready()``:

- what a page shows: ``register_page_keys(view_name, function)`` (called
  after the view rendered, with the request and the URL's keyword
  arguments), and ``depends_on(request, *keys)`` from a view or a template
  tag;
- what a change touches: ``connect(model, keys=function)`` for saves and
  deletions, or ``changed(keys=…)`` for bulk writes.

A page's *own* object (the article of an article's page) also names
``gone(key)``, which a change touches when the object leaves the public
(withdrawn, deleted, moved to another address): the previous copy of such a
page is never served while it renders again (``middleware``).

Every change also touches ``ANY``, the key of a page that says nothing of
what it shows: such a page renders afresh after any change, as every page
did before dependency keys.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

ANY = "any"
GONE = "gone:"


def gone(key: str) -> str:
    """The key a change touches when what ``key`` names left the public."""
    return GONE + key


_page_keys: dict[str, list[Callable]] = {}


def register_page_keys(view_name: str, function: Callable) -> None:
    """Have the pages of the URL named ``view_name`` (``"news:article"``)
    depend on what ``function(request, **url_kwargs)`` returns."""
    functions = _page_keys.setdefault(view_name, [])
    if function not in functions:
        functions.append(function)


def depends_on(request, *keys: str) -> None:
    """Record that the page rendered for ``request`` shows ``keys``."""
    request.__dict__.setdefault("_pagecache_keys", set()).update(keys)


def page_keys(request) -> frozenset[str]:
    """What the page rendered for ``request`` shows; ``ANY`` when nothing
    says (an unknown page is stale after every change)."""
    keys = set(request.__dict__.get("_pagecache_keys", ()))
    match = getattr(request, "resolver_match", None)
    functions = _page_keys.get(match.view_name, ()) if match else ()
    for function in functions:
        keys.update(function(request, **match.kwargs))
    if not keys:
        keys.add(ANY)
    return frozenset(keys)


def joined(keys: Iterable[str] | None) -> str:
    """``keys`` as stored on a change: one a line; "" for everything."""
    if keys is None:
        return ""
    return "\n".join(sorted({*keys, ANY}))


def split(stored: str) -> set[str] | None:
    """The keys a change stored, or None for everything."""
    return set(stored.split("\n")) if stored else None
