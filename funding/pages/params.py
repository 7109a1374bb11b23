"""The query parameters of the figures pages (rule: ``khuyencong.params``)."""

from django.utils.translation import gettext_lazy as _

from khuyencong.params import (
    ChoiceParameter,
    IntegerParameter,
    QueryForm,
    SlugParameter,
)

from ..core.models import Area, Figure
from ..core.periods import FIRST_YEAR, LAST_YEAR

DOWNLOAD_FORMATS = [("csv", "CSV"), ("xlsx", "XLSX")]


class TableQuery(QueryForm):
    """A table of figures: its year, funding source and download format."""

    year = IntegerParameter(_("Năm"), min_value=FIRST_YEAR, max_value=LAST_YEAR)
    source = ChoiceParameter(_("Nguồn kinh phí"), choices=Figure.Fund.choices)
    format = ChoiceParameter(_("Định dạng tải về"), choices=DOWNLOAD_FORMATS)


class OverviewQuery(TableQuery):
    area = SlugParameter(
        _("Địa bàn"), max_length=Area._meta.get_field("code").max_length
    )
