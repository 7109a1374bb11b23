"""The figures pages on a phone (320 and 390 px) in real Chromium: how a
derived figure was computed ("tính ra: …") wraps beneath it instead of
widening its column, so the number columns stay compact and the first
figure of a table is on screen; a table wider than the screen scrolls in
its own box, with a shadow at the edge as the cue, never the page. Links
and filters are at least 44 px tall to a thumb; the API page's example
command wraps in its box."""

import json

import pytest

from funding.core.demo import load_demo_figures
from news.demo.content import SEED_SLUG, load_demo_content
from news.models import Article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

#: Per table: its scrolling box, its widest number cell, where its first
#: figure ends, and any formula wider than its cell.
TABLES = r"""() => [...document.querySelectorAll('main .table-wrap')].map(wrap => {
  const style = getComputedStyle(wrap);
  const cells = [...wrap.querySelectorAll('td.num')];
  const first = wrap.querySelector('tbody td.num data');
  return {
    caption: wrap.querySelector('caption').innerText.slice(0, 50),
    scrolls: style.overflowX === 'auto',
    cue: style.backgroundImage.includes('gradient'),
    widest: Math.max(0, ...cells.map(c => c.getBoundingClientRect().width)),
    firstRight: first ? first.getBoundingClientRect().right : 0,
    formulas: [...wrap.querySelectorAll('td.num .formula')].length,
    spilt: [...wrap.querySelectorAll('td.num .formula')].filter(f =>
      f.getBoundingClientRect().width > f.closest('td').getBoundingClientRect().width
    ).length,
  };
})"""


@pytest.fixture
def figure_pages(reference_data):
    load_demo_content()
    load_demo_figures()
    return [
        "/so-lieu/",
        "/so-lieu/khu-vuc/mien-trung-tay-nguyen/",
        "/so-lieu/qua-cac-nam/mien-trung-tay-nguyen/",
        "/so-lieu/xep-hang/",
        Article.objects.get(slug=SEED_SLUG).get_absolute_url(),
    ]


@pytest.mark.parametrize("width", [320, 390])
def test_the_figures_and_their_formulas_fit_a_phone(
    live_server, browser, figure_pages, width
):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    problems, formulas = {}, 0
    for path in figure_pages:
        assert page.goto(live_server.url + path).status == 200, path
        assert page.evaluate(
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        ), (path, width)
        tables = page.evaluate(TABLES)
        assert tables, path
        formulas += sum(table["formulas"] for table in tables)
        bad = [
            table
            for table in tables
            if not table["scrolls"]
            or not table["cue"]
            or table["widest"] > 12 * 16
            or table["spilt"]
        ]
        if tables[0]["firstRight"] > width:
            bad.append({"first figure off screen": tables[0]})
        if bad:
            problems[path] = bad
    assert formulas > 0
    assert problems == {}, json.dumps(problems, ensure_ascii=False, indent=1)
    context.close()


#: Links and controls a thumb aims at, each as (what, height in px).
TOUCH = r"""() => [...document.querySelectorAll(
  '.breadcrumb a, p.meta a, .footer-links a, .site-footer address a, .downloads a,'
  + ' main table.data a:not(.note-mark), .filters select, .filters button'
)].filter(e => e.getBoundingClientRect().width > 0)
  .map(e => [e.tagName + ' ' + (e.innerText || e.name).trim().slice(0, 20),
             Math.round(e.getBoundingClientRect().height)])"""


def test_links_and_filters_are_thumb_sized_on_a_phone(
    live_server, browser, figure_pages
):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    small, seen = [], 0
    for path in [*figure_pages, "/so-lieu/tinh/gia-lai/"]:
        page.goto(live_server.url + path)
        targets = page.evaluate(TOUCH)
        seen += len(targets)
        small += [(path, what, height) for what, height in targets if height < 44]
    assert seen > 50
    assert small == []
    context.close()


def test_the_api_examples_fit_a_phone(live_server, browser, reference_data):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(live_server.url + "/api/v1/")
    command = page.locator("pre").first
    assert "curl -s" in command.inner_text()
    assert command.bounding_box()["width"] <= 390
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    context.close()
