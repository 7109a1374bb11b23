from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .params import SearchQuery


def site(request):
    """Site name and the category menu.

    The menu is lazy: a page that never shows it (the error pages) never
    queries the database for it.
    """
    from .models import Category

    return {
        "site_name": settings.SITE_NAME,
        "search_max_length": SearchQuery.base_fields["q"].max_length,
        "nav_categories": SimpleLazyObject(lambda: list(Category.objects.all())),
    }
