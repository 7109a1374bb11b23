"""What the checker says: each quoted number (``Quote``), its verdict with
what the data gives (``Finding``), and all of them for an article
(``Report``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from ..core.models import Figure, Indicator

MATCH, ROUNDING, MISMATCH, NO_DATA = "match", "rounding", "mismatch", "no_data"
VERDICT_LABELS = {
    MATCH: "khớp",
    ROUNDING: "khớp trong phạm vi làm tròn",
    MISMATCH: "không khớp",
    NO_DATA: "không có số liệu để đối chiếu",
}


@dataclass
class Quote:
    """A number as printed, where it is, and what it is read as."""

    part: str  # "title", "lead" or "body"
    start: int
    end: int
    text: str
    kind: str  # "amount", "percent" or "count"
    value: Decimal  # đồng, a count, or a percentage as printed (95.24)
    decimals: int
    step: Decimal  # the printed rounding step, in the stored unit
    sign: int = 0  # -1 for "thấp hơn", +1 for "cao hơn"
    role: str = ""  # in a pair "a/b": "executed" or "plan"
    in_parens: bool = False
    indicator: Indicator | None = None


@dataclass
class Finding:
    quote: Quote
    verdict: str
    expected: str = ""  # what the data gives, formatted as printed
    explanation: str = ""  # how it was computed ("48,79 / 51,23")
    figures: tuple[Figure, ...] = ()
    context: tuple[str, str, str] = ("", "", "")  # before, the number, after

    @property
    def label(self) -> str:
        return _(VERDICT_LABELS[self.verdict])

    def describe(self) -> str:
        text = f"“{self.quote.text}”: {self.label}"
        if self.verdict in (MATCH, ROUNDING, MISMATCH):
            text += _(" (số liệu: %(expected)s") % {"expected": self.expected}
            if self.explanation:
                text += f" = {self.explanation}"
            text += ")"
        return text


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)

    def count(self, verdict: str) -> int:
        return sum(1 for f in self.findings if f.verdict == verdict)

    @property
    def mismatches(self) -> list[Finding]:
        return [f for f in self.findings if f.verdict == MISMATCH]

    @property
    def has_mismatch(self) -> bool:
        return bool(self.mismatches)

    def summary(self) -> str:
        return _(
            "%(total)s số được trích: %(match)s khớp, %(rounding)s khớp trong "
            "phạm vi làm tròn, %(mismatch)s không khớp, %(no_data)s không có số "
            "liệu để đối chiếu."
        ) % {
            "total": len(self.findings),
            "match": self.count(MATCH),
            "rounding": self.count(ROUNDING),
            "mismatch": self.count(MISMATCH),
            "no_data": self.count(NO_DATA),
        }
