"""Readers see what a number in the text is: each number the checker read
as a figure of the data links to that figure's page, like the numbers in
the tables.

The links are put in when the page's parts are computed
(``news.snapshots``, when the article or what it shows changes), from the
quotes recorded when the article was last checked (``CheckedQuote``): the
sanitised body in the database is never changed. A quote is found again by its offset in the
body's plain text (``funding.api.plain_text``, the text the checker read),
and linked only where the words there are still the quoted ones; the
markup comes from a template.
"""

import html
import re
from collections.abc import Iterable

from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .figures import CheckedQuote

TAG = re.compile(r"(<[^>]*>)")
#: The tags ``plain_text`` turns into a line break (one character).
BREAK = re.compile(r"(?i)<br\s*/?>|</(?:p|li|h\d|blockquote|tr|figcaption)>")
LINK_OPEN = re.compile(r"(?i)<a[\s>]")
LINK_CLOSE = re.compile(r"(?i)</a\s*>")
TEMPLATE = "news/includes/quoted_figure.html"


def linked_quotes(article) -> dict[str, list[CheckedQuote]]:
    """The article's quotes a reader's link can lead from, by part, in
    order (one query, with each figure's source)."""
    parts: dict[str, list[CheckedQuote]] = {}
    quotes = (
        CheckedQuote.objects.filter(article=article, figure__isnull=False)
        .select_related("figure__source", "figure__indicator")
        .order_by("part", "start")
    )
    for quote in quotes:
        parts.setdefault(quote.part, []).append(quote)
    return parts


def _link(text: str, quote: CheckedQuote) -> str:
    return render_to_string(TEMPLATE, {"text": text, "quote": quote}).strip()


def _linked_text(raw: str, offset: int, quotes: list[CheckedQuote]) -> str:
    """A run of text between tags (``raw``, as in the HTML), starting at
    ``offset`` of the plain text, with the quotes inside it linked."""
    words = html.unescape(raw)
    plain = words.replace("\u00a0", " ")
    pieces, position = [], 0
    for quote in quotes:
        start, end = quote.start - offset, quote.end - offset
        if start < position or end > len(plain) or plain[start:end] != quote.text:
            continue  # the text moved since it was checked: no link
        pieces += [escape(words[position:start]), _link(words[start:end], quote)]
        position = end
    if not pieces:
        return raw
    return "".join(pieces) + escape(words[position:])


def link_figures(body_html: str, quotes: Iterable[CheckedQuote]) -> SafeString:
    """``body_html`` (sanitised) with each quote of ``quotes`` (offsets in
    its plain text) a link to its figure; text already in a link is left."""
    waiting = sorted(quotes, key=lambda q: q.start)
    if not waiting:
        return mark_safe(body_html)
    out, offset, in_link = [], 0, 0
    for token in TAG.split(body_html):
        if token.startswith("<") and token.endswith(">"):
            out.append(token)
            offset += 1 if BREAK.fullmatch(token) else 0
            in_link += 1 if LINK_OPEN.match(token) else 0
            in_link -= 1 if LINK_CLOSE.match(token) and in_link else 0
            continue
        length = len(html.unescape(token))
        inside = [q for q in waiting if offset <= q.start and q.end <= offset + length]
        out.append(
            _linked_text(token, offset, inside) if inside and not in_link else token
        )
        offset += length
    return mark_safe("".join(out))


def link_lead(lead: str, quotes: Iterable[CheckedQuote]) -> SafeString:
    """The lead (plain text), escaped, with its quotes linked."""
    return link_figures(escape(lead), quotes)
