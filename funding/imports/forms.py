"""The admin's import forms: the file, the source of its figures and how
to read it, carried from the upload to the confirmation."""

import os
import re
from datetime import date

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from import_export.forms import ConfirmImportForm, ImportForm

from khuyencong.signing import sign_for, unsign_for
from khuyencong.text import vietnamese_sort_key

from ..core.models import Area, SourceDocument
from ..core.periods import FIRST_YEAR, LAST_YEAR
from .mapping import MappingError, column_maps_of
from .spool import MAX_AGE_SECONDS


class AreasInVietnameseOrder(forms.models.ModelChoiceIterator):
    """Provinces, then regions, each in Vietnamese alphabetical order ("Bắc
    Giang" before "Cà Mau", "Đà Nẵng" after "Dak"), which no database collates."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        areas = sorted(
            self.queryset,
            key=lambda area: (
                area.kind,
                vietnamese_sort_key(area.short_name),
                area.valid_from or date.min,
            ),
        )
        for area in areas:
            yield self.choice(area)


class AreaChoiceField(forms.ModelChoiceField):
    iterator = AreasInVietnameseOrder


class ImportOptionsMixin(forms.Form):
    """What the import needs beyond the file: the source of its figures and
    how to read it; carried from the upload to the confirmation."""

    source = forms.ModelChoiceField(
        queryset=SourceDocument.objects.all(),
        label=_("Nguồn số liệu (văn bản, báo cáo)"),
    )
    sheet = forms.CharField(
        label=_("Trang (để trống: trang có số liệu)"), required=False
    )
    header_row = forms.IntegerField(
        label=_("Dòng tiêu đề (để trống: tự tìm)"), required=False, min_value=1
    )
    year = forms.IntegerField(
        label=_("Năm của báo cáo (để trống: theo tiêu đề hoặc tên trang)"),
        required=False,
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        help_text=_("Nếu tệp ghi năm khác, tệp bị từ chối."),
    )
    area = AreaChoiceField(
        queryset=Area.objects.all(),
        label=_("Địa bàn của báo cáo (để trống: theo tệp)"),
        required=False,
        help_text=_(
            "Dùng khi cả trang là của một tỉnh mà tệp không ghi tên tỉnh. Nếu tệp ghi "
            "địa bàn khác, tệp bị từ chối."
        ),
    )
    map_columns = forms.CharField(
        label=_("Cột ánh xạ (ví dụ: H=Thực hiện/KCQG; I=Kế hoạch/KCĐP)"),
        required=False,
        help_text=_(
            "Một cột có số mà hệ thống không hiểu tiêu đề (ví dụ “Kinh phí đã cấp”): ghi "
            "chữ cái của cột, loại số liệu (Kế hoạch, Thực hiện, Ước thực hiện) và nguồn "
            "(KCQG, KCĐP, Tất cả) để đọc cột đó. Với bảng ghi nguồn ở cột “Nguồn kinh "
            "phí”, nguồn ghi ở đây phải khớp nguồn của từng dòng (hoặc để trống). Bảng "
            "dài (có cột “Loại số liệu” và “Giá trị”) không dùng ô này."
        ),
    )
    ignore_columns = forms.CharField(
        label=_("Cột không dùng (ví dụ: J, K)"),
        required=False,
        help_text=_(
            "Một cột có số mà hệ thống không hiểu làm dừng việc nhập; ghi chữ cái của "
            "cột nếu bạn xác nhận không cần cột đó."
        ),
    )
    confirm_warnings = forms.BooleanField(
        label=_(
            "Tôi đã xem các cảnh báo (tổng không khớp, giá trị bất thường, cột không dùng) "
            "và vẫn muốn nhập"
        ),
        required=False,
    )

    def clean_map_columns(self) -> str:
        text = self.cleaned_data.get("map_columns") or ""
        try:
            column_maps_of(text)
        except MappingError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return text

    def clean_ignore_columns(self) -> str:
        text = self.cleaned_data.get("ignore_columns") or ""
        column_letters_of(text)
        return text


def column_letters_of(text: str) -> frozenset[str]:
    """ "J, k;L" → {"J", "K", "L"}; anything else is a form error."""
    letters = [
        part.strip().upper()
        for part in re.split(r"[,;\s]+", text or "")
        if part.strip()
    ]
    if any(not re.fullmatch(r"[A-Z]{1,3}", letter) for letter in letters):
        raise forms.ValidationError(
            _("Ghi chữ cái của cột, cách nhau bởi dấu phẩy: J, K.")
        )
    return frozenset(letters)


class FigureImportForm(ImportOptionsMixin, ImportForm):
    field_order = [
        "import_file",
        "source",
        "sheet",
        "header_row",
        "year",
        "area",
        "map_columns",
        "ignore_columns",
        "confirm_warnings",
        "format",
    ]

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.fields["import_file"].label = _("Tệp XLSX, ODS hoặc CSV")
        self.fields["import_file"].widget.attrs["accept"] = ".xlsx,.ods,.csv,.txt"
        self.fields["import_file"].error_messages["required"] = _("Hãy chọn tệp.")
        self.fields["format"].label = _("Định dạng")
        self.fields["resource"].label = _("Loại dữ liệu")

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > settings.IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("Tệp quá lớn (tối đa %(mb)s MB).")
                % {"mb": settings.IMPORT_MAX_BYTES // 2**20}
            )
        return upload


#: The salt of the signed name of the upload kept for the confirmation.
UPLOAD_SALT = "funding.imports.upload"


def sign_upload(name: str, *, user_id) -> str:
    """The kept upload's name for the confirmation form, signed for the user
    who previewed it, so no one else can confirm it by learning its name."""
    return sign_for(user_id, name, salt=UPLOAD_SALT)


class FigureConfirmImportForm(ImportOptionsMixin, ConfirmImportForm):
    """``user`` (the requester) must be the one the kept upload's name was
    signed for; any other value is the error coded ``expired``."""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        for name in (
            "source",
            "sheet",
            "header_row",
            "year",
            "area",
            "map_columns",
            "ignore_columns",
            "confirm_warnings",
        ):
            self.fields[name].widget = forms.HiddenInput()

    def clean_import_file_name(self) -> str:
        # A preview older than a day has lost its kept upload and plan (the
        # spool sweeps them), so its signature lasts as long.
        name = unsign_for(
            getattr(self.user, "pk", None),
            self.cleaned_data["import_file_name"],
            salt=UPLOAD_SALT,
            max_age=MAX_AGE_SECONDS,
        )
        if not isinstance(name, str):
            raise forms.ValidationError(
                _("Tệp xem trước đã hết hạn; hãy tải lên lại."), code="expired"
            )
        return os.path.basename(name)
