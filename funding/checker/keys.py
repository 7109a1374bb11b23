"""A key for each quote that does not depend on where it stands, so that
an editor's binding stored under it survives edits elsewhere in the text."""

from __future__ import annotations

import re

from .report import Quote


def quote_keys(text: str, quotes: list[Quote]) -> list[str]:
    """A key for each quote that does not depend on where it stands: its
    number as printed, the three words either side, and which of the
    quotes with the same number and words it is. A binding stored under
    it survives edits elsewhere in the text."""
    keys, seen = [], {}
    for quote in quotes:
        line_start = text.rfind("\n", 0, quote.start) + 1
        line_end = text.find("\n", quote.end)
        line_end = len(text) if line_end < 0 else line_end
        before = _words_before(text, line_start, quote.start)
        after = _words_after(text, quote.end, line_end)
        number = " ".join(quote.text.lower().split())
        base = f"{quote.part}|{number}|{' '.join(before)}|{' '.join(after)}"
        seen[base] = seen.get(base, 0) + 1
        keys.append(f"{base}|{seen[base]}")
    return keys


_WORD = re.compile(r"[^\W\d_]+")
_KEY_WORDS = 3
# A window of the line, widened until it holds one word more than the key
# needs (the outermost may be cut by the window's edge) or the whole line:
# reading the whole line for each quote made a long paragraph quadratic.
_FIRST_WINDOW = 160


def _words_before(text: str, line_start: int, end: int) -> list[str]:
    width = _FIRST_WINDOW
    while True:
        start = max(line_start, end - width)
        words = _WORD.findall(text[start:end].lower())
        if start == line_start or len(words) > _KEY_WORDS:
            return words[-_KEY_WORDS:]
        width *= 4


def _words_after(text: str, start: int, line_end: int) -> list[str]:
    width = _FIRST_WINDOW
    while True:
        end = min(line_end, start + width)
        words = _WORD.findall(text[start:end].lower())
        if end == line_end or len(words) > _KEY_WORDS:
            return words[:_KEY_WORDS]
        width *= 4
