"""The figures pages' own tables at 360 and 1280 px in real Chromium (issue
16, item 7): the overview (/so-lieu/), a province's and a region's page,
with the demo figures of every region 2020-2025. What is measured in the
page: no column squeezed to a word a line, the unit said once (in the
caption or the header, never in the cells), chart text at least 12 px,
no horizontal overflow of the page, axe-core clean. Screenshots are
written for a person to look at; the assertions are on the page."""

import json

import pytest

from funding.core.demo import load_demo_figures
from news.demo.content import load_demo_content

from .test_phone_browser import AXE, CHECKS, SHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_RUN = (
    "async () => (await axe.run(document, {runOnly: "
    "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}))"
    ".violations.filter(v => ['serious', 'critical'].includes(v.impact))"
    ".map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))"
)

#: Each table of the main content: does a cell repeat the unit, and does
#: the table say it (in its caption, or a row's header where the rows'
#: units differ)? Amount cells hold numbers only.
UNITS = r"""() => {
  const unit = /(tỷ|triệu|nghìn)?\s?đồng/;
  return [...document.querySelectorAll('main table')].map(table => {
    const said = [...table.querySelectorAll('caption, thead th, tbody th')]
      .filter(c => unit.test(c.innerText)).length;
    const cells = [...table.querySelectorAll('tbody td')]
      .filter(c => unit.test(c.innerText.replace(/\(.*?\)/g, '')))
      .map(c => c.innerText.slice(0, 30));
    const amounts = [...table.querySelectorAll('tbody td')]
      .filter(c => /\d/.test(c.innerText)).length;
    return {caption: (table.caption || {}).innerText || '', said, cells, amounts};
  });
}"""

#: Each table's first number of each body row: is it in view without
#: scrolling the table sideways (its right edge inside the scroll box)?
FIRST_NUMBER_IN_VIEW = r"""() => [...document.querySelectorAll('main table')].flatMap(table => {
  const box = (table.closest('.table-wrap') || table).getBoundingClientRect();
  return [...table.tBodies].flatMap(body => [...body.rows]).map(row => {
    const cell = [...row.cells].find(c => c.tagName === 'TD' && /\d/.test(c.innerText));
    if (!cell || cell.getBoundingClientRect().right <= box.right + 1) return null;
    return (table.caption || {}).innerText + ': ' + row.cells[0].innerText.slice(0, 40);
  }).filter(Boolean);
})"""


@pytest.fixture
def area_pages(reference_data):
    load_demo_content()
    load_demo_figures()
    return {
        "tong-quan": "/so-lieu/",
        "tong-quan-ca-nuoc": "/so-lieu/?area=vn&year=2024",
        "khu-vuc": "/so-lieu/khu-vuc/tay-nguyen/?year=2024",
        "khu-vuc-sau-sap-nhap": "/so-lieu/khu-vuc/tay-nguyen/?year=2025",
        "tinh": "/so-lieu/tinh/gia-lai/",
        "tinh-truoc-sap-nhap": "/so-lieu/tinh/gia-lai-den-2025/",
    }


@pytest.mark.parametrize("width", [360, 1280])
def test_the_area_pages_read_at_phone_and_desktop_width(
    live_server, browser, area_pages, width
):
    SHOTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    problems, tables = {}, 0
    for name, path in area_pages.items():
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
        found = page.evaluate(CHECKS)
        if found["overflow"] or found["squeezed"] or found["small"]:
            problems[path] = found
        for table in page.evaluate(UNITS):
            tables += 1
            if table["cells"] or (table["amounts"] and not table["said"]):
                problems.setdefault(path, {}).setdefault("unit", []).append(table)
        if hidden := page.evaluate(FIRST_NUMBER_IN_VIEW):
            problems.setdefault(path, {})["first number off-screen"] = hidden[:5]
    assert tables >= len(area_pages)
    assert problems == {}, json.dumps(problems, ensure_ascii=False, indent=1)
    context.close()


def test_axe_finds_no_serious_violation_on_the_area_pages(
    live_server, browser, area_pages
):
    source = AXE.read_text()
    found = {}
    for width in (360, 1280):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        for path in area_pages.values():
            page.goto(live_server.url + path)
            page.evaluate(source)
            if violations := page.evaluate(AXE_RUN):
                found[f"{path}@{width}"] = violations
        context.close()
    assert found == {}
