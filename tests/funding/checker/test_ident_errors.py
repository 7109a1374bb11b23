"""A binding's formula that cannot be worked out says why: a division by
0 is "chia cho 0"; another arithmetic failure (an input known only within
an interval without end, divided by another such) is not called one."""

from decimal import Decimal
from types import SimpleNamespace

import pytest

from funding.checker import IdentError
from funding.checker.idents import evaluate, parse
from funding.core.derived import Quantity

FIGURES = {pk: SimpleNamespace(pk=pk) for pk in (1, 2, 3)}


def _message(ident: str, quantities: dict) -> str:
    with pytest.raises(IdentError) as raised:
        evaluate(parse(ident), FIGURES, quantities)
    return str(raised.value)


def test_a_division_by_zero_says_so():
    quantities = {1: Quantity(Decimal(5)), 2: Quantity(Decimal(0))}
    assert "chia cho 0" in _message("ratio:1/2", quantities)


def test_zero_by_zero_is_a_division_by_zero_too():
    quantities = {1: Quantity(Decimal(0)), 2: Quantity(Decimal(0))}
    assert "chia cho 0" in _message("share:1/2", quantities)


def test_an_unbounded_interval_over_another_is_no_division_by_zero():
    # 0,4 known within ±0,5: its interval reaches 0, so 5 / 0,4 is unbounded
    # (but defined); that ratio over itself divides an endless interval by
    # another, which the decimal arithmetic leaves undefined
    quantities = {1: Quantity(Decimal(5)), 2: Quantity(Decimal("0.4"), Decimal("0.5"))}
    message = _message("times:(ratio:1/2)/(ratio:1/2)", quantities)
    assert "chia cho 0" not in message
    assert "không ra kết quả xác định" in message
