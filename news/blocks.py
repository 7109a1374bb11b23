"""An article's data blocks on its page: each block built by ``funding``
from the figures its selection reads (all read in one query), and placed in
the body where the editor typed its marker; what a block's download lists."""

import re

from django.utils.safestring import mark_safe

from funding.api import BlockView, Figure, block_view

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
    figures = DataBlock.figures_of(blocks, every_fund=True)
    return [block_view(block, figures[block.pk]) for block in blocks]


def block_download(block) -> list[Figure]:
    """What a block's download lists: the stored figures it names, then
    those it shows derived (unsaved, their note saying how)."""
    selection = block.selection
    read = list(selection.figures(every_fund=True))
    named = [figure for figure in read if selection.matches(figure)]
    return named + block_view(block, read).derived_figures


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
