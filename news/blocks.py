"""An article's data blocks on its page: each block built by ``funding``
from the figures its selection names (all read in one query), and placed in
the body where the editor typed its marker."""

import re

from django.utils.safestring import mark_safe

from funding.api import BlockView, build_block

from .figures import DataBlock

MARKER = re.compile(
    r"<p>\s*\[\s*b[aả]ng[\s-]*s[oố][\s-]*li[eệ]u\s*:\s*(\d+)\s*\]\s*</p>", re.IGNORECASE
)


def article_blocks(article) -> list[BlockView]:
    """The article's blocks, in order, with their figures (read in one
    query for all of them)."""
    blocks = list(
        DataBlock.objects.filter(article=article).prefetch_related(
            "areas", "indicators", "sources"
        )
    )
    figures = DataBlock.figures_of(blocks)
    return [build_block(block, figures[block.pk]) for block in blocks]


def split_body(body_html: str, views: list[BlockView]) -> list[tuple[str, object]]:
    """The body in pieces: ("html", text) and ("block", view) where a marker
    placed a block; the blocks no marker placed follow at the end."""
    by_pk = {view.block.pk: view for view in views}
    pieces, placed, position = [], set(), 0
    for match in MARKER.finditer(body_html):
        view = by_pk.get(int(match.group(1)))
        pieces.append(("html", mark_safe(body_html[position : match.start()])))
        if view is not None and view.block.pk not in placed:
            pieces.append(("block", view))
            placed.add(view.block.pk)
        position = match.end()
    pieces.append(("html", mark_safe(body_html[position:])))
    pieces.extend(("block", v) for v in views if v.block.pk not in placed)
    return [(kind, value) for kind, value in pieces if kind == "block" or value.strip()]
