"""Numbers the Vietnamese way, in one place: 48,79 tỷ đồng; 95,24%; 59 dự án.

Thousands are grouped with "." and decimals follow ","; the unit of an
amount is chosen to suit its size, and the exact value in đồng is always
available (``format_exact``) for a tooltip or a table cell.
"""

from decimal import ROUND_HALF_UP, Decimal

BILLION = Decimal(1_000_000_000)
MILLION = Decimal(1_000_000)
THOUSAND = Decimal(1_000)

#: Word → multiplier to đồng, longest words first for matching.
MONEY_UNITS = {
    "tỷ đồng": BILLION,
    "tỉ đồng": BILLION,
    "triệu đồng": MILLION,
    "nghìn đồng": THOUSAND,
    "ngàn đồng": THOUSAND,
    "tỷ": BILLION,
    "tỉ": BILLION,
    "triệu": MILLION,
    "nghìn": THOUSAND,
    "ngàn": THOUSAND,
    "đồng": Decimal(1),
    "vnđ": Decimal(1),
    "vnd": Decimal(1),
    "đ": Decimal(1),
}


def round_half_up(value: Decimal, decimals: int) -> Decimal:
    """Round as people do on paper (0,5 goes up), not to even."""
    return Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def percent_points(fraction: Decimal, decimals: int = 2) -> Decimal:
    """The percentage a page prints for a fraction: ``0.952372`` → ``95.24``."""
    return round_half_up(Decimal(fraction) * 100, decimals)


def format_number(value: Decimal, decimals: int = 2, strip: bool = True) -> str:
    """``1234567.891`` → ``"1.234.567,89"``; trailing decimal zeros dropped."""
    rounded = round_half_up(value, decimals)
    sign = "-" if rounded < 0 else ""
    text = f"{abs(rounded):f}"
    whole, _, fraction = text.partition(".")
    if strip:
        fraction = fraction.rstrip("0")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = ".".join(groups)
    return f"{sign}{result},{fraction}" if fraction else f"{sign}{result}"


def amount_unit(value_vnd: Decimal) -> tuple[str, Decimal]:
    """The unit that suits an amount: tỷ, triệu or đồng."""
    size = abs(Decimal(value_vnd))
    if size >= BILLION:
        return "tỷ đồng", BILLION
    if size >= MILLION:
        return "triệu đồng", MILLION
    return "đồng", Decimal(1)


def format_amount(
    value_vnd: Decimal, unit: str | None = None, decimals: int = 2
) -> str:
    """``48_790_000_000`` → ``"48,79 tỷ đồng"``."""
    if unit is None:
        unit, scale = amount_unit(value_vnd)
    else:
        scale = MONEY_UNITS[unit]
    if scale == 1:
        decimals = 0
    return f"{format_number(Decimal(value_vnd) / scale, decimals)} {unit}"


def format_exact(value: Decimal, indicator=None) -> str:
    """The stored value in full: ``"48.790.000.000 đồng"``."""
    text = format_number(Decimal(value), 2)
    if indicator is None:
        return text
    if indicator.unit == "vnd":
        return f"{text} đồng"
    return f"{text} {indicator.count_noun}".rstrip()


def format_percent(fraction: Decimal, decimals: int = 2) -> str:
    """``0.952372`` → ``"95,24%"`` (rounded half up, zeros kept)."""
    return (
        f"{format_number(percent_points(fraction, decimals), decimals, strip=False)}%"
    )


def format_count(value: Decimal, noun: str = "") -> str:
    """``59`` → ``"59 dự án"``."""
    return f"{format_number(Decimal(value), 0)} {noun}".rstrip()


def format_value(value: Decimal, indicator) -> str:
    """A figure's value as a reader should see it, by its indicator's unit."""
    if indicator is not None and indicator.unit == "count":
        return format_count(value, indicator.count_noun)
    return format_amount(value)


def format_plain(value: Decimal, indicator) -> str:
    """A number without its unit, for formulas: amounts in tỷ ("48,79")."""
    if indicator is not None and indicator.unit == "count":
        return format_number(Decimal(value), 0)
    if indicator is not None and indicator.unit == "vnd":
        return format_number(Decimal(value) / BILLION, 4)
    return format_number(Decimal(value), 4)
