"""The report corpus (tests/corpus/reports/, see its README) through the
real import pipeline: every base file imports to exactly the figures its
YAML states (every value, unit and dimension, and the note), with a
warning exactly when the YAML says the file must be flagged; every mutated
copy is refused (nothing can be written) or flagged (nothing is written
without a confirmation), its message naming the row, column or cell the
YAML names.

The contents and the count indicator the reports name are set up as an
installation would define them (reference data names other contents).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from django.utils.text import slugify

from funding.core.models import (
    Area,
    Figure,
    Indicator,
    ProgrammeContent,
    SourceDocument,
)
from funding.core.periods import Period
from funding.imports import apply_import, plan_file
from khuyencong.text import fold

pytestmark = pytest.mark.django_db
REPORTS = Path(__file__).parent / "reports"
BASES = sorted(p for p in REPORTS.glob("[0-9][0-9]-*.yaml") if ".mut-" not in p.name)
MUTATIONS = sorted(REPORTS.glob("[0-9][0-9]-*.mut-*.yaml"))
COUNT_UNITS = {"đề án"}

#: Corpus indicator codes -> the reference data's codes.
REFERENCE_CODES = {"so-de-an-khuyen-cong": "so-de-an"}


def spec(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture
def corpus_words(db):
    """The contents and indicators the corpus names, defined once."""
    names = {
        f["content"]
        for path in BASES
        for f in spec(path).get("figures") or []
        if f["content"] != "all"
    }
    for position, name in enumerate(sorted(names), start=100):
        ProgrammeContent.objects.get_or_create(
            name=name, defaults={"code": slugify(fold(name))[:60], "position": position}
        )
    # The reference data's count of đề án (``funding.core.reference``) is
    # the one the corpus names "so-de-an-khuyen-cong".
    assert Indicator.objects.filter(
        code=REFERENCE_CODES["so-de-an-khuyen-cong"], count_noun="đề án"
    ).exists()


def period_of(text: str, year: int) -> tuple[str, date]:
    if text == "year":
        return Figure.PeriodKind.YEAR, date(year, 12, 31)
    kind, _, rest = text.partition(":")
    if kind == "months":
        return Figure.PeriodKind.MONTHS, Figure.period_end_for(
            Figure.PeriodKind.MONTHS, year, int(rest)
        )
    if kind == "quarter":
        return Figure.PeriodKind.QUARTER, Period.quarter_of(year, int(rest)).end
    return Figure.PeriodKind.TO_DATE, date.fromisoformat(rest)


def area_named(name: str, end: date) -> int:
    """The area the YAML names by its short name (or a name the reference
    data lists for it: "Thừa Thiên Huế" is Huế's), as it was on ``end``."""
    found = [
        area.pk
        for area in Area.objects.all()
        if name in (area.short_name, area.name, *area.aliases.splitlines())
        and (area.valid_from is None or area.valid_from <= end)
        and (area.valid_to is None or end <= area.valid_to)
    ]
    assert len(found) == 1, (name, end, found)
    return found[0]


def expected(figure: dict) -> tuple:
    kind, end = period_of(str(figure["period"]), figure["year"])
    content = "Tất cả nội dung" if figure["content"] == "all" else figure["content"]
    return (
        REFERENCE_CODES.get(figure["indicator"], figure["indicator"]),
        area_named(figure["area"], end),
        figure["fund"],
        content,
        figure["year"],
        kind,
        end,
        figure["measure"],
    )


def stored(figure: Figure) -> tuple:
    return (
        figure.indicator.code,
        figure.area_id,
        figure.fund,
        figure.content.name,
        figure.year,
        figure.period_kind,
        figure.period_end,
        figure.measure,
    )


def form_options(data: dict) -> dict:
    """What the YAML says the officer sets on the import form."""
    options = dict(data.get("options") or {})
    if "area" in options:
        year = data["context"]["year"]
        options["area"] = Area.objects.get(
            pk=area_named(options["area"], date(year, 12, 31))
        )
    return options


def read(path: Path, **options):
    source, _ = SourceDocument.objects.get_or_create(title=f"Báo cáo {path.name}")
    return plan_file(path.read_bytes(), file_name=path.name, source=source, **options)


def messages(problems) -> str:
    return "\n".join(str(p) for p in problems)


@pytest.mark.parametrize("yaml_path", BASES, ids=lambda p: p.stem)
def test_a_report_imports_exactly_the_figures_it_states(
    yaml_path, corpus_words, django_user_model
):
    data = spec(yaml_path)
    flagged = any(e.get("expect") == "flagged" for e in data.get("expect") or [])
    options = form_options(data)
    plan = read(REPORTS / data["file"], **options)
    assert plan.errors == [], messages(plan.errors)
    assert bool(plan.warnings) == flagged, messages(plan.warnings)
    if flagged:
        assert not plan.can_apply  # nothing is written before a confirmation
        plan = read(REPORTS / data["file"], confirmed=True, **options)
    assert plan.can_apply
    user = django_user_model.objects.create_user("solieu", password="x" * 14)
    record = apply_import(plan=plan, user=user)
    figures = Figure.objects.filter(last_import=record).select_related(
        "indicator", "area", "content"
    )
    got = {stored(f): f for f in figures}
    want = {expected(f): f for f in data["figures"]}
    assert len(data["figures"]) == data["figures_count"] == len(want)
    assert sorted(got, key=str) == sorted(want, key=str)
    for key, figure in want.items():
        found = got[key]
        where = f"{data['file']} {figure['cell']}"
        assert found.value == Decimal(figure["value"]), where
        assert found.note == (figure.get("note") or ""), where
        unit = figure.get("unit") or data["context"].get("unit")
        counted = found.indicator.unit == Indicator.Unit.COUNT
        assert counted == (unit in COUNT_UNITS), where


def named_numbers(text: str) -> set[Decimal]:
    """Every number a message writes, the Vietnamese way or raw."""
    found = set()
    for token in re.findall(r"-?\d[\d.,]*", text):
        token = token.rstrip(".,")
        for reading in (
            token.replace(".", "").replace(",", "."),
            token.replace(",", ""),
        ):
            try:
                found.add(Decimal(reading).normalize())
            except ArithmeticError:
                continue
    return found


def number_of(text: str) -> Decimal:
    return Decimal(str(text).replace(".", "").replace(",", ".")).normalize()


def check_named(must: dict, text: str) -> list[str]:
    """What the message fails to name, of what the YAML says it must."""
    folded, missing = fold(text), []
    numbers = named_numbers(text)
    for key, value in must.items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            item = str(item)
            if key in ("row", "rows", "title_row"):
                ok = re.search(rf"\b(dong|row) {item}\b|\b[A-Z]{item}\b", folded + text)
            elif key in ("column", "columns"):
                ok = item.startswith("the ") or re.search(rf"\b{item}\d*\b", text)
            elif key in ("stated", "sum_of_rows"):
                ok = number_of(item) in numbers
            elif key == "value":
                ok = item in text or (
                    re.fullmatch(r"-?\d+", item) and Decimal(item) in numbers
                )
            elif key == "label":
                continue  # a description for people, not words of the file
            else:
                ok = fold(item) in folded
            if not ok:
                missing.append(f"{key}={item}")
    return missing


@pytest.mark.parametrize("yaml_path", MUTATIONS, ids=lambda p: p.stem)
def test_a_broken_report_is_refused_or_flagged_naming_the_place(
    yaml_path, corpus_words
):
    data = spec(yaml_path)
    plan = read(REPORTS / data["file"], **form_options(data))
    assert not plan.can_apply
    if data["expect"] == "refused":
        assert plan.errors, f"{data['file']}: imported, not refused"
        text = messages(plan.errors)
    else:
        assert plan.errors == [], messages(plan.errors)
        assert plan.warnings, f"{data['file']}: not flagged"
        text = messages(plan.warnings)
        if data.get("figures_if_accepted"):
            assert len(plan.figures) == len(data["figures_if_accepted"])
    assert check_named(data["must_name"], text) == [], text
