"""Readings named by figure primary keys, and computed back from them.

An ident is what an editor's binding stores: "fig:123" (a stored figure),
or an operation over operands, each a primary key or a parenthesised ident:
"ratio:12/34" (executed / plan), "share:12/34" (part / whole),
"change:12/34" (new / old − 1), "times:12/34" (new / old, "gấp … lần"),
"sum:1+2+3", "diff:1-2" (KCĐP = all − KCQG), "points:(ratio:1/2)-(ratio:3/4)"
(a difference of percentages, "điểm phần trăm"). The arithmetic is that of
``funding.core.derived``: this module only names and replays it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from ..core.derived import (
    Derived,
    Quantity,
    change,
    difference,
    ratio,
    share,
    total,
)
from ..core.models import Figure

SEPARATORS = {
    "ratio": "/",
    "share": "/",
    "change": "/",
    "times": "/",
    "sum": "+",
    "diff": "-",
    "points": "-",
}
FRACTIONS = {"ratio", "share", "change", "times"}


class IdentError(ValueError):
    """An ident that cannot be read, or names a figure that is gone."""


@dataclass(frozen=True)
class Node:
    """A parsed ident: ``op`` "fig" with one primary key, or an operation."""

    op: str
    args: tuple  # of int (primary keys) or Node

    def __str__(self) -> str:
        if self.op == "fig":
            return f"fig:{self.args[0]}"
        separator = SEPARATORS[self.op]
        return f"{self.op}:" + separator.join(_term(a) for a in self.args)

    def pks(self) -> set[int]:
        found: set[int] = set()
        for arg in self.args:
            found |= arg.pks() if isinstance(arg, Node) else {arg}
        return found


def _term(arg) -> str:
    if isinstance(arg, Node):
        return str(arg.args[0]) if arg.op == "fig" else f"({arg})"
    return str(arg)


def fig(pk: int) -> Node:
    return Node("fig", (pk,))


def op(name: str, *args) -> Node:
    return Node(name, tuple(args))


def parse(ident: str) -> Node:
    node, rest = _parse(ident.strip())
    if rest:
        raise IdentError(f"“{ident}”: thừa “{rest}”.")
    return node


def figures_named(ident: str) -> set[int]:
    """The primary keys of the figures a reading's ident names ("ratio:12/34":
    {12, 34}); none for ``NOT_A_FIGURE`` or an ident that cannot be read."""
    try:
        return parse(ident).pks()
    except IdentError:
        return set()


def _parse(text: str) -> tuple[Node, str]:
    match = re.match(r"([a-z]+):", text)
    if not match or (match[1] != "fig" and match[1] not in SEPARATORS):
        raise IdentError(f"“{text}” không phải là cách đọc số liệu.")
    name, rest = match[1], text[match.end() :]
    if name == "fig":
        number = re.match(r"\d+", rest)
        if not number:
            raise IdentError(f"“{text}”: thiếu mã số liệu.")
        return fig(int(number[0])), rest[number.end() :]
    args = []
    while True:
        arg, rest = _operand(rest)
        args.append(arg)
        if not rest.startswith(SEPARATORS[name]):
            break
        rest = rest[1:]
    if len(args) < 2:
        raise IdentError(f"“{text}”: phép tính cần ít nhất hai số.")
    return Node(name, tuple(args)), rest


def _operand(text: str):
    if text.startswith("("):
        node, rest = _parse(text[1:])
        if not rest.startswith(")"):
            raise IdentError(f"“{text}”: thiếu dấu đóng ngoặc.")
        return node, rest[1:]
    number = re.match(r"\d+", text)
    if not number:
        raise IdentError(f"“{text}”: thiếu mã số liệu.")
    return fig(int(number[0])), text[number.end() :]


@dataclass(frozen=True)
class Computed:
    """What an ident gives: the result with its interval, and its figures.

    ``kind``: "value" (an amount or a count, in the figure's unit),
    "fraction" (ratio, share, change: 0.9524 is 95,24%), "times"
    (a plain multiple) or "points" (a difference of fractions)."""

    result: Quantity | Derived
    figures: tuple[Figure, ...]
    kind: str

    @property
    def value(self) -> Decimal:
        return self.result.value

    @property
    def low(self) -> Decimal:
        return self.result.low

    @property
    def high(self) -> Decimal:
        return self.result.high

    @property
    def explanation(self) -> str:
        if isinstance(self.result, Derived):
            return self.result.explanation
        return ""

    def as_quantity(self) -> Quantity:
        if isinstance(self.result, Derived):
            return self.result.as_quantity()
        return self.result


def evaluate(
    node: Node,
    figures: Mapping[int, Figure],
    quantities: Mapping[int, Quantity] | None = None,
) -> Computed:
    """Compute ``node`` from ``figures`` (by primary key); ``IdentError``
    names a figure that is no longer there, or a formula that cannot be
    worked out (a division by 0, or an operation the decimal arithmetic
    leaves undefined, as an unbounded interval over another). ``quantities`` (by primary key) are the
    inputs as some other source knows them (an article prints them rounded:
    ``Candidates.printed``); a figure without one is taken as stored."""
    if node.op == "fig":
        figure = figures.get(node.args[0])
        if figure is None:
            raise IdentError(f"Số liệu #{node.args[0]} không còn trong bài.")
        quantity = (quantities or {}).get(node.args[0]) or Quantity.of(figure)
        return Computed(quantity, (figure,), "value")
    parts = [
        evaluate(a if isinstance(a, Node) else fig(a), figures, quantities)
        for a in node.args
    ]
    quantities_in = [p.as_quantity() for p in parts]
    used = tuple(f for p in parts for f in p.figures)
    try:
        result = _apply(node.op, quantities_in)
    except ZeroDivisionError as exc:  # by 0 (or 0 by 0)
        raise IdentError(f"“{node}”: chia cho 0.") from exc
    except ArithmeticError as exc:  # an interval without end, by another
        raise IdentError(f"“{node}”: phép tính không ra kết quả xác định.") from exc
    kind = "points" if node.op == "points" else "value"
    if node.op in FRACTIONS:
        kind = "times" if node.op == "times" else "fraction"
    return Computed(result, used, kind)


def _apply(name: str, quantities: list[Quantity]) -> Derived:
    if name == "sum":
        return total(*quantities)
    if name in ("diff", "points"):
        return difference(quantities[0], quantities[1])
    first, second = quantities[0], quantities[1]
    if name == "share":
        return share(first, second)
    if name == "change":
        return change(first, second)
    return ratio(first, second)  # ratio, times
