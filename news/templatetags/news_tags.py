import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def jsonld(value) -> str:
    """Serialise ``value`` for a ``<script type="application/ld+json">`` block,
    escaped as ``json_script`` does so text cannot close the script early."""
    text = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(_json_script_escapes))


@register.simple_tag(takes_context=True)
def absolute(context, url: str) -> str:
    """``url`` made absolute against the current request."""
    return context["request"].build_absolute_uri(url)
