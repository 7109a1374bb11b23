"""Loading a corpus article (``tests/corpus/checker``) into the database and
scoring the checker on it: shared by ``bench/checker_corpus.py`` and
``tests/corpus/test_checker_corpus.py``. Call inside a database that holds
the reference data; every write is rolled back."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from functools import cache
from pathlib import Path

import yaml
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify

from funding.checker import MATCH, MISMATCH, NO_DATA, ROUNDING, UNSURE, Checker
from funding.checker.plain import plain_text
from funding.core.models import (
    Area,
    Figure,
    Indicator,
    ProgrammeContent,
    RegionMembership,
    SourceDocument,
)

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "checker"
START, END = "\ue000", "\ue001"
AGREE = (MATCH, ROUNDING)


def article_number(name: str) -> int:
    """The number an article's file name starts with ("07-…", "103-…")."""
    return int(name.split("-", 1)[0])


def articles(split: str = "all"):
    """(name, document) of the corpus's articles in ``split``, in number
    order (past 99 the names have three digits)."""
    for name, doc in _documents():
        if split == "all" or doc.get("split") == split:
            yield name, doc


@cache
def _documents() -> tuple:
    """Every article, parsed once per process (with libyaml's parser where
    PyYAML has it: the pure-Python one takes seconds per pass)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    paths = sorted(
        CORPUS.glob("[0-9]*-*.yaml"), key=lambda path: article_number(path.stem)
    )
    return tuple(
        (path.stem, yaml.load(path.read_text(encoding="utf-8"), Loader=loader))
        for path in paths
    )


class _Rollback(Exception):
    pass


def score_article(doc: dict) -> tuple[Counter, list[str]]:
    """The article's counts (see ``bench/checker_corpus.py``) and, per quote
    gone wrong, a line saying how."""
    result: list = []
    try:
        with transaction.atomic():
            figures = Loader(doc).load()
            result = list(Scorer(doc, figures).run())
            raise _Rollback
    except _Rollback:
        pass
    return result[0], result[1]


# --- Loading -------------------------------------------------------------------


class Loader:
    def __init__(self, doc: dict):
        self.doc = doc
        self.areas: dict[tuple, Area] = {}
        self.source = SourceDocument.objects.create(title=doc["title"][:300])

    def load(self) -> dict[tuple, Figure]:
        indicators = self._indicators()
        figures = {}
        for row in self.doc["data"]:
            period_kind, period_end = _period(row["period"], row["year"])
            figure = Figure.objects.create(
                indicator=indicators[row["indicator"]],
                area=self.area(row["area"], row.get("area_until")),
                fund=row["fund"],
                content=_content(row["content"]),
                year=row["year"],
                period_kind=period_kind,
                period_end=period_end,
                measure=row["measure"],
                value=Decimal(row["value"]),
                rounding=Decimal(row.get("rounding") or 0),
                source=self.source,
            )
            figures[figure_key(row)] = figure
        self._members()
        return figures

    def _indicators(self) -> dict[str, Indicator]:
        found = {i.code: i for i in Indicator.objects.all()}
        for row in self.doc.get("indicators") or []:
            if row["code"] not in found:
                found[row["code"]] = Indicator.objects.create(
                    code=row["code"],
                    name=row["name"],
                    unit=Indicator.Unit.COUNT,
                    count_noun=row["count_noun"],
                )
        return found

    def area(self, name: str, until=None) -> Area:
        key = (name, until)
        if key not in self.areas:
            self.areas[key] = _area(name, until)
        return self.areas[key]

    def _members(self) -> None:
        for row in self.doc.get("areas") or []:
            for year, members in (row.get("members") or {}).items():
                region = self.area(row["name"], row.get("area_until"))
                for member in members:
                    name, until = (
                        (member["area"], member.get("area_until"))
                        if isinstance(member, dict)
                        else (member, None)
                    )
                    RegionMembership.objects.get_or_create(
                        region=region, province=self.area(name, until), year=int(year)
                    )


def _period(text: str, year: int):
    if text == "year":
        return Figure.PeriodKind.YEAR, Figure.period_end_for("year", year)
    kind, _, value = text.partition(":")
    if kind == "months":
        return Figure.PeriodKind.MONTHS, Figure.period_end_for(
            "months", year, int(value)
        )
    from datetime import date

    return Figure.PeriodKind.TO_DATE, date.fromisoformat(value)


def _content(name: str) -> ProgrammeContent:
    if name == "all":
        return ProgrammeContent.objects.get(code=ProgrammeContent.ALL)
    content, _ = ProgrammeContent.objects.get_or_create(
        name=name, defaults={"code": slugify(name)[:60] or "noi-dung"}
    )
    return content


def _area(name: str, until) -> Area:
    if name.lower() in ("cả nước", "toàn quốc"):
        return Area.objects.get(kind=Area.Kind.NATION)
    named = Area.objects.filter(
        Q(name__iexact=name) | Q(short_name__iexact=name) | Q(aliases__icontains=name)
    )
    named = [a for a in named if _names(a) & {name.lower()}]
    if until:
        named = [a for a in named if a.valid_to is not None]
    else:
        named.sort(key=lambda a: a.valid_to is not None)  # today's first
    if named:
        return named[0]
    return Area.objects.create(
        code=slugify(name)[:40], name=name, short_name=name, kind=Area.Kind.REGION
    )


def _names(area: Area) -> set[str]:
    names = {area.name, area.short_name, *area.aliases.splitlines()}
    return {n.strip().lower() for n in names if n.strip()}


def figure_key(row: dict) -> tuple:
    return tuple(
        row.get(k)
        for k in (
            "indicator",
            "area",
            "area_until",
            "fund",
            "content",
            "year",
            "period",
            "measure",
        )
    )


# --- Scoring -------------------------------------------------------------------


def leaves(reading: dict) -> list[dict]:
    """The stored figures a corpus reading uses."""
    if "figure" in reading:
        return [reading["figure"]]
    if "derived" in reading:
        return [f for r in reading["derived"]["inputs"] for f in leaves(r)]
    return []


class Scorer:
    def __init__(self, doc: dict, figures: dict[tuple, Figure]):
        self.doc = doc
        self.figures = figures
        self.checker = Checker(list(figures.values()))
        self.counts: Counter = Counter()
        self.detail: list[str] = []

    def pks(self, reading: dict) -> frozenset:
        return frozenset(self.figures[figure_key(f)].pk for f in leaves(reading))

    def run(self):
        base = self.check(self.doc)
        self.score_quotes(base)
        self.score_distractors(base)
        for edit in self.doc.get("errors") or []:
            self.score_error(edit)
        for edit in self.doc.get("rounding_variants") or []:
            self.score_variant(edit)
        yield self.counts
        yield self.detail

    def check(self, doc: dict, edit: dict | None = None, mark=None):
        """The checker's findings on ``doc`` with ``edit`` applied, and where
        ``mark`` (a quote or distractor) stands in the plain text."""
        parts, span = self.texts(doc, edit, mark)
        return self.checker.check_parts(list(parts.items())), span

    def span(self, mark: dict) -> tuple[str, int, int]:
        """Where ``mark`` stands in the unedited article's plain text: the
        article's own findings (checked once) are looked up there."""
        return self.texts(self.doc, mark=mark)[1]

    def texts(self, doc: dict, edit: dict | None = None, mark=None):
        """The plain text per part, with ``edit`` applied, and ``mark``'s span."""
        parts, span = {}, None
        for part in ("title", "lead", "body"):
            raw = doc[part]
            spans = []
            if mark is not None and mark["part"] == part:
                raw, spans = _marked(raw, mark, edit)
            elif edit is not None and edit["part"] == part:
                raw, _ = _apply(raw, edit)
            text = plain_text(raw) if part == "body" else raw
            if spans:
                start = text.index(START)
                end = text.index(END) - 1
                text = text.replace(START, "").replace(END, "")
                span = (part, start, end)
            parts[part] = text
        return parts, span

    def at(self, report, span):
        part, start, end = span
        return [
            f
            for f in report.findings
            if f.quote.part == part and f.quote.start < end and f.quote.end > start
        ]

    def score_quotes(self, base) -> None:
        report, _ = base
        mismatches = [f for f in report.findings if f.verdict == MISMATCH]
        self.counts["false_mm"] += len(mismatches)
        for finding in mismatches:
            self.detail.append(f"FALSE MISMATCH {finding.describe()}")
        for quote in self.doc["quotes"]:
            found = self.at(report, self.span(quote))
            self.score_quote(quote, found)

    def score_quote(self, quote: dict, found: list) -> None:
        if quote["expect"] == "no_data":
            self.counts["nodata"] += 1
            unsure = any(f.verdict == UNSURE for f in found)
            self.counts["unsure"] += unsure
            if any(f.verdict in (*AGREE, MISMATCH) for f in found):
                self.detail.append(f"{quote['id']} no_data read as {_says(found)}")
            else:
                self.counts["nodata_ok"] += 1
            return
        readings = quote.get("readings") or [quote["reading"]]
        self.counts["quotes"] += 1
        self.counts["unsure"] += any(f.verdict == UNSURE for f in found)
        if len(found) < len(readings):
            self.detail.append(f"{quote['id']} “{quote['text']}” not found")
            return
        self.counts["found"] += 1
        found = sorted(found, key=lambda f: f.quote.start)[: len(readings)]
        right = all(
            f.verdict in AGREE and frozenset(x.pk for x in f.figures) == self.pks(r)
            for f, r in zip(found, readings, strict=True)
        )
        self.counts["correct"] += right
        if not right:
            self.detail.append(f"{quote['id']} wrong: {_says(found)}")

    def score_distractors(self, base) -> None:
        report, _ = base
        for distractor in self.doc.get("distractors") or []:
            self.counts["distractors"] += 1
            at = self.at(report, self.span(distractor))
            flagged = [f for f in at if f.verdict != NO_DATA]
            if flagged:
                self.counts["distr_flagged"] += 1
                self.detail.append(f"DISTRACTOR {_says(flagged)}")

    def _quote(self, edit: dict) -> dict:
        return next(q for q in self.doc["quotes"] if q["id"] == edit["quote"])

    def score_error(self, edit: dict) -> None:
        self.counts["errors"] += 1
        quote = self._quote(edit)
        report, span = self.check(self.doc, edit, quote)
        found = self.at(report, span)
        right = set()
        for reading in [
            *(quote.get("readings") or [quote.get("reading")]),
            *_as_list(edit.get("now_reads")),
            *_as_list(edit.get("comes_from")),
        ]:
            if reading:
                right.add(self.pks(reading))
        flagged = any(f.verdict == MISMATCH for f in found) or any(
            f.verdict == UNSURE
            and any(frozenset(x.pk for x in r.figures) in right for r in f.readings)
            for f in found
        )
        self.counts["flagged"] += flagged
        # a confident mismatch blocks publishing; "unsure" only asks
        self.counts["blocked"] += any(f.verdict == MISMATCH for f in found)
        if not flagged:
            self.detail.append(
                f"MISSED {edit['id']} {edit['kind']} {edit['find']}→{edit['replace']}: "
                f"{_says(found)}"
            )

    def score_variant(self, edit: dict) -> None:
        self.counts["variants"] += 1
        quote = self._quote(edit)
        report, span = self.check(self.doc, edit, quote)
        wrong = [f for f in self.at(report, span) if f.verdict == MISMATCH]
        if wrong:
            self.counts["false_mm"] += 1
            self.detail.append(
                f"VARIANT {edit['id']} {edit['find']}→{edit['replace']}: {_says(wrong)}"
            )


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _says(findings) -> str:
    return (
        "; ".join(
            f"{f.quote.text}={f.verdict}[{f.reading.ident if f.reading else ''}"
            f" {f.expected} {f.explanation}]"
            f" «{f.context[0][-90:]}|{f.context[2][:40]}»"
            for f in findings
        )
        or "nothing"
    )


def _nth(text: str, needle: str, occurrence: int) -> int:
    position = -1
    for _ in range(occurrence):
        position = text.index(needle, position + 1)
    return position


def _apply(raw: str, edit: dict) -> tuple[str, tuple[int, int, int]]:
    start = _nth(raw, edit["find"], edit.get("occurrence", 1))
    end = start + len(edit["find"])
    return raw[:start] + edit["replace"] + raw[end:], (start, end, len(edit["replace"]))


def _marked(raw: str, mark: dict, edit: dict | None) -> tuple[str, list]:
    """``raw`` with ``edit`` applied and ``mark``'s span between sentinels."""
    start = _nth(raw, mark["text"], mark.get("occurrence", 1))
    end = start + len(mark["text"])
    if edit is not None and edit["part"] == mark["part"]:
        raw, (e_start, e_end, length) = _apply(raw, edit)
        delta = length - (e_end - e_start)
        if e_end <= start:
            start, end = start + delta, end + delta
        elif e_start < end:
            start, end = min(start, e_start), max(end, e_end) + delta
    elif edit is not None:
        pass
    return raw[:start] + START + raw[start:end] + END + raw[end:], [(start, end)]
