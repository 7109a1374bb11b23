import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

from khuyencong.addresses import fixed
from news.images.body import BODY_SIZES
from news.images.renditions import picture_or_none
from news.site.chrome import footer, menu

register = template.Library()


@register.filter
def jsonld(value) -> str:
    """Serialise ``value`` for a ``<script type="application/ld+json">`` block,
    escaped as ``json_script`` does so text cannot close the script early."""
    text = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(_json_script_escapes))


@register.simple_tag
def fixed_url(name: str) -> str:
    """``{% url name %}`` for an address without arguments, reversed once
    (``khuyencong.addresses``)."""
    return fixed(name)


@register.simple_tag(takes_context=True)
def absolute(context, url: str) -> str:
    """``url`` made absolute against the current request."""
    return context["request"].build_absolute_uri(url)


#: How wide pictures are shown, per place (``picture`` tag).
PICTURE_SIZES = {
    "article": BODY_SIZES,
    "card": "(min-width: 64rem) 23rem, (min-width: 40rem) 50vw, calc(100vw - 2rem)",
}


@register.inclusion_tag("includes/picture.html")
def picture(image, place="article", ratio=None, loading="lazy", css_class=""):
    """A library image as ``<picture>`` of its renditions (WebP, JPEG),
    cropped to ``ratio`` ("16x9") around its focal point when given."""
    return {
        "picture": picture_or_none(image, ratio) if image else None,
        "sizes": PICTURE_SIZES[place],
        "loading": loading,
        "css_class": css_class,
    }


@register.simple_tag
def cover_picture(article):
    """The article's cover renditions (``Picture``), or None."""
    return picture_or_none(article.cover) if article.cover_id else None


@register.simple_tag
def site_footer() -> str:
    """The site's footer (``news.site.chrome.footer``: rendered once per
    site version)."""
    return mark_safe(footer())


@register.simple_tag(takes_context=True)
def site_menu(context) -> str:
    """The main menu (``news.site.chrome.menu``), this page's link marked."""
    request, category = context.get("request"), context.get("category")
    return mark_safe(
        menu(request.path if request else None, getattr(category, "pk", None))
    )
