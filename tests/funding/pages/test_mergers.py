"""A province created by the 2025 merger shows, for the periods before
1/7/2025, the sum of the provinces it replaced: on its page, in the data
blocks naming it and in their downloads (issue 16, item 4); and a fund
triple completed wherever a region's figures are downloaded (item 2)."""

import csv
import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from funding.api import Checker, Selection, showing
from funding.models import Area, Figure, Indicator, ProgrammeContent
from news.demo.content import SEED_SLUG
from news.models import Article, DataBlock

pytestmark = pytest.mark.django_db

PLAN, EXECUTED = Figure.Measure.PLAN, Figure.Measure.EXECUTED
ALL, KCQG, KCDP = Figure.Fund.ALL, Figure.Fund.KCQG, Figure.Fund.KCDP
BILLION = 10**9


@pytest.fixture
def gia_lai(demo, make_figure):
    """The new Gia Lai (old Gia Lai and Bình Định): 2022 stored for both
    predecessors, 2025 for itself."""
    old, binh_dinh = (
        Area.objects.get(slug="gia-lai-den-2025"),
        Area.objects.get(slug="binh-dinh"),
    )
    new = Area.objects.get(slug="gia-lai")
    make_figure(old, 2022, EXECUTED, 3 * BILLION)
    make_figure(binh_dinh, 2022, EXECUTED, 4 * BILLION)
    make_figure(new, 2025, EXECUTED, 8 * BILLION)
    return new


@pytest.fixture
def block(gia_lai):
    seed = Article.objects.get(slug=SEED_SLUG)
    article = Article.objects.create(
        title="Gia Lai qua các năm",
        lead="Sapo.",
        body="<p>Bảng.</p>",
        category=seed.category,
        status=Article.Status.PUBLISHED,
        published_at=seed.published_at,
    )
    block = DataBlock.objects.create(
        article=article,
        title="Gia Lai 2022-2025",
        year_from=2022,
        year_to=2025,
        content=ProgrammeContent.objects.get(code=ProgrammeContent.ALL),
        display="table",
    )
    block.indicators.set(Indicator.objects.filter(code="kinh-phi-khuyen-cong"))
    block.areas.set([gia_lai])
    return block


def test_a_block_naming_the_new_province_shows_the_predecessors_sum(client, block):
    html = client.get(block.article.get_absolute_url()).content.decode()
    section = html[html.index(f'id="{block.anchor}"') :]
    section = section[: section.index("</section>")]
    assert "Năm 2022" in section and "Năm 2025" in section
    # Derived, with how.
    assert "(đơn vị: tỷ đồng)" in section
    assert '<data value="7000000000.00"' in section
    assert "3 + 4" in section or "4 + 3" in section
    # The predecessors are read to sum them, not shown as rows of their own.
    assert "Bình Định" not in section


def test_the_block_download_lists_the_sum_as_derived(client, block):
    response = client.get(reverse("news:block_csv", args=[block.pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    derived = [r for r in rows[1:] if r[-1].startswith("Số tính ra")]
    assert any(
        r[1] == "Gia Lai" and "3.000.000.000" in r[-1] and "4.000.000.000" in r[-1]
        for r in derived
    ), derived
    assert Decimal(7 * BILLION) in {Decimal(r[7]) for r in derived}


def test_the_sum_needs_every_predecessor(block):
    Figure.objects.filter(area__slug="binh-dinh").delete()
    selection = Selection.of(block)
    cells = selection.cells(list(selection.figures(every_fund=True)))
    assert not [
        cell
        for cell in cells
        if cell.as_figure.area_id == block.areas.get().pk
        and cell.as_figure.year == 2022
    ]


def test_a_predecessors_figure_is_shown_by_the_block_naming_its_successor(block):
    figure = Figure.objects.get(area__slug="binh-dinh", year=2022)
    assert DataBlock.objects.filter(showing(figure)).distinct().get() == block


def test_the_province_page_and_download_sum_the_predecessors(client, gia_lai):
    page = client.get(gia_lai.get_absolute_url())
    assert "7 tỷ đồng" in page.content.decode()
    body = client.get(gia_lai.get_absolute_url(), {"format": "csv"})
    rows = list(csv.reader(io.StringIO(body.content.decode("utf-8-sig"))))
    assert [r[1] for r in rows[1:]] == ["2022", "2025"]
    assert Decimal(rows[1][4]) == 7 * BILLION


def test_a_region_download_completes_the_fund_triple(client, demo, make_figure):
    dak_lak = Area.objects.get(slug="dak-lak-den-2025")
    make_figure(dak_lak, 2021, EXECUTED, 2 * BILLION, source=KCQG)
    make_figure(dak_lak, 2021, EXECUTED, 3 * BILLION, source=KCDP)
    body = client.get(
        reverse("funding:region", args=["tay-nguyen"]),
        {"year": 2021, "format": "csv"},
    )
    rows = list(csv.reader(io.StringIO(body.content.decode("utf-8-sig"))))
    row = next(r for r in rows if r[0] == "Đắk Lắk")
    assert Decimal(row[4]) == 5 * BILLION
    assert row[-1] == (
        "Số tính ra, không phải số công bố: 2.000.000.000 + 3.000.000.000"
    )


def test_a_block_names_the_area_as_it_was_in_the_figures_year(
    client, block, make_figure
):
    hue = Area.objects.get(slug="hue")
    make_figure(hue, 2022, EXECUTED, BILLION)
    make_figure(hue, 2025, EXECUTED, 2 * BILLION)
    block.areas.set([hue])
    html = client.get(block.article.get_absolute_url()).content.decode()
    section = html[html.index(f'id="{block.anchor}"') :]
    rows = re.findall(r"<tr>.*?</tr>", section[: section.index("</section>")], re.S)
    named = {
        re.search(r"Năm \d{4}", row).group(): re.sub(
            r"<a class=\"note-mark\".*?</a>",
            "",
            re.search(r'<th scope="row">(.*?)</th>', row).group(1),
        )
        for row in rows
        if "Năm " in row
    }
    assert named == {"Năm 2022": "Thừa Thiên Huế", "Năm 2025": "Huế"}


def test_pages_api_and_download_derive_the_pre_merger_sum_alike(client, gia_lai):
    """One rule (``funding.core.rollup``): the province page, its download
    and the API give the same sum, each marked as derived."""
    body = client.get(gia_lai.get_absolute_url(), {"format": "csv"})
    rows = list(csv.reader(io.StringIO(body.content.decode("utf-8-sig"))))
    year_2022 = next(r for r in rows[1:] if r[1] == "2022")
    assert Decimal(year_2022[4]) == 7 * BILLION
    assert year_2022[-1].startswith("Số tính ra") and "3.000.000.000" in year_2022[-1]
    api = client.get(
        reverse("api:area_figures", args=[gia_lai.code]),
        {"year": 2022, "measure": EXECUTED, "fund": ALL},
    ).json()
    (cell,) = api["items"]
    assert cell["derived"] is True and Decimal(cell["value"]) == 7 * BILLION
    series = client.get(reverse("funding:series", args=[gia_lai.code]))
    assert "7 tỷ" in series.content.decode()


def test_without_every_predecessor_there_is_no_sum_anywhere(client, gia_lai):
    Figure.objects.filter(area__slug="binh-dinh").delete()
    body = client.get(gia_lai.get_absolute_url(), {"format": "csv"})
    rows = list(csv.reader(io.StringIO(body.content.decode("utf-8-sig"))))
    assert [r[1] for r in rows[1:]] == ["2025"]
    api = client.get(
        reverse("api:area_figures", args=[gia_lai.code]), {"year": 2022}
    ).json()
    assert api["count"] == 0


def test_the_checker_reads_the_successor_as_its_predecessors_sum_before_the_merger(
    gia_lai, make_figure
):
    figures = list(Figure.objects.with_dimensions().filter(year=2022))
    checker = Checker(figures)
    summed = [
        c for c in checker.candidates.all()
        if c.dims["area"] == gia_lai.pk and c.derived is not None
    ]  # fmt: skip
    assert [c.value for c in summed] == [7 * BILLION]
    # A whole year ending after the merger (1/7/2025) is the successor's own
    # figure: the predecessors' 2025 plans added up stand in for it only
    # while it has none (a plan set before the merger, as articles quote
    # it), never beside it.
    for slug in ("gia-lai-den-2025", "binh-dinh"):
        make_figure(Area.objects.get(slug=slug), 2025, PLAN, BILLION)

    def successor_readings():
        after = Figure.objects.with_dimensions().filter(year=2025, measure=PLAN)
        return [
            (c.value, c.derived is not None)
            for c in Checker(list(after)).candidates.all()
            if c.dims["area"] == gia_lai.pk
        ]

    assert successor_readings() == [(2 * BILLION, True)]
    make_figure(gia_lai, 2025, PLAN, 3 * BILLION)
    assert successor_readings() == [(3 * BILLION, False)]
