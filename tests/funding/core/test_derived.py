"""Derived figures: hand-computed cases from the seed article, and properties."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from funding.core.derived import (
    Quantity,
    change,
    complete_fund_triple,
    difference,
    ratio,
    share,
    sum_against_total,
    total,
)


def tỷ(printed: str) -> Quantity:
    """An amount printed in tỷ đồng with its decimals (rounded to them)."""
    value = D(printed)
    step = D(1).scaleb(value.as_tuple().exponent)
    return Quantity(value * 10**9, step * 10**9 / 2, label=printed.replace(".", ","))


def percent(derived) -> str:
    return f"{derived.percent.quantize(D('0.01'), rounding='ROUND_HALF_UP')}"


# (printed %, computation) for every percentage of the seed table that its
# printed amounts can reproduce; "match" means the printed value is the
# computed one rounded, "rounding" that it differs within the inputs' rounding.
SEED_CASES = [
    ("95.24", lambda: ratio(tỷ("48.79"), tỷ("51.23")), "match"),
    ("99.37", lambda: ratio(tỷ("11.07"), tỷ("11.14")), "match"),
    ("94.11", lambda: ratio(tỷ("37.73"), tỷ("40.09")), "match"),
    ("23.76", lambda: share(tỷ("37.73"), tỷ("158.79")), "match"),
    ("20.86", lambda: share(tỷ("29.21"), tỷ("140")), "match"),
    ("40.12", lambda: share(tỷ("29.21"), tỷ("72.8")), "match"),
    # 11,07 / 48,79 = 22,689%: the article's 22,68% is a rounding difference
    ("22.68", lambda: share(tỷ("11.07"), tỷ("48.79")), "rounding"),
    ("77.32", lambda: share(tỷ("37.73"), tỷ("48.79")), "rounding"),
    ("42.11", lambda: change(tỷ("72.8"), tỷ("51.23")), "rounding"),
    ("28.44", lambda: ratio(tỷ("20.7"), tỷ("72.8")), "rounding"),
    ("12.11", lambda: ratio(tỷ("3.54"), tỷ("29.21")), "rounding"),
    (
        "39.38",
        lambda: ratio(
            tỷ("17.17"), difference(tỷ("72.8"), tỷ("29.21")).as_quantity("43,59")
        ),
        "rounding",
    ),
]


@pytest.mark.parametrize(("printed", "compute", "verdict"), SEED_CASES)
def test_seed_percentages(printed, compute, verdict):
    assert compute().check_printed(D(printed)) == verdict


def test_computed_values_by_hand():
    assert percent(ratio(tỷ("48.79"), tỷ("51.23"))) == "95.24"
    assert percent(share(tỷ("37.73"), tỷ("48.79"))) == "77.33"
    assert percent(share(tỷ("11.07"), tỷ("48.79"))) == "22.69"
    assert percent(change(tỷ("72.8"), tỷ("51.23"))) == "42.10"
    assert percent(ratio(tỷ("20.7"), tỷ("72.8"))) == "28.43"
    assert percent(ratio(tỷ("3.54"), tỷ("29.21"))) == "12.12"
    assert percent(ratio(tỷ("17.17"), tỷ("43.59"))) == "39.39"
    assert percent(share(tỷ("11.07"), tỷ("75.25"))) == "14.71"


def test_a_wrong_figure_is_a_mismatch_not_rounding():
    assert ratio(tỷ("48.79"), tỷ("51.23")).check_printed(D("59.24")) == "mismatch"
    assert share(tỷ("37.73"), tỷ("48.79")).check_printed(D("77.40")) == "mismatch"


def test_exact_inputs_leave_no_room_for_rounding():
    exact = ratio(Quantity(D(3754)), Quantity(D(10000)))
    assert exact.low == exact.high == exact.value == D("0.3754")
    assert exact.check_printed(D("37.54")) == "match"
    assert exact.check_printed(D("37.55")) == "mismatch"


def test_explanation_shows_the_inputs():
    assert share(tỷ("37.73"), tỷ("48.79")).explanation == "37,73 / 48,79"
    assert change(tỷ("72.8"), tỷ("51.23")).explanation == "72,8 / 51,23 − 1"
    assert total(tỷ("11.07"), tỷ("37.73")).explanation == "11,07 + 37,73"


def test_sum_of_parts_against_stated_total():
    check = sum_against_total([tỷ("11.07"), tỷ("37.73")], tỷ("48.79"))
    assert check["sum"].value == D("48.80") * 10**9
    assert check["difference"] == D("0.01") * 10**9
    assert check["consistent"]  # three numbers rounded to 0,01 allow 0,015
    wrong = sum_against_total([tỷ("11.07"), tỷ("37.73")], tỷ("48.50"))
    assert not wrong["consistent"]


def test_division_by_zero_is_refused():
    with pytest.raises(ZeroDivisionError):
        ratio(Quantity(D(1)), Quantity(D(0)))


amounts = st.decimals(min_value=1, max_value=10**13, places=0)


@given(st.lists(amounts, min_size=1, max_size=12))
def test_shares_of_a_whole_sum_to_100_percent_within_rounding(parts):
    whole = total(*(Quantity(p) for p in parts)).as_quantity()
    shares = [share(Quantity(p), whole) for p in parts]
    assert sum(s.value for s in shares) == pytest.approx(D(1), abs=D("1e-20"))
    printed = sum(
        s.percent.quantize(D("0.01"), rounding="ROUND_HALF_UP") for s in shares
    )
    # each printed share is off by at most half a hundredth
    assert abs(printed - 100) <= D("0.005") * len(parts)


@given(amounts, amounts, st.integers(min_value=0, max_value=9))
def test_rounded_inputs_bound_the_exact_result(executed, plan, digits):
    step = D(10) ** digits
    rounded_e = (executed / step).quantize(D(1), rounding="ROUND_HALF_UP") * step
    rounded_p = (plan / step).quantize(D(1), rounding="ROUND_HALF_UP") * step
    if rounded_p == 0:
        return
    derived = ratio(Quantity(rounded_e, step / 2), Quantity(rounded_p, step / 2))
    exact = executed / plan
    assert derived.low <= exact <= derived.high


def test_any_two_funds_give_the_third_with_its_bounds():
    qg = Quantity(D("11.07"), D("0.005"))
    dp = Quantity(D("37.73"), D("0.005"))
    whole = Quantity(D("48.79"), D("0.005"))
    summed = complete_fund_triple(all=None, kcqg=qg, kcdp=dp)
    assert summed.derived == "all"
    assert (summed.all.value, summed.all.low, summed.all.high) == (
        D("48.80"),
        D("48.790"),
        D("48.810"),
    )
    assert summed.all.formula == "{} + {}"
    left = complete_fund_triple(all=whole, kcqg=qg, kcdp=None)
    assert (left.derived, left.kcdp.value) == ("kcdp", D("37.72"))
    assert left.get("kcdp").high == D("37.730")
    other = complete_fund_triple(all=whole, kcqg=None, kcdp=dp)
    assert (other.derived, other.kcqg.value) == ("kcqg", D("11.06"))
    for stated in (
        {"all": whole, "kcqg": qg, "kcdp": dp},
        {"all": whole, "kcqg": None, "kcdp": None},
    ):
        kept = complete_fund_triple(**stated)
        assert kept.derived is None
        assert (kept.all, kept.kcqg, kept.kcdp) == tuple(stated.values())
