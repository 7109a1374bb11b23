"""Text pasted from a PDF breaks its lines inside sentences ("… quý IV giải
ngân\\n1.111.100.000 đồng do …", "… kinh phí giải ngân năm 2024 tăng\\n51,78%
…"). Such a soft break is read as a space: the sentence, its clause and the
words right before a number run on across it. A break stays one after a
sentence's end, before a capital, a bullet or a numbered item ("3. Kết
quả …"), and around a table's rows (tabs, "|")."""

from __future__ import annotations

import re

_BREAK = re.compile(r"(?<=[^\s])[^\S\n]*\n(?=[^\S\n]*[^\s])")
_ITEM = re.compile(r"\d+[.)](?:\s|$)")


def _line_at(text: str, at: int) -> tuple[str, str]:
    """The line ending at the break ``at`` and the one starting after it."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at + 1)
    return text[start:at], text[at + 1 : end if end >= 0 else len(text)]


def _soft(before: str, after: str) -> bool:
    if any(mark in line for line in (before, after) for mark in ("\t", "|")):
        return False
    last, rest = before.rstrip()[-1:], after.lstrip()
    first = rest[:1]
    if first.isalpha():
        return first.islower() and (last.isalnum() or last == ",")
    # a number that goes on a sentence: after a word, not a numbered item
    return first.isdigit() and last.isalpha() and not _ITEM.match(rest)


def joined_lines(read: str) -> str:
    """``read`` with its soft line breaks as spaces (same length: every
    position stays where it was); a ``Copy`` or ``Marked`` stays one, with its map."""
    if "\n" not in read:
        return read
    chars = list(read)
    for match in _BREAK.finditer(read):
        at = read.index("\n", match.start())
        if _soft(*_line_at(read, at)):
            chars[at] = " "
    text = "".join(chars)
    return read if text == read else same_kind(read, text)


def same_kind(read: str, text: str) -> str:
    """``text``, a rewrite of ``read`` of the same length, as a ``Copy`` or
    ``Marked`` when ``read`` is one, with what it knows (its map)."""
    if type(read) is str:
        return text
    copy = type(read)(text)
    copy.__dict__.update(read.__dict__)
    return copy
