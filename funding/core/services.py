from django.utils.translation import gettext as _

from .models import Figure
from .signals import figures_changed


def missing_plan_warning(*, figure: Figure) -> str:
    """A warning (not an error) when an executed figure has no plan to compare.

    The plan of a year is what executed figures of that year, whole or
    partial, are measured against.
    """
    if figure.measure != Figure.Measure.EXECUTED:
        return ""
    has_plan = Figure.objects.filter(
        indicator=figure.indicator,
        area=figure.area,
        fund=figure.fund,
        content=figure.content,
        year=figure.year,
        period_kind=Figure.PeriodKind.YEAR,
        measure=Figure.Measure.PLAN,
    ).exists()
    if has_plan:
        return ""
    return _(
        "Lưu ý: chưa có số liệu kế hoạch năm %(year)s cho %(area)s (%(source)s), "
        "nên chưa tính được tỷ lệ thực hiện so với kế hoạch."
    ) % {
        "year": figure.year,
        "area": figure.area,
        "source": figure.get_fund_display(),
    }


def announce_change(figures) -> int:
    """Tell what shows ``figures`` (a queryset) that they change (news flags
    the published articles for review); how many articles were flagged."""
    replies = figures_changed.send(sender=Figure, figures=figures)
    return sum(flagged or 0 for _receiver, flagged in replies)
