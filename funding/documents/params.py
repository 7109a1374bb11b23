"""The query parameters of the documents list (rule: ``khuyencong.params``)."""

from django.utils.translation import gettext_lazy as _

from khuyencong.params import (
    ChoiceParameter,
    IntegerParameter,
    PageQuery,
    TextParameter,
)

from .models import SourceDocument

FIRST_YEAR, LAST_YEAR = 1945, 2100


class DocumentQuery(PageQuery):
    """``q`` words sought (without diacritics if need be), ``loai`` a kind,
    ``co_quan`` an issuing agency as written, ``nam`` the year of issue."""

    q = TextParameter(_("Từ khóa"))
    loai = ChoiceParameter(_("Loại văn bản"), choices=SourceDocument.Kind.choices)
    co_quan = TextParameter(
        _("Cơ quan ban hành"),
        max_length=SourceDocument._meta.get_field("issuer").max_length,
    )
    nam = IntegerParameter(_("Năm ban hành"), min_value=FIRST_YEAR, max_value=LAST_YEAR)
