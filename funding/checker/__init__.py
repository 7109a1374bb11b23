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
favour. The readings (stored figures, and formulas over them, each named by
an ident: ``funding.checker.idents``) are ranked, best first. Then:

- ``match``: the data, rounded as printed, gives the printed number;
- ``rounding``: it does not, but the rounding of the data's inputs allows
  the printed number (the bounds carried by ``funding.core.derived``);
- ``mismatch``: the data gives another number (with how it was computed);
- ``unsure``: the likeliest readings disagree, or the editor's binding can
  no longer be computed: the editor confirms one;
- ``no_data``: nothing among the article's figures can be compared.

An editor's binding (a quote's ``Finding.key`` → a reading's ident, or
``NOT_A_FIGURE``) wins over the guess.

Modules: ``quotes`` (finding numbers), ``keys`` (a quote's key for
bindings), ``cues`` (the words around them),
``places`` (a quote's sentence and clause, the year in force), ``support``
(how well a reading agrees with the words), ``candidates`` (stored and
implied figures), ``percents`` (what a percentage is of), ``rates`` (the numerator of a
derived number), ``lists`` ("lần
lượt", "cộng lại"), ``increments`` (what is left, what was added since),
``printed`` (a total of the parts as printed), ``choose`` (the verdict and
how sure; a swap with a neighbouring figure), ``idents`` (readings by
name), ``judge`` (verdicts), ``engine`` (the ``Checker``), ``report`` (what
it says).

It may import ``funding.core`` only (an import-linter contract).
"""

import pkgutil

from .. import core
from .engine import Checker
from .idents import IdentError
from .plain import plain_text
from .quotes import find_quotes
from .report import (
    MATCH,
    MISMATCH,
    NO_DATA,
    NOT_A_FIGURE,
    ROUNDING,
    UNSURE,
    VERDICT_LABELS,
    Finding,
    Quote,
    Reading,
    Report,
)

#: The modules whose source makes a report (for a stored report's version):
#: the checker's and every module of ``funding.core`` it reads numbers,
#: areas, periods and derived values through (a change there can change an
#: outcome as surely as one here).
SOURCE_MODULES = (
    __name__,
    *(f"{__name__}.{module.name}" for module in pkgutil.iter_modules(__path__)),
    core.__name__,
    *(
        f"{core.__name__}.{module.name}"
        for module in pkgutil.iter_modules(core.__path__)
    ),
)

__all__ = [
    "MATCH",
    "MISMATCH",
    "NOT_A_FIGURE",
    "NO_DATA",
    "ROUNDING",
    "UNSURE",
    "VERDICT_LABELS",
    "Checker",
    "Finding",
    "IdentError",
    "Quote",
    "Reading",
    "Report",
    "SOURCE_MODULES",
    "find_quotes",
    "plain_text",
]
