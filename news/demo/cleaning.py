"""Turn a captured news page (plain text) into a clean article.

The capture of the seed article has page chrome around the story (the
category label above the title, footer and share-button leftovers below it),
a photo of which only the caption line survived, and words damaged by a bad
encoding. Each repair is listed here so it can be reviewed.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.html import escape

# Words broken by a wrong code page in the capture, and what they were.
ENCODING_REPAIRS = {
    "h[n": "hơn",
    "v[í": "với",
}

# Lines that belong to the page around the story, not to the story.
CHROME_LINES = {
    "tin tức",
    "chung nhan tin nhiem mang",
    "zalo",
    "news_detail-news",
}


@dataclass
class CleanArticle:
    title: str
    lead: str
    body_html: str
    photo_caption: str


def _is_photo_caption(paragraph: str) -> bool:
    # The caption of a lost photo: a short line naming who is pictured,
    # "... phát biểu tại Hội nghị." and the like.
    return len(paragraph) < 160 and "phát biểu" in paragraph


def clean_capture(raw: str) -> CleanArticle:
    """Split and repair a captured page into title, lead, body and caption."""
    text = unicodedata.normalize("NFC", raw)
    for broken, fixed in ENCODING_REPAIRS.items():
        text = text.replace(broken, fixed)
    paragraphs = [re.sub(r"[ \t\u00a0]+", " ", p).strip() for p in text.splitlines()]
    paragraphs = [p for p in paragraphs if p and p.lower().rstrip() not in CHROME_LINES]
    title, lead, *rest = paragraphs
    caption = next((p for p in rest if _is_photo_caption(p)), "")
    body = [p for p in rest if p != caption]
    body_html = "".join(f"<p>{escape(p)}</p>" for p in body)
    return CleanArticle(
        title=title, lead=lead, body_html=body_html, photo_caption=caption
    )
