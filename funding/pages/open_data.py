"""Every stored figure as one CSV (``/so-lieu/du-lieu.csv``), and the page
describing its columns (``/so-lieu/du-lieu/``).

Only stored figures: a figure derived from others (a fund triple's third,
a ratio) is for the pages and their downloads, which say how it was
computed.
"""

from operator import itemgetter

from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from ..core import exports
from ..core.models import Area, Figure, Indicator, ProgrammeContent, SourceDocument

OPEN_DATA_COLUMNS = [
    ("id", _("Mã số liệu (ổn định, dùng để trích dẫn)")),
    ("chi_tieu", _("Chỉ tiêu (kinh phí khuyến công, doanh thu tư vấn…)")),
    ("don_vi", _("Đơn vị của giá trị: đồng, hoặc số lượng")),
    (
        "ma_dia_ban",
        _(
            "Mã địa bàn (mã tỉnh theo danh mục hành chính; tỉnh trước sáp nhập 2025 có hậu tố -truoc-2025)"
        ),
    ),
    ("dia_ban", _("Tên địa bàn")),
    ("loai_dia_ban", _("Cả nước, khu vực, hoặc tỉnh/thành phố")),
    (
        "nguon_kinh_phi",
        _("Tất cả nguồn, khuyến công quốc gia (KCQG) hoặc địa phương (KCĐP)"),
    ),
    ("noi_dung", _("Nội dung chương trình, hoặc tất cả nội dung")),
    ("nam", _("Năm")),
    ("ky", _("Kỳ: cả năm, các tháng đầu năm, hoặc đến ngày")),
    ("het_ky", _("Ngày cuối của kỳ (YYYY-MM-DD)")),
    ("loai_so_lieu", _("Kế hoạch, thực hiện hoặc ước thực hiện")),
    ("gia_tri", _("Giá trị chính xác, theo đơn vị")),
    ("lam_tron", _("Bước làm tròn khi công bố (0: chính xác)")),
    ("nguon", _("Văn bản/bài viết nguồn")),
    ("nguon_url", _("Đường dẫn đến nguồn")),
    ("ghi_chu", _("Ghi chú")),
]

COLUMN_DIMENSIONS = (
    "indicator", "area", "fund", "content", "year", "period_kind", "period_end", "measure",
)  # fmt: skip
UNITS = {Indicator.Unit.VND: "đồng", Indicator.Unit.COUNT: "số lượng"}


class OpenDataView(TemplateView):
    template_name = "funding/open_data.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            columns=OPEN_DATA_COLUMNS, count=Figure.objects.count(), **kwargs
        )


def dimension_cells() -> dict[str, dict]:
    """Each dimension's cells by id (or code), ready to write: the small
    tables are read once and joined here, text neutralised once per value,
    and choice labels (lazy translations) turned into text once."""
    neutral = exports.neutralise
    area_kinds = {kind: str(label) for kind, label in Area.Kind.choices}
    return {
        "indicator": {
            pk: (neutral(name), UNITS.get(unit, unit))
            for pk, name, unit in Indicator.objects.values_list("pk", "name", "unit")
        },
        "area": {
            pk: (neutral(code), neutral(name), area_kinds[kind])
            for pk, code, name, kind in Area.objects.values_list(
                "pk", "code", "short_name", "kind"
            )
        },
        "content": {
            pk: neutral(name)
            for pk, name in ProgrammeContent.objects.values_list("pk", "name")
        },
        "source": {
            pk: (neutral(title), neutral(url))
            for pk, title, url in SourceDocument.objects.values_list(
                "pk", "title", "url"
            )
        },
        "fund": {code: str(label) for code, label in Figure.Fund.choices},
        "period_kind": {kind: str(label) for kind, label in Figure.PeriodKind.choices},
        "measure": {code: str(label) for code, label in Figure.Measure.choices},
    }


def open_data_rows(cells: dict[str, dict]):
    """One row per figure, in ``OPEN_DATA_COLUMNS``' order, read from the
    database in chunks (constant memory)."""
    figures = (
        Figure.objects.order_by("pk")
        .values_list(
            "pk", *Figure.key_columns(), "value", "rounding", "source_id", "note"
        )
        .iterator(chunk_size=10000)
    )
    # The key's fields in the columns' order, wherever KEY_FIELDS has them.
    dimensions = itemgetter(
        *(Figure.KEY_FIELDS.index(name) for name in COLUMN_DIMENSIONS)
    )
    for pk, *key, value, rounding, source, note in figures:
        indicator, area, fund, content, year, kind, end, measure = dimensions(key)
        yield (
            pk, *cells["indicator"][indicator], *cells["area"][area],
            cells["fund"][fund], cells["content"][content], year,
            cells["period_kind"][kind], end.isoformat(), cells["measure"][measure],
            exports.plain_number(value), exports.plain_number(rounding),
            *cells["source"][source], exports.neutralise(note),
        )  # fmt: skip


@require_safe
def open_data_csv(request):
    """Every figure with its dimensions, streamed."""
    return exports.stream_csv(
        [column for column, _description in OPEN_DATA_COLUMNS],
        open_data_rows(dimension_cells()),
        "so-lieu-khuyen-cong",
        prepared=True,
    )
