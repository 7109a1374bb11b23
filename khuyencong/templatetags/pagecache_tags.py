"""``{% page_shows … %}``: a template says what its page shows, for the
page cache to invalidate it when that changes (``khuyencong.pagecache``).

Each argument is a dependency key (``"articles"``) or a model instance,
named ``<model>:<pk>`` (an article: ``article:12``; a category:
``category:3``, the key of its lists). ``own=`` names the page's own
object: its key, and ``gone`` of it (no previous copy of the page stands in
once that object left the public)."""

from django import template

from khuyencong.pagecache import depends_on, gone

register = template.Library()


@register.simple_tag(takes_context=True)
def page_shows(context, *shown, own=None) -> str:
    request = context.get("request")
    if request is not None:
        depends_on(request, *(_key(item) for item in shown if item is not None))
        if own is not None:
            depends_on(request, _key(own), gone(_key(own)))
    return ""


def _key(item) -> str:
    return item if isinstance(item, str) else f"{item._meta.model_name}:{item.pk}"
