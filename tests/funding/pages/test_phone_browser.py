"""Tables and charts that read on a phone, in real Chromium: the seed
story's data blocks, the ranking, the tile map and an area over the years
at 360 and 1280 px — screenshots kept, axe-core clean, no horizontal
overflow of the page, no table column squeezed to a word a line, chart
text at least 12 px."""

from decimal import Decimal
from pathlib import Path

import pytest

from funding.models import Area, Figure, Indicator, ProgrammeContent, SourceDocument
from news.demo.content import SEED_SLUG, load_demo_content
from news.models import Article

AXE = Path(__file__).resolve().parents[2] / "assets" / "axe.min.js"
#: Where the screenshots are kept for a person to look at (not in git).
SHOTS = Path(__file__).resolve().parents[3] / "screenshots"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BILLION = Decimal(1_000_000_000)


@pytest.fixture
def pages(reference_data):
    load_demo_content()
    money = Indicator.objects.get(code="kinh-phi-khuyen-cong")
    content = ProgrammeContent.objects.get(code=ProgrammeContent.ALL)
    document = SourceDocument.objects.create(title="Báo cáo thử của các tỉnh")
    provinces = Area.objects.filter(kind=Area.Kind.PROVINCE, valid_to=None)
    figures = []
    for n, area in enumerate(provinces):
        for year in (2023, 2024, 2025):
            for measure, value in (("plan", 10 + n), ("executed", 8 + n + year % 3)):
                figures.append(Figure(
                    indicator=money, area=area, content=content, year=year,
                    period_kind="year", period_end=Figure.period_end_for("year", year),
                    measure=measure, value=value * BILLION, rounding=0, source=document,
                ))  # fmt: skip
    Figure.objects.bulk_create(figures)
    article = Article.objects.get(slug=SEED_SLUG)
    return {
        "bai-viet": article.get_absolute_url(),
        "xep-hang": "/so-lieu/xep-hang/?year=2025",
        "ban-do": "/so-lieu/ban-do/?year=2025&sort=ratio",
        "qua-cac-nam": "/so-lieu/qua-cac-nam/01/",
    }


CHECKS = r"""() => {
  const overflow = document.documentElement.scrollWidth > document.documentElement.clientWidth;
  // A cell squeezed: its words a line each, or five lines or more (a
  // column too narrow for its text); each word's line found from where
  // the browser drew it.
  const wordLines = cell => {
    const tops = [];
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest('.note-mark, .formula')) continue;
      for (const match of node.data.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        tops.push(Math.round(range.getBoundingClientRect().top));
      }
    }
    return tops;
  };
  const squeezed = [...document.querySelectorAll('main table td, main table th')]
    .filter(c => {
      const tops = wordLines(c);
      const lines = new Set(tops).size;
      return lines >= 5 || (tops.length >= 3 && lines === tops.length);
    })
    .map(c => c.innerText.slice(0, 40));
  // Chart text as drawn: its font size times the SVG's scale on screen.
  const small = [...document.querySelectorAll('main svg text')]
    .map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)
    .filter(size => size < 12);
  return {overflow, squeezed, small: small.length};
}"""


@pytest.mark.parametrize("width", [360, 1280])
def test_tables_and_charts_read_at_phone_and_desktop_width(
    live_server, browser, pages, width
):
    SHOTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    problems = {}
    for name, path in pages.items():
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
        found = page.evaluate(CHECKS)
        if found["overflow"] or found["squeezed"] or found["small"]:
            problems[path] = found
    assert problems == {}
    context.close()


def test_axe_finds_no_serious_violation_on_the_new_pages(live_server, browser, pages):
    source = AXE.read_text()
    found = {}
    for width in (360, 1280):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        for path in pages.values():
            page.goto(live_server.url + path)
            page.evaluate(source)
            result = page.evaluate(
                "async () => (await axe.run(document, {runOnly: "
                "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}))"
                ".violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))"
            )
            serious = [v for v in result if v["impact"] in ("serious", "critical")]
            if serious:
                found[f"{path}@{width}"] = serious
        context.close()
    assert found == {}
