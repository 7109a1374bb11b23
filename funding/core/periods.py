"""Periods a figure covers, each with one identity.

A period is its kind and the day it ends, within one year:

- ``year``: the whole year (ends 31/12);
- ``months``: the first N months, cumulative ("7 tháng đầu năm"; N < 12);
- ``quarter``: one quarter on its own ("quý II": April to June; quarters
  2 to 4, since "quý I" *is* the first 3 months);
- ``to_date``: from 1/1 up to a day that is not the end of a month
  ("đến ngày 15/10/2024").

One period has one identity: "9 tháng đầu năm 2025" and "đến hết 30/9/2025"
are the same period, and so are "quý I/2024" and "3 tháng đầu năm 2024", or
"12 tháng" and the year. ``normalised`` gives that identity; figures are
stored under it (``Figure.save``), imports and the checker read periods
through it, so the same period named two ways never makes two figures.

The years figures may belong to: an import accepts no other, and a page
asks for no other.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

FIRST_YEAR, LAST_YEAR = 1990, 2100

# A year field of a figure or of what selects figures: the same bounds in a
# form (a Vietnamese message on the field) and in the database.
YEAR_VALIDATORS = [
    MinValueValidator(
        FIRST_YEAR, gettext_lazy("Năm phải từ %(limit_value)s trở về sau.")
    ),
    MaxValueValidator(LAST_YEAR, gettext_lazy("Năm không được sau %(limit_value)s.")),
]


def years_in_range(*fields: str) -> Q:
    """The condition of a CheckConstraint: every one of ``fields`` is a year
    figures may belong to."""
    condition = Q()
    for field in fields:
        condition &= Q(**{f"{field}__gte": FIRST_YEAR, f"{field}__lte": LAST_YEAR})
    return condition


def is_known_year(year) -> bool:
    return isinstance(year, int) and FIRST_YEAR <= year <= LAST_YEAR


YEAR, MONTHS, QUARTER, TO_DATE = "year", "months", "quarter", "to_date"
ROMAN_QUARTERS = {1: "I", 2: "II", 3: "III", 4: "IV"}


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class Period:
    """A period of one year: its kind and its last day (see the module)."""

    kind: str
    end: date

    @classmethod
    def whole_year(cls, year: int) -> Period:
        return cls(YEAR, date(year, 12, 31))

    @classmethod
    def first_months(cls, year: int, months: int) -> Period:
        return cls(MONTHS, month_end(year, months)).normalised()

    @classmethod
    def quarter_of(cls, year: int, quarter: int) -> Period:
        return cls(QUARTER, month_end(year, 3 * quarter)).normalised()

    @classmethod
    def up_to(cls, day: date) -> Period:
        return cls(TO_DATE, day).normalised()

    @property
    def year(self) -> int:
        return self.end.year

    @property
    def quarter(self) -> int | None:
        return (self.end.month + 2) // 3 if self.kind == QUARTER else None

    @property
    def start(self) -> date:
        if self.kind == QUARTER:
            return date(self.year, self.end.month - 2, 1)
        return date(self.year, 1, 1)

    @property
    def months(self) -> int:
        """How many whole months it covers (a to-date period: those begun)."""
        return 3 if self.kind == QUARTER else self.end.month

    def normalised(self) -> Period:
        """The same period under its one identity (see the module)."""
        end = self.end
        if self.kind == YEAR:
            return Period(YEAR, date(end.year, 12, 31))
        if self.kind == QUARTER:
            end = month_end(end.year, 3 * ((end.month + 2) // 3))
            if end.month != 3:
                return Period(QUARTER, end)
        elif self.kind == MONTHS:
            end = month_end(end.year, end.month)
        if end != month_end(end.year, end.month):
            return Period(TO_DATE, end)
        return Period(YEAR if end.month == 12 else MONTHS, end)

    def shifted(self, years: int) -> Period:
        """The same period ``years`` later or earlier ("cùng kỳ"): the first
        2 months of 2016 end on 29/02, of 2015 on 28/02."""
        year = self.year + years
        if self.kind == TO_DATE:
            last = calendar.monthrange(year, self.end.month)[1]
            return Period(TO_DATE, date(year, self.end.month, min(self.end.day, last)))
        return Period(self.kind, month_end(year, self.end.month))

    @property
    def label(self) -> str:
        """ "Năm 2021", "7 tháng đầu năm 2022", "Quý II năm 2024",
        "Đến 15/10/2023"."""
        if self.kind == YEAR:
            return _("Năm %(year)s") % {"year": self.year}
        if self.kind == MONTHS:
            return _("%(months)s tháng đầu năm %(year)s") % {
                "months": self.end.month,
                "year": self.year,
            }
        if self.kind == QUARTER:
            return _("Quý %(quarter)s năm %(year)s") % {
                "quarter": ROMAN_QUARTERS[self.quarter],
                "year": self.year,
            }
        return _("Đến %(date)s") % {"date": self.end.strftime("%d/%m/%Y")}
