import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from funding.api import Figure, ProgrammeContent

from .admin_chosen import hand_chosen
from .models import Article, DataBlock
from .sanitize import removed_content

#: The most numbers an article's lead and body may hold: each is read by
#: the figure check at every save and every opening of the form (about a
#: millisecond a number), which must end well within a request's time.
#: A table of thousands of figures belongs in a data block. Counted as
#: runs of digits (an upper bound of the numbers the check reads).
MAX_NUMBERS = 1500
_NUMBER = re.compile(r"\d[\d.,]*")


class ArticleAdminForm(forms.ModelForm):
    """The article form, aware of who is using it.

    ``can_publish`` and ``reverting`` are set per request by
    ``ArticleAdmin.get_form``; the rules here hold for every route that saves
    through the admin (change form, add form, history restore). The figure
    rule needs the data blocks as saved: ``news.services.check_publication``
    runs after the save, and a refusal comes back to this form's
    ``confirm_mismatch``.
    """

    can_publish = True
    reverting = False
    #: What sanitising the submitted body removed, said after saving.
    body_removals: tuple[str, ...] | list[str] = ()

    confirm_mismatch = forms.BooleanField(
        label=_("Tôi đã xem các số không khớp và vẫn xuất bản"),
        required=False,
        help_text=_(
            "Chỉ cần khi bộ kiểm tra số liệu chắc chắn có số không khớp; việc xác "
            "nhận được ghi vào lịch sử bài viết. Số “cần xác nhận” không chặn xuất "
            "bản: hãy bấm vào số đó ở phần “Kiểm tra số liệu” để chọn cách đọc."
        ),
    )

    send_back_note = forms.CharField(
        label=_("Lý do trả lại"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=_(
            "Bắt buộc khi chuyển bài đang chờ duyệt về “Bản nháp” (trả lại): "
            "người viết thấy lý do này trên bài và nhận e-mail."
        ),
    )

    class Meta:
        model = Article
        fields = [
            "title",
            "slug",
            "category",
            "tags",
            "lead",
            "body",
            "cover",
            "video_url",
            "status",
            "published_at",
            "unpublish_at",
            "is_featured",
            "author",
            "byline",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.can_publish and "status" in self.fields:
            self.fields["status"].choices = [
                (value, label)
                for value, label in Article.Status.choices
                if value not in Article.LOCKED_STATUSES
            ]

    def clean_body(self):
        body = self.cleaned_data["body"]
        self.body_removals = removed_content(body)
        return body

    def _check_numbers_count(self, cleaned) -> None:
        # Only a text being changed: an older article over the bound may
        # still be saved for anything else (its category, its status).
        if not {"lead", "body"} & set(self.changed_data):
            return
        texts = (cleaned.get("lead") or "", strip_tags(cleaned.get("body") or ""))
        count = sum(len(_NUMBER.findall(text)) for text in texts)
        if count > MAX_NUMBERS:
            self.add_error(
                "body" if "body" in self.fields else None,
                ValidationError(
                    _(
                        "Sapo và nội dung có %(count)s con số, quá nhiều để kiểm tra "
                        "số liệu (tối đa %(limit)s). Hãy đưa bảng số liệu lớn vào khối "
                        "số liệu của bài, hoặc chia thành nhiều bài."
                    ),
                    params={
                        "count": number_format(count, force_grouping=True),
                        "limit": number_format(MAX_NUMBERS, force_grouping=True),
                    },
                    code="too_many_numbers",
                ),
            )

    def clean(self):
        cleaned = super().clean()
        if self.reverting and self.instance.pk:
            # Restoring an old version brings back its words, never its
            # publication state: the article stays as public as it is now
            # (an old withdrawal time, long past, would withdraw it).
            current = (
                Article.objects.filter(pk=self.instance.pk)
                .values("status", "published_at", "unpublish_at", "slug")
                .first()
            )
            if current:
                cleaned.update(current)
                for name, value in current.items():
                    setattr(self.instance, name, value)
        self._check_numbers_count(cleaned)
        if not self.can_publish:
            self._keep_author(cleaned)
        if not self.can_publish and cleaned.get("status") in Article.LOCKED_STATUSES:
            self.add_error(
                "status" if "status" in self.fields else None,
                _("Bạn không có quyền xuất bản hoặc gỡ bài viết."),
            )
        if self.sends_back:
            self._check_send_back(cleaned)
        return cleaned

    def _keep_author(self, cleaned) -> None:
        """Only those who may publish change whose article it is: for the
        others the author stays as stored (whatever was posted, and whoever
        wrote a version being restored); a new article is its writer's
        (``ArticleAdmin.save_model``), a deleted one restored from its
        history the restored version's (no other is stored)."""
        stored = (
            list(
                Article.objects.filter(pk=self.instance.pk).values_list(
                    "author_id", flat=True
                )
            )
            if self.instance.pk
            else [None]
        )
        if stored:
            (self.instance.author_id,) = stored
        if "author" in cleaned:
            cleaned["author"] = self.instance.author

    @property
    def sends_back(self) -> bool:
        """Whether this save moves an article under review back to draft:
        sending it back, which only a publisher does, saying why."""
        if (
            not self.instance.pk
            or self.cleaned_data.get("status") != Article.Status.DRAFT
        ):
            return False
        stored = Article.objects.filter(pk=self.instance.pk).values("status").first()
        return stored is not None and stored["status"] == Article.Status.REVIEW

    def _check_send_back(self, cleaned) -> None:
        if not self.can_publish:
            self.add_error(
                "status" if "status" in self.fields else None,
                _(
                    "Trạng thái: chỉ người duyệt bài mới trả lại được bài đang chờ "
                    "duyệt; bạn vẫn sửa được bài khi bài đang chờ duyệt."
                ),
            )
        elif not cleaned.get("send_back_note", "").strip():
            self.add_error(
                "send_back_note",
                _(
                    "Lý do trả lại: bắt buộc khi chuyển bài đang chờ duyệt về bản "
                    "nháp; hãy ghi rõ để người viết biết cần sửa gì."
                ),
            )


class DataBlockForm(forms.ModelForm):
    """A data block: which figures, chosen by their dimensions."""

    funds = forms.MultipleChoiceField(
        label=_("Nguồn kinh phí"),
        choices=Figure.Fund.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Không chọn: mọi nguồn."),
    )
    measures = forms.MultipleChoiceField(
        label=_("Loại số liệu"),
        choices=Figure.Measure.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Không chọn: kế hoạch, thực hiện và ước thực hiện."),
    )

    class Meta:
        model = DataBlock
        fields = [
            "title",
            "position",
            "indicators",
            "areas",
            "year_from",
            "year_to",
            "period_kind",
            "funds",
            "measures",
            "content",
            "sources",
            "display",
            "note",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["funds"] = self.instance.fund_list
            self.initial["measures"] = self.instance.measure_list
            hand_chosen(self)
        if not self.instance.pk and "content" in self.fields:
            everything = ProgrammeContent.objects.filter(
                code=ProgrammeContent.ALL
            ).first()
            if everything is not None:
                self.initial.setdefault("content", everything.pk)

    def clean_funds(self):
        return ",".join(self.cleaned_data["funds"])

    def clean_measures(self):
        return ",".join(self.cleaned_data["measures"])


class DataBlockAdminForm(DataBlockForm):
    """A data block in its own admin: which article it goes into, and the
    confirmation a published article needs if its figures no longer agree.

    ``article_allowed`` (set per request by the admin) says whether the user
    may change what an article shows.
    """

    article_allowed = None

    confirm_mismatch = forms.BooleanField(
        label=_("Tôi đã xem các số không khớp và vẫn giữ bài xuất bản"),
        required=False,
        help_text=_(
            "Chỉ cần khi bài đã xuất bản và bảng này làm bộ kiểm tra số liệu báo có "
            "số không khớp; việc xác nhận được ghi vào lịch sử bài viết."
        ),
    )

    class Meta(DataBlockForm.Meta):
        fields = ["article", *DataBlockForm.Meta.fields]

    def clean_article(self):
        article = self.cleaned_data["article"]
        if self.article_allowed is not None and not self.article_allowed(article):
            raise ValidationError(
                _(
                    "Bài “%(title)s” đã xuất bản hoặc đã gỡ: chỉ người có quyền xuất "
                    "bản mới thêm hoặc sửa bảng số liệu của bài này."
                ),
                code="locked",
                params={"title": article},
            )
        return article
