"""What the checker says: each quoted number (``Quote``), the ways it can be
read (``Reading``), its verdict with what the data gives (``Finding``), and
all of them for an article (``Report``); a report as JSON and back
(``Report.as_json``, ``Report.from_json``), to be kept with the article.

Five outcomes: ``match``, ``rounding`` (within what rounding allows),
``mismatch`` (a confident one: only it blocks publishing), ``no_data`` (no
figure behind the number) and ``unsure`` ("cần xác nhận": the likeliest
readings disagree, or a binding can no longer be computed; the editor picks
one of ``Finding.readings``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from ..core.models import Figure, Indicator

MATCH, ROUNDING, MISMATCH, NO_DATA = "match", "rounding", "mismatch", "no_data"
UNSURE = "unsure"
#: A binding saying the quoted number is not a figure at all.
NOT_A_FIGURE = "none"
VERDICT_LABELS = {
    MATCH: "khớp",
    ROUNDING: "khớp trong phạm vi làm tròn",
    MISMATCH: "không khớp",
    NO_DATA: "không có số liệu để đối chiếu",
    UNSURE: "cần xác nhận",
}


@dataclass
class Quote:
    """A number as printed, where it is, and what it is read as."""

    part: str  # "title", "lead" or "body"
    start: int
    end: int
    text: str
    kind: str  # "amount", "percent", "count", "times" or "points"
    value: Decimal  # đồng, a count, or a percentage as printed (95.24)
    decimals: int
    step: Decimal  # the printed rounding step, in the stored unit
    sign: int = 0  # -1 for "thấp hơn", +1 for "cao hơn"
    role: str = ""  # in a pair "a/b": "executed" or "plan"; "từ a lên b": "old"/"new"
    in_parens: bool = False
    indicator: Indicator | None = None
    approx: str = ""  # "hơn", "gần", "khoảng"… before the number
    header: str = ""  # a table cell's caption and column header
    column: str = ""  # a table cell's column header alone
    blocked: str = ""  # why it cannot be a figure ("/kg": a price per unit)
    #: the words around name its own months ("kế hoạch 6 tháng 8,5 tỷ")
    own_months: bool = False
    #: its reading is unsure: the other readings it was given (a rate of it
    #: is unsure when one of them makes the rate right, ``doubted``)
    doubted: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reading:
    """One way to read a quote: a stored figure or a formula over figures.

    ``ident`` names it by figure primary keys and can be parsed back
    (``funding.checker.idents``): "fig:123", "ratio:123/456",
    "share:12/34", "change:12/34", "sum:1+2+3", "diff:1-2", "times:1/2",
    "points:(ratio:1/2)-(ratio:3/4)"; an operand in parentheses is itself
    an ident."""

    ident: str
    verdict: str
    expected: str = ""  # what the data gives, formatted as printed
    explanation: str = ""  # the formula with its inputs ("48,79 / 51,23")
    figures: tuple[Figure, ...] = ()
    score: float = 0.0


@dataclass
class Finding:
    quote: Quote
    verdict: str
    expected: str = ""  # what the data gives, formatted as printed
    explanation: str = ""  # how it was computed ("48,79 / 51,23")
    figures: tuple[Figure, ...] = ()
    context: tuple[str, str, str] = ("", "", "")  # before, the number, after
    readings: tuple[Reading, ...] = ()  # best first
    confidence: float = 0.0  # 0..1
    key: str = ""  # the quote's stable key (see ``quote_key``)
    bound: bool = False  # the verdict follows an editor's binding

    @property
    def label(self) -> str:
        return _(VERDICT_LABELS[self.verdict])

    @property
    def reading(self) -> Reading | None:
        return self.readings[0] if self.readings else None

    @property
    def alternatives(self) -> tuple[Reading, ...]:
        return self.readings[1:3]

    def describe(self) -> str:
        text = f"“{self.quote.text}”: {self.label}"
        if self.verdict in (MATCH, ROUNDING, MISMATCH):
            text += _(" (số liệu: %(expected)s") % {"expected": self.expected}
            if self.explanation:
                text += f" = {self.explanation}"
            text += ")"
        elif self.verdict == UNSURE and self.explanation:
            text += f" ({self.explanation})"
        return text


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    #: Quotes an editor marked "không phải số liệu": not reported as figures.
    not_figures: list[Finding] = field(default_factory=list)
    #: The editors' bindings it was made with (quote key → reading ident).
    bindings: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict:
        """The findings as JSON (``from_json`` reads them back): figures by
        label and address only, numbers as strings (exact Decimals). Not
        the bindings: who stores it knows them, and how to compare them."""
        return {
            "findings": [_finding_json(f) for f in self.findings],
            "not_figures": [_finding_json(f) for f in self.not_figures],
        }

    @classmethod
    def from_json(cls, data: dict, bindings: dict[str, str] | None = None) -> Report:
        """The report ``as_json`` gave, made with ``bindings``; its figures
        are ``StoredFigure``s, and its quotes without what only the checking
        reads (``indicator``, ``header``, ``blocked``)."""
        return cls(
            findings=[_finding_loaded(d) for d in data["findings"]],
            not_figures=[_finding_loaded(d) for d in data["not_figures"]],
            bindings=dict(bindings or {}),
        )

    def count(self, verdict: str) -> int:
        return sum(1 for f in self.findings if f.verdict == verdict)

    @property
    def mismatches(self) -> list[Finding]:
        """Confident mismatches only: what blocks publishing."""
        return [f for f in self.findings if f.verdict == MISMATCH]

    @property
    def has_mismatch(self) -> bool:
        return bool(self.mismatches)

    @property
    def unsure(self) -> list[Finding]:
        return [f for f in self.findings if f.verdict == UNSURE]

    def summary(self) -> str:
        return _(
            "%(total)s số được trích: %(match)s khớp, %(rounding)s khớp trong "
            "phạm vi làm tròn, %(mismatch)s không khớp, %(unsure)s cần xác "
            "nhận, %(no_data)s không có số liệu để đối chiếu."
        ) % {
            "total": len(self.findings),
            "match": self.count(MATCH),
            "rounding": self.count(ROUNDING),
            "mismatch": self.count(MISMATCH),
            "unsure": self.count(UNSURE),
            "no_data": self.count(NO_DATA),
        }


# As JSON --------------------------------------------------------------------
# The form ``news`` has stored since it first kept checks: keep it, or make
# what was stored stale. A change to this module does that by itself (a
# stored report's version covers it: ``funding.checker.SOURCE_MODULES``).


@dataclass(frozen=True)
class StoredFigure:
    """A figure a loaded report reads, as the editor's panel names and links
    it (its label and address when the report was made)."""

    pk: int
    label: str
    url: str

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return self.url


def _figures_json(figures) -> list[dict]:
    return [{"pk": f.pk, "label": str(f), "url": f.get_absolute_url()} for f in figures]


def _figures_loaded(data) -> tuple[StoredFigure, ...]:
    return tuple(StoredFigure(d["pk"], d["label"], d["url"]) for d in data)


def _reading_json(r: Reading) -> dict:
    return {
        "ident": r.ident,
        "verdict": r.verdict,
        "expected": r.expected,
        "explanation": r.explanation,
        "figures": _figures_json(r.figures),
        "score": r.score,
    }


def _reading_loaded(d: dict) -> Reading:
    return Reading(
        d["ident"], d["verdict"], d["expected"], d["explanation"],
        _figures_loaded(d["figures"]), d["score"],
    )  # fmt: skip


def _finding_json(f: Finding) -> dict:
    q = f.quote
    return {
        "quote": [q.part, q.start, q.end, q.text, q.kind, str(q.value), q.decimals],
        "quote_more": [str(q.step), q.sign, q.role, q.in_parens, q.approx],
        "verdict": f.verdict,
        "expected": f.expected,
        "explanation": f.explanation,
        "figures": _figures_json(f.figures),
        "context": list(f.context),
        "readings": [_reading_json(r) for r in f.readings],
        "confidence": f.confidence,
        "key": f.key,
        "bound": f.bound,
    }


def _finding_loaded(d: dict) -> Finding:
    part, start, end, text, kind, value, decimals = d["quote"]
    step, sign, role, in_parens, approx = d["quote_more"]
    quote = Quote(
        part, start, end, text, kind, Decimal(value), decimals, Decimal(step),
        sign=sign, role=role, in_parens=in_parens, approx=approx,
    )  # fmt: skip
    return Finding(
        quote, d["verdict"], d["expected"], d["explanation"],
        _figures_loaded(d["figures"]), tuple(d["context"]),
        tuple(_reading_loaded(r) for r in d["readings"]),
        d["confidence"], d["key"], d["bound"],
    )  # fmt: skip
