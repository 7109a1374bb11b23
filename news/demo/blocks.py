"""The seed article's data blocks: the seed figures (``funding``'s demo
data) attached to the seed article, two of them placed in its body."""

from django.db import transaction

from funding.api import DEMO_NATION as NATION
from funding.api import DEMO_REGION as REGION
from funding.api import Area, Indicator, ProgrammeContent
from news.models import DataBlock

# (title, indicator codes, area codes, years, display, note)
SEED_BLOCKS = [
    (
        "Kinh phí khuyến công năm 2021 khu vực miền Trung - Tây Nguyên",
        ["kinh-phi-khuyen-cong"],
        [REGION, NATION],
        (2021, 2021),
        "chart",
        "Số liệu làm tròn đến 0,01 tỷ đồng như khi công bố.",
    ),
    (
        "Kế hoạch năm 2022 và thực hiện 7 tháng đầu năm",
        ["kinh-phi-khuyen-cong"],
        [REGION, NATION],
        (2022, 2022),
        "table",
        "",
    ),
    (
        "Tư vấn phát triển công nghiệp",
        ["doanh-thu-tu-van", "so-du-an-tu-van"],
        [REGION],
        (2021, 2022),
        "table",
        "",
    ),
]


@transaction.atomic
def load_seed_blocks(*, article) -> int:
    """Attach the seed figures to the seed article as data blocks, once.

    The first two are placed in the body after the paragraphs that quote
    them; the last goes at the end (where unplaced blocks go).
    """
    if DataBlock.objects.filter(article=article).exists():
        return 0
    all_contents = ProgrammeContent.objects.get(code=ProgrammeContent.ALL)
    blocks = []
    for position, (title, indicators, areas, years, display, note) in enumerate(
        SEED_BLOCKS
    ):
        block = DataBlock.objects.create(
            article=article,
            position=position,
            title=title,
            year_from=years[0],
            year_to=years[1],
            content=all_contents,
            display=display,
            note=note,
        )
        block.indicators.set(Indicator.objects.filter(code__in=indicators))
        block.areas.set(Area.objects.filter(code__in=areas))
        blocks.append(block)
    paragraphs = article.body.split("</p>")
    for block, words in (
        (blocks[0], "Một số địa phương bố trí"),
        (blocks[1], "39,38%"),
    ):
        for index, paragraph in enumerate(paragraphs):
            if words in paragraph:
                paragraphs[index] = f"{paragraph}</p><p>{block.marker}"
                break
    article.body = "</p>".join(paragraphs)
    article._change_reason = "Gắn bảng số liệu (load_demo)"
    article.save()
    return len(blocks)
