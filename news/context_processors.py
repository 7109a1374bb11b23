from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .params import SearchQuery
from .site.chrome import chrome


def site(request):
    """Site name, the agency's details and the menus (``news.site.chrome``).

    Lazy: a page that never shows them (the error pages) never reads them.
    """
    return {
        "site_name": settings.SITE_NAME,
        "search_max_length": SearchQuery.base_fields["q"].max_length,
        "site_chrome": SimpleLazyObject(chrome),
    }
