from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from funding.core.derived import Quantity, ratio
from funding.core.formatting import (
    format_amount,
    format_count,
    format_exact,
    format_number,
    format_percent,
    percent_points,
)
from funding.core.numbers import NumberFormatError, parse_number


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (D(48_790_000_000), "48,79 tỷ đồng"),
        (D(158_790_000_000), "158,79 tỷ đồng"),
        (D(72_800_000_000), "72,8 tỷ đồng"),
        (D(140_000_000_000), "140 tỷ đồng"),
        (D(1_234_000_000_000), "1.234 tỷ đồng"),
        (D(350_000_000), "350 triệu đồng"),
        (D(12_500), "12.500 đồng"),
    ],
)
def test_amounts_choose_their_unit(value, text):
    assert format_amount(value) == text


def test_amount_in_a_given_unit():
    assert format_amount(D(1_234_000_000), unit="triệu đồng") == "1.234 triệu đồng"


def test_percent_count_and_exact():
    assert format_percent(D("0.952372")) == "95,24%"
    assert format_percent(D("0.4")) == "40,00%"
    assert format_percent(D("-0.3219")) == "-32,19%"
    assert format_count(59, "dự án") == "59 dự án"
    assert format_number(D("1234567.891")) == "1.234.567,89"
    assert format_exact(D(48_790_000_000)) == "48.790.000.000"


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("48,79", "", D("48.79")),
        ("48.790.000.000", "", D(48_790_000_000)),
        ("1.234,5", "", D("1234.5")),
        ("48,79 tỷ", "", D(48_790_000_000)),
        ("48,79 tỷ đồng", "", D(48_790_000_000)),
        ("  12, 61 ", "tỷ đồng", D(12_610_000_000)),
        ("1.234", "đồng", D(1234)),
        ("1.234", "triệu đồng", D(1_234_000_000)),
        ("1.234", "", None),  # ambiguous without a unit
        ("350 triệu", "", D(350_000_000)),
        ("2,5 nghìn đồng", "", D(2500)),
        ("59", "", D(59)),
        (59, "", D(59)),
        (48.79, "tỷ", D(48_790_000_000)),
        ("95,24%", "", D("95.24")),
    ],
)
def test_parse_vietnamese_numbers(text, unit, value):
    if value is None:
        with pytest.raises(NumberFormatError):
            parse_number(text, unit=unit)
    else:
        assert parse_number(text, unit=unit).value == value


@pytest.mark.parametrize("text", ["1.5", "1.25", "0.234", "1.2345", "12.5 tỷ", "-1.5"])
def test_a_dot_not_followed_by_three_digits_is_refused_explaining_the_format(text):
    # "1.234" is a thousand the Vietnamese way; "1.5" would be a guess.
    with pytest.raises(NumberFormatError) as error:
        parse_number(text, unit="tỷ đồng")
    message = str(error.value)
    assert f"“{text.removesuffix(' tỷ')}” không rõ nghĩa" in message
    assert "dấu phẩy ngăn phần thập phân" in message


@pytest.mark.parametrize(
    ("text", "value"),
    [("1.5", D("1.5")), ("1234.56", D("1234.56")), ("1.234", D(1234))],
)
def test_a_csv_raw_value_keeps_its_decimal_point(text, value):
    # A program's CSV (this portal's export) writes "1234.5".
    assert parse_number(text, unit="đồng", point_decimals=True).value == value


@pytest.mark.parametrize("empty", ["", " ", "-", "—", None])
def test_empty_cells_are_no_figure(empty):
    assert parse_number(empty) is None


@pytest.mark.parametrize("bad", ["1.234", "abc", "12,3,4", "1.2.3", "48,79 đô", "1..2"])
def test_unreadable_numbers_are_errors_in_vietnamese(bad):
    with pytest.raises(NumberFormatError) as error:
        parse_number(bad)
    assert "“" in str(error.value)  # names the value it could not read


@pytest.mark.parametrize("other", ["١٢٣", "۱۲۳", "１２３", "12,٣ tỷ", "²"])
def test_digits_other_than_0_to_9_are_refused(other):
    # Python's Decimal and int read "١٢٣" (Arabic-Indic) as 123.
    with pytest.raises(NumberFormatError, match="chữ số không phải 0–9"):
        parse_number(other, unit="tỷ đồng")


def test_decomposed_unicode_is_read():
    import unicodedata

    assert parse_number(unicodedata.normalize("NFD", "48,79 tỷ")).value == D(
        48_790_000_000
    )


@given(st.decimals(min_value=0, max_value=10**15, places=0))
def test_exact_format_then_parse_gives_the_value_back(value):
    assert parse_number(format_exact(value), unit="đồng").value == value


@given(st.integers(min_value=0, max_value=10**8))
def test_amount_format_then_parse_gives_the_value_back(hundredths):
    # amounts known to 0,01 tỷ (as the seed article prints them)
    value = D(hundredths) * 10_000_000
    parsed = parse_number(format_amount(value))
    assert parsed.value == value


@given(st.decimals(min_value=0, max_value=1000, places=4))
def test_percent_format_then_parse(fraction):
    printed = format_percent(fraction)
    assert parse_number(printed).value == (fraction * 100).quantize(
        D("0.01"), rounding="ROUND_HALF_UP"
    )


NUMBERISH = st.text(alphabet="0123456789.,%-+ tỷtriệuđồngabcxyz\t", max_size=14)


@given(NUMBERISH)
def test_garbage_never_parses_silently(text):
    """Whatever the text, the parser either refuses it or returns a number
    whose digits all came from the text (it never invents one)."""
    try:
        parsed = parse_number(text)
    except NumberFormatError:
        return
    if parsed is None:
        assert text.strip() in ("", "-")
        return
    digits = "".join(ch for ch in text if ch.isdigit())
    assert digits, text
    assert set(str(parsed.value).replace(".", "").replace("-", "")) <= set("0123456789")


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzđăâêôơư ", min_size=1, max_size=12))
def test_words_without_digits_are_refused(text):
    if text.strip() in ("", "-"):
        return
    with pytest.raises(NumberFormatError):
        parse_number(text)


@given(
    st.integers(min_value=0, max_value=10**12),
    st.integers(min_value=1, max_value=10**12),
)
def test_a_rate_in_a_download_is_the_percent_the_page_prints(part, whole):
    """The CSV's rate column (``rounded_percent``) and the page's "95,24%"
    come from one rounding, so they never disagree in the last digit."""
    rate = ratio(Quantity(D(part)), Quantity(D(whole)))
    assert (
        format_percent(rate.value)
        == f"{format_number(rate.rounded_percent(), 2, strip=False)}%"
    )


def test_percent_points_round_half_up_as_on_paper():
    assert percent_points(D("0.952350")) == D("95.24")
    assert percent_points(D("0.952250")) == D("95.23")
    assert percent_points(D("0.9525"), 1) == D("95.3")
    assert percent_points(D("-0.00005")) == D("-0.01")
