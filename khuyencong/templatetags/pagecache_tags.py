"""``{% page_shows … %}``: a template says what its page shows, for the
page cache to invalidate it when that changes (``khuyencong.pagecache``).

Each argument is a dependency key (``"articles"``) or a model instance,
named ``<model>:<pk>`` (an article: ``article:12``; a category:
``category:3``, the key of its lists)."""

from django import template

from khuyencong.pagecache import depends_on

register = template.Library()


@register.simple_tag(takes_context=True)
def page_shows(context, *shown) -> str:
    request = context.get("request")
    if request is not None:
        depends_on(
            request,
            *(
                item if isinstance(item, str) else f"{item._meta.model_name}:{item.pk}"
                for item in shown
                if item is not None
            ),
        )
    return ""
