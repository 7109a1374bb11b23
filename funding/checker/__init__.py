"""The figure checker: text and figures in, a report out. It finds every
number a text quotes and checks it against the figures given (an
article's, in ``news``: this package knows no article).

A quoted number is an amount with its unit ("48,79 tỷ đồng", the pair
"11,07/11,14 tỷ đồng"), a percentage ("95,24%", "cao hơn 42,11%") or a count
with the noun of a counted indicator ("59 dự án"). Dates, decision numbers,
"15 tỉnh" and phone numbers carry none of these and are not figures.

What a number refers to is read from the words around it, the way a reader
does: the year and period in force ("năm 2021", "7 tháng đầu năm 2022",
carried over from sentence to sentence until another is named), the funding
source ("khuyến công quốc gia", "KCĐP", "toàn vùng"), the area ("cả nước",
the region's or a province's name), the measure ("kế hoạch", "thực hiện"), and
for a percentage what it is ("đạt … kế hoạch": ratio to plan; "chiếm": share;
"cao hơn"/"thấp hơn": change) and of what (the words after it). A word named
in the number's own clause must hold; one carried over only counts in
favour. Among the stored and derived figures left, the one agreeing with the
most words is chosen, and between equals the nearest in value. Then:

- ``match``: the data, rounded as printed, gives the printed number;
- ``rounding``: it does not, but the rounding of the data's inputs allows
  the printed number (the bounds carried by ``funding.core.derived``);
- ``mismatch``: the data gives another number (with how it was computed);
- ``no_data``: nothing among the article's figures can be compared.

It may import ``funding.core`` only (an import-linter contract).
"""

from .engine import Checker, find_quotes, plain_text
from .report import (
    MATCH,
    MISMATCH,
    NO_DATA,
    ROUNDING,
    VERDICT_LABELS,
    Finding,
    Quote,
    Report,
)

__all__ = [
    "MATCH",
    "MISMATCH",
    "NO_DATA",
    "ROUNDING",
    "VERDICT_LABELS",
    "Checker",
    "Finding",
    "Quote",
    "Report",
    "find_quotes",
    "plain_text",
]
