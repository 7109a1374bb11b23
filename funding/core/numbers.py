"""Reading numbers as Vietnamese documents and spreadsheets write them.

One parser for imports, admin forms and the figure checker: ``48,79``,
``48.790.000.000``, ``1.234,5``, ``48,79 tỷ``, ``  12, 61 `` (a stray space
after the comma), ``95,24%``. A unit in the text or given by the caller
scales the value to đồng exactly. What cannot be read without guessing is an
error with a Vietnamese message, never a guess.
"""

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from django.utils.translation import gettext as _

from khuyencong.digits import OTHER_DIGITS_MESSAGE, has_other_digits

from .formatting import MONEY_UNITS


class NumberFormatError(ValueError):
    """A text that is not a number we can read without guessing."""


@dataclass(frozen=True)
class ParsedNumber:
    value: Decimal  # scaled to đồng when a money unit applied; percent as printed
    unit: str  # the unit word found or given ("tỷ", "đồng", "%", "")
    decimals: int  # decimals as written, for rounding bounds
    scale: Decimal  # multiplier applied


EMPTY = {"", "-", "–", "—"}
# Most cells of a large file are plain digits with an optional decimal
# comma ("48,79", "12610000000"): read them without the general rules.
_PLAIN = re.compile(r"(\d{1,18})(?:,(\d{1,18}))?")
_UNIT_WORDS = sorted(MONEY_UNITS, key=len, reverse=True)


def _split_unit(text: str) -> tuple[str, str]:
    lowered = text.lower()
    if lowered.endswith("%"):
        return text[:-1].strip(), "%"
    for word in _UNIT_WORDS:
        if lowered.endswith(word):
            head = text[: len(text) - len(word)]
            if not head or head[-1].isdigit() or head[-1].isspace():
                return head.strip(), word
    return text, ""


_GROUPED = r"\d{1,3}(?:[.]\d{3})+"


def _to_decimal(
    number: str, unit: str, point_decimals: bool = False
) -> tuple[Decimal, int]:
    if not re.fullmatch(r"[+-]?[\d.,]+", number) or not re.search(r"\d", number):
        raise NumberFormatError(f"“{number}” không phải là số.")
    sign = "-" if number.startswith("-") else ""
    digits = number.lstrip("+-")
    commas, dots = digits.count(","), digits.count(".")
    if commas and dots:
        plain = _both_separators(number, digits)
    elif commas == 1:
        plain = digits.replace(",", ".")  # Vietnamese decimal comma
    elif commas > 1:
        if not re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits):
            raise NumberFormatError(f"“{number}” có nhiều dấu phẩy.")
        plain = digits.replace(",", "")
    elif dots > 1:
        if not re.fullmatch(_GROUPED, digits):
            raise NumberFormatError(f"“{number}” có nhiều dấu chấm.")
        plain = digits.replace(".", "")
    elif dots == 1:
        plain = _one_dot(number, digits, unit, point_decimals)
    else:
        plain = digits
    try:
        value = Decimal(sign + plain)
    except InvalidOperation as exc:
        raise NumberFormatError(f"“{number}” không phải là số.") from exc
    decimals = max(0, -value.as_tuple().exponent)
    return value, decimals


def _both_separators(number: str, digits: str) -> str:
    """ "1.234,5" (Vietnamese) or "1,234.5" (English) as "1234.5"."""
    if digits.rfind(",") > digits.rfind("."):
        # Vietnamese: 1.234,5
        whole, fraction = digits.rsplit(",", 1)
        if not re.fullmatch(_GROUPED, whole) and "." in whole:
            raise NumberFormatError(f"“{number}”: dấu chấm phân nhóm không đúng chỗ.")
        return whole.replace(".", "") + "." + fraction
    # English: 1,234.5
    whole, fraction = digits.rsplit(".", 1)
    if not re.fullmatch(r"\d{1,3}(?:,\d{3})+", whole):
        raise NumberFormatError(f"“{number}”: dấu phẩy phân nhóm không đúng chỗ.")
    return whole.replace(",", "") + "." + fraction


def _one_dot(number: str, digits: str, unit: str, point_decimals: bool) -> str:
    """A number with one dot and no comma: a thousands separator, a
    decimal point (``point_decimals``: a CSV's raw value) or refused."""
    whole, fraction = digits.split(".")
    if (len(fraction) != 3 or whole == "0") and not point_decimals:
        raise NumberFormatError(
            _(
                "“%(number)s” không rõ nghĩa: theo cách viết Việt Nam, dấu chấm "
                "phân cách hàng nghìn (1.234 là một nghìn hai trăm ba mươi tư) và "
                "dấu phẩy ngăn phần thập phân (1,5 là một phẩy năm). Hãy viết "
                "“%(comma)s” nếu đó là số thập phân."
            )
            % {"number": number, "comma": number.replace(".", ",")}
        )
    if len(fraction) == 3 and whole != "0":
        # 1.234 is a thousand (Vietnamese) or one and a bit (English).
        # With a unit the text is read as Vietnamese ("1.234 tỷ" is the
        # way this portal itself prints a thousand tỷ); bare, it is a guess.
        if unit:
            return whole + fraction
        raise NumberFormatError(
            f"“{number}” không rõ nghĩa: 1.234 là một nghìn hai trăm ba "
            "mươi tư hay một phẩy hai ba bốn? Hãy ghi đơn vị hoặc dùng "
            "dấu phẩy cho phần thập phân."
        )
    return digits


def parse_number(
    text, unit: str = "", *, point_decimals: bool = False
) -> ParsedNumber | None:
    """Read ``text`` as a number; ``None`` for an empty cell or "-".

    ``unit`` is the unit of the column or header ("tỷ đồng", "đồng"…) when
    the text itself has none. Money units scale the value to đồng.

    A single dot is the Vietnamese thousands separator ("1.234"); a dot
    followed by other than three digits ("1.5", "0.25") is refused as a
    guess, unless ``point_decimals``: a CSV file's raw values, written by a
    program (this portal's own export writes "1234.5"), where it is the
    decimal point.
    """
    if text is None:
        return None
    if isinstance(text, bool):
        # A TRUE/FALSE cell is no amount, though Python counts it as 1 or 0.
        raise NumberFormatError(
            _("ô chứa giá trị đúng/sai (%(value)s), không phải số.")
            % {"value": "TRUE" if text else "FALSE"}
        )
    if isinstance(text, int | Decimal):
        value = Decimal(text)
        scale = MONEY_UNITS.get(unit.lower(), Decimal(1)) if unit else Decimal(1)
        return ParsedNumber(
            value * scale, unit, max(0, -value.as_tuple().exponent), scale
        )
    if isinstance(text, float):
        return _float_cell(text, unit)
    return _parse_text(str(text), unit, point_decimals)


def cell_decimal(cell: float) -> Decimal:
    """A spreadsheet's float cell as the spreadsheet shows it: 15
    significant digits, the precision of Excel and LibreOffice, so a
    formula's binary noise (=2076.3*0.4 is 830.5200000000001) is dropped."""
    return Decimal(format(cell, ".15g"))


def _float_cell(cell: float, unit: str) -> ParsedNumber:
    parsed = parse_number(cell_decimal(cell), unit)
    if parsed.scale <= 1 or not parsed.value.is_finite():
        return parsed
    if parsed.value.adjusted() >= 20:
        return parsed  # too large for the column: refused for its size
    # A float in a triệu/tỷ column is a formula's result (=1990,7/3), not
    # digits someone typed: its fraction of a đồng is arithmetic, not
    # precision, so it is kept to the cent the column stores. Typed text
    # keeps its digits and is refused past the cent.
    cent_decimals = parsed.scale.adjusted() + 2
    return ParsedNumber(
        parsed.value.quantize(Decimal("0.01")),
        parsed.unit,
        min(parsed.decimals, cent_decimals),
        parsed.scale,
    )


@lru_cache(maxsize=65536)
def _parse_text(text: str, unit: str, point_decimals: bool) -> ParsedNumber | None:
    raw = unicodedata.normalize("NFC", text).replace("\u00a0", " ").strip()
    if raw in EMPTY:
        return None
    _refuse_other_digits(raw)
    if plain := _PLAIN.fullmatch(raw):
        whole, fraction = plain.groups()
        value = Decimal(f"{whole}.{fraction}" if fraction else whole)
        return _scaled(value, len(fraction or ""), unit.strip().lower())
    # "12, 61" and "12 ,61": a stray space around the separator.
    compact = re.sub(r"(?<=\d)\s*([.,])\s*(?=\d)", r"\1", raw)
    number, found_unit = _split_unit(compact)
    number = number.replace(" ", "")
    used_unit = found_unit or unit.strip().lower()
    value, decimals = _to_decimal(number, used_unit, point_decimals)
    return _scaled(value, decimals, used_unit)


def _refuse_other_digits(raw: str) -> None:
    if has_other_digits(raw):
        raise NumberFormatError(OTHER_DIGITS_MESSAGE % {"text": raw})


def _scaled(value: Decimal, decimals: int, used_unit: str) -> ParsedNumber:
    if used_unit == "%":
        return ParsedNumber(value, "%", decimals, Decimal(1))
    scale = MONEY_UNITS.get(used_unit, Decimal(1)) if used_unit else Decimal(1)
    if used_unit and used_unit not in MONEY_UNITS:
        raise NumberFormatError(f"Không rõ đơn vị “{used_unit}”.")
    return ParsedNumber(value * scale, used_unit, decimals, scale)
