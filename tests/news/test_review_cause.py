"""Review of "a quote that agreed with the data when last checked and no
longer does needs a confirmation" (``news.services._no_longer_agreeing``):
the seed article, its region's 2021 plan lowered from 51,23 to 50,5 tỷ
behind its back (no signal, as a bulk write), so four of its quotes that
matched are now only "unsure" and none is a mismatch."""

from decimal import Decimal

import pytest

from funding.api import NOT_A_FIGURE
from funding.models import Figure
from news.demo.content import SEED_SLUG, load_demo_content
from news.figure_check import check_article
from news.models import Article, CheckedQuote, FigureBinding
from news.services import MismatchRefused, check_publication, publish_articles

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed(reference_data):
    load_demo_content()
    return Article.objects.get(slug=SEED_SLUG)


def lower_the_plan(seed) -> list[str]:
    """The 2021 plan lowered under the article; the keys of its quotes that
    agreed and no longer do."""
    agreed = {f.key for f in check_article(seed).findings if f.verdict in AGREE}
    Figure.objects.filter(
        area__code="mien-trung-tay-nguyen",
        year=2021,
        fund="all",
        measure="plan",
        period_kind="year",
        indicator__code="kinh-phi-khuyen-cong",
    ).update(value=Decimal("50_500_000_000"))
    report = check_article(seed)
    assert not report.mismatches
    return [
        f.key for f in report.findings if f.key in agreed and f.verdict not in AGREE
    ]


AGREE = ("match", "rounding")


def test_a_quote_that_no_longer_agrees_needs_a_confirmation(seed):
    changed = lower_the_plan(seed)
    assert len(changed) == 4
    with pytest.raises(MismatchRefused):
        check_publication(article=seed, confirmed=False, user=None, just_saved=False)
    check_publication(article=seed, confirmed=True, user=None, just_saved=False)
    assert seed.history.first().history_change_reason.startswith("Xuất bản dù")


def test_a_quote_set_aside_as_not_a_figure_needs_none(seed):
    for key in lower_the_plan(seed):
        FigureBinding.objects.create(
            article=seed, key=key, quoted="x", reading=NOT_A_FIGURE
        )
    check_publication(article=seed, confirmed=False, user=None, just_saved=False)


def test_the_refusal_says_the_number_agreed_before(seed):
    """An unsure number is listed as "cần xác nhận": the refusal says too
    that it agreed with the data when last checked, else the editor is not
    told why a number merely unsure holds the article back."""
    lower_the_plan(seed)
    with pytest.raises(MismatchRefused) as refused:
        check_publication(article=seed, confirmed=False, user=None, just_saved=False)
    message = refused.value.messages[0]
    assert "“95,24%”: cần xác nhận (lần kiểm tra trước khớp với số liệu)" in message


def test_a_draft_published_for_the_first_time_was_never_shown_agreeing(seed, make_user):
    Article.objects.filter(pk=seed.pk).update(
        status=Article.Status.REVIEW, published_at=None
    )
    assert CheckedQuote.objects.filter(article=seed, verdict="match").exists()
    lower_the_plan(seed)
    publication = publish_articles(
        articles=Article.objects.filter(pk=seed.pk), user=make_user("xb")
    )
    assert publication.held == []
