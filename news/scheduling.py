"""How far ahead a publication, or a withdrawal ("gỡ lúc"), may be
scheduled: ``NEWS_MAX_SCHEDULE_DAYS`` (settings) days at most. A time
further out is a slip ("9999" typed for the year) that would hide the
article for ever while the newsroom is told "Đã lên lịch", or keep it up
for ever; every path that sets one refuses it, naming the field: the
article's form (``Article.clean``, through ``Article.check_times``), the
"Lên lịch" review step and the bulk publish action. A time before
``NEWS_EARLIEST_PUBLICATION_YEAR`` is refused as well (year 1 cannot even
be stored in the site's time zone)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _


def latest_schedule(now: datetime | None = None) -> datetime:
    """The latest publication or withdrawal time that may be scheduled."""
    return (now or timezone.now()) + timedelta(days=settings.NEWS_MAX_SCHEDULE_DAYS)


def check_schedule(when: datetime | None, *, field: str, label: str) -> None:
    """Refuse ``when`` past ``latest_schedule`` or before the year
    ``NEWS_EARLIEST_PUBLICATION_YEAR``, as an error of ``field`` whose
    message names it (``label``, as the page shows it)."""
    if when is None:
        return
    if when.year < settings.NEWS_EARLIEST_PUBLICATION_YEAR:
        raise ValidationError(
            {
                field: _(
                    "“%(label)s”: năm %(year)s không hợp lệ; thời điểm phải từ năm "
                    "%(earliest)s trở đi. Hãy kiểm tra lại năm."
                )
                % {
                    "label": label,
                    "year": when.year,
                    "earliest": settings.NEWS_EARLIEST_PUBLICATION_YEAR,
                }
            },
            code="too_early",
        )
    if when <= latest_schedule():
        return
    limit = timezone.localtime(latest_schedule())
    raise ValidationError(
        {
            field: _(
                "“%(label)s”: %(when)s quá xa; chỉ được hẹn giờ trong vòng %(days)s "
                "ngày tới (muộn nhất %(limit)s). Hãy kiểm tra lại năm."
            )
            % {
                "label": label,
                "when": f"{timezone.localtime(when):%d/%m/%Y %H:%M}",
                "days": settings.NEWS_MAX_SCHEDULE_DAYS,
                "limit": f"{limit:%d/%m/%Y %H:%M}",
            }
        },
        code="too_far",
    )
