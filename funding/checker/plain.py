"""The words of a rich-text body as the checker reads them: one line per
paragraph, a table row per line with its cells separated by tabs, merged
cells spread so that every cell keeps its column (``spans``)."""

from __future__ import annotations

import html
import re

from django.utils.html import strip_tags

from .spans import fill_rowspans

_CELL = "\t"


def plain_text(body_html: str) -> str:
    """The words of a rich-text body, one line per paragraph (a table row
    per line, its cells separated by tabs)."""
    text = re.sub(
        r"(?i)<br\s*/?>|</(?:p|li|h\d|blockquote|tr|figcaption|caption)>",
        "\n",
        fill_rowspans(body_html),
    )
    text = _COLSPAN.sub(_spread, text)
    text = re.sub(r"(?i)</t[dh]>[ \t]*", _CELL, text)
    text = re.sub(r"(?i)<tr[^>]*>[ \t]*", "", text)
    return html.unescape(strip_tags(text)).replace("\u00a0", " ")


_COLSPAN = re.compile(
    r"(?is)<(?P<tag>t[dh])\b[^>]*\bcolspan\s*=\s*[\"']?(?P<n>\d+)[^>]*>(?P<body>.*?)</(?P=tag)>"
)


def _spread(match) -> str:
    """A cell spanning N columns, as N cells (so later columns line up)."""
    cell = f"<{match['tag']}>{match['body']}</{match['tag']}>"
    return cell * min(int(match["n"]), 20)
