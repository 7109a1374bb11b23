"""Two versions of an article compared as a reader sees them: the body's
text by paragraph (headings, list items, captions, a photo's description),
never its HTML source, with the words taken out and put in marked; the
title, the lead and the other fields beside it.

Python's ``difflib`` does the matching; the template
(``admin/news/article/compare.html``) does the markup.
"""

import difflib
from dataclasses import dataclass
from html.parser import HTMLParser

from django.utils.translation import gettext as _

from khuyencong.history_display import shown

#: Elements that start a paragraph of their own as a reader sees it.
BLOCKS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption",
    "pre", "tr", "div", "figure", "table", "ul", "ol", "hr",
}  # fmt: skip


class _Paragraphs(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._current: list[str] = []

    def _end(self):
        text = " ".join("".join(self._current).split())
        if text:
            self.paragraphs.append(text)
        self._current = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self._end()
        elif tag == "br":
            self._current.append(" ")
        elif tag == "img":
            alt = dict(attrs).get("alt") or ""
            self._end()
            self.paragraphs.append(_("[Ảnh: %s]") % alt if alt else _("[Ảnh]"))

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self._end()

    def handle_data(self, data):
        self._current.append(data)


def paragraphs(html: str) -> list[str]:
    """The text of sanitised ``html`` as a reader reads it, by paragraph."""
    parser = _Paragraphs()
    parser.feed(html or "")
    parser.close()
    parser._end()
    return parser.paragraphs


@dataclass
class Row:
    """One line of the side-by-side view: ``old`` and ``new`` as pieces
    ``(text, marked)``; ``kind`` is equal, changed, added or removed."""

    kind: str
    old: list[tuple[str, bool]]
    new: list[tuple[str, bool]]


def _joined(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Pieces with a plain space between them (outside any mark)."""
    out = []
    for piece in pieces:
        if out:
            out.append((" ", False))
        out.append(piece)
    return out


def word_diff(old: str, new: str) -> tuple[list, list]:
    """``old`` and ``new`` as pieces, the runs of words that differ marked
    (words compared, spacing as a reader sees it: one space)."""
    a, b = old.split(), new.split()
    left, right = [], []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if i2 > i1:
            left.append((" ".join(a[i1:i2]), op != "equal"))
        if j2 > j1:
            right.append((" ".join(b[j1:j2]), op != "equal"))
    return _joined(left), _joined(right)


def _changed_block(old: list[str], new: list[str]) -> list[Row]:
    rows = []
    for index in range(max(len(old), len(new))):
        if index >= len(new):
            rows.append(Row("removed", [(old[index], True)], []))
        elif index >= len(old):
            rows.append(Row("added", [], [(new[index], True)]))
        else:
            rows.append(Row("changed", *word_diff(old[index], new[index])))
    return rows


def compare_texts(old: list[str], new: list[str]) -> list[Row]:
    """Paragraph lists side by side: paragraphs kept, taken out, put in, and
    those rewritten with their changed words marked."""
    rows = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            rows += [
                Row("equal", [(text, False)], [(text, False)]) for text in old[i1:i2]
            ]
        else:
            rows += _changed_block(old[i1:i2], new[j1:j2])
    return rows


#: The fields compared beside the body, in the form's order.
FIELDS = [
    "title", "lead", "category", "slug", "status", "published_at",
    "unpublish_at", "author", "byline", "is_featured", "cover_image",
    "cover_alt", "cover_caption",
]  # fmt: skip


def _value(record, name) -> str:
    field = record.instance_type._meta.get_field(name)
    if field.is_relation:
        related = getattr(record, name, None)
        return shown(str(related) if related is not None else None)
    return shown(getattr(record, field.attname), field)


def compare_versions(old, new) -> dict:
    """Two historical records of an article: ``fields`` (label, rows, changed)
    for the fields and ``body`` (rows) for the body."""
    fields = []
    for name in FIELDS:
        label = record_label(old, name)
        before, after = _value(old, name), _value(new, name)
        fields.append(
            {
                "label": label,
                "changed": before != after,
                "rows": compare_texts([before], [after]),
            }
        )
    body = compare_texts(paragraphs(old.body), paragraphs(new.body))
    return {
        "fields": fields,
        "body": body,
        "body_changed": any(row.kind != "equal" for row in body),
    }


def record_label(record, name) -> str:
    return str(record.instance_type._meta.get_field(name).verbose_name)
