"""The figure check kept with the article (``news.stored_checks``): the
form shows it without checking again while it is fresh, and never an
outcome older than the figures, the bindings or the checker; what goes
public is always checked live."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from funding.api import MATCH, MISMATCH, Figure, Report, figures_changed
from news import stored_checks
from news.admin_figures import render_panel
from news.demo.content import SEED_SLUG, load_demo_content
from news.figure_check import check_article
from news.models import Article, ArticleSnapshot, FigureBinding
from news.services import publish_articles, record_quotes
from tests.admin_forms import browser_payload

pytestmark = pytest.mark.django_db

NUMBER = re.compile(r'class="fc-number fc-(\w+)[^"]*" data-key="([^"]*)"')


@pytest.fixture
def seed(reference_data):
    load_demo_content()
    article = Article.objects.get(slug=SEED_SLUG)
    record_quotes(article=article)  # as a save does
    return article


@pytest.fixture
def checks(monkeypatch):
    """Counts the checker's runs for the form."""
    runs = []

    def counted(article, **kwargs):
        runs.append(article.pk)
        return check_article(article, **kwargs)

    monkeypatch.setattr(stored_checks, "check_article", counted)
    return runs


def form(client, article) -> str:
    url = reverse("admin:news_article_change", args=[article.pk])
    return client.get(url).content.decode()


def outcomes(html: str) -> dict[str, str]:
    """Quote key → the outcome the panel shows."""
    return {key: verdict for verdict, key in NUMBER.findall(html)}


def figure_behind(article, printed: str) -> tuple[str, Figure]:
    finding = next(
        f
        for f in check_article(article).findings
        if f.quote.text.startswith(printed) and f.verdict == MATCH
    )
    return finding.key, Figure.objects.get(pk=finding.figures[0].pk)


def test_a_fresh_stored_check_is_shown_as_the_live_one(seed, checks, secretary_client):
    stored = render_panel(seed)
    assert checks == []  # kept by the save: not checked again
    assert stored == render_panel(seed, check_article(seed))
    html = form(secretary_client, seed)
    assert checks == [] and "fc-number" in html


def test_a_figure_corrected_after_the_save_shows_at_once(
    seed, checks, secretary_client
):
    key, figure = figure_behind(seed, "48,79")
    assert outcomes(form(secretary_client, seed))[key] == MATCH
    figure.value = Decimal("47_790_000_000")
    figure.save()
    assert outcomes(form(secretary_client, seed))[key] == MISMATCH
    assert checks == [seed.pk]  # checked again once, and kept
    assert outcomes(form(secretary_client, seed))[key] == MISMATCH
    assert checks == [seed.pk]


def test_a_figure_changed_in_bulk_shows_at_once(seed, secretary_client):
    key, figure = figure_behind(seed, "48,79")
    changed = Figure.objects.filter(pk=figure.pk)
    changed.update(value=Decimal("47_790_000_000"))
    figures_changed.send(sender=Figure, figures=changed)
    assert outcomes(form(secretary_client, seed))[key] == MISMATCH


def test_a_binding_made_in_the_panel_shows_at_once(seed, secretary_client):
    finding = next(f for f in check_article(seed).findings if len(f.readings) > 1)
    other = finding.readings[1]
    url = reverse("admin:news_article_bind_figure", args=[seed.pk])
    Article.objects.filter(pk=seed.pk).update(status=Article.Status.DRAFT)
    answer = secretary_client.post(url, {"key": finding.key, "reading": other.ident})
    assert answer.status_code == 200
    html = form(secretary_client, seed)
    assert outcomes(html)[finding.key] == other.verdict
    assert f'fc-bound" data-key="{finding.key}"' in html or (
        f'fc-bound fc-recheck" data-key="{finding.key}"' in html
    )


def test_a_binding_written_elsewhere_is_not_missed(seed, checks, secretary_client):
    """Bindings are compared when read: a binding changed by any path (here
    the ORM, no signal to the snapshot) makes the stored check stale."""
    finding = next(f for f in check_article(seed).findings if len(f.readings) > 1)
    FigureBinding.objects.create(
        article=seed, key=finding.key, quoted=finding.quote.text, reading="none"
    )
    html = form(secretary_client, seed)
    assert checks == [seed.pk]
    assert outcomes(html)[finding.key] == "not_a_figure"
    assert f'fc-not_a_figure fc-bound" data-key="{finding.key}"' in html


def test_another_checker_version_checks_again(seed, checks, monkeypatch):
    render_panel(seed)
    assert checks == []
    monkeypatch.setattr(stored_checks, "version", lambda: "another-checker")
    render_panel(seed)
    assert checks == [seed.pk]


@pytest.mark.parametrize(
    "module",
    [
        "funding.core.numbers",
        "funding.core.derived",
        "funding.core.selection",
        "news.figures",
    ],
)
def test_the_checker_version_covers_what_reads_and_selects_the_figures(module):
    # How a printed number is read, how a derived value is computed and
    # which figures the checker is given change outcomes as much as the
    # checker's own modules: a deploy touching them checks again.
    assert module in stored_checks.SOURCES_MODULES


def forge_clean_check(article) -> None:
    """A stored check saying all is well, fresh by every mark."""
    ArticleSnapshot.objects.filter(pk=article.pk).update(
        figure_check=stored_checks.as_stored(article, Report()),
        checked=ArticleSnapshot.objects.get(pk=article.pk).generation,
        check_version=stored_checks.version(),
    )


def test_the_publish_gate_checks_what_will_be_public(seed, secretary):
    Article.objects.filter(pk=seed.pk).update(status=Article.Status.DRAFT)
    Article.objects.filter(pk=seed.pk).update(
        body=seed.body.replace("95,24%", "59,24%")
    )
    forge_clean_check(seed)
    assert "fc-mismatch" not in render_panel(seed)  # the forged outcome
    publication = publish_articles(
        articles=Article.objects.filter(pk=seed.pk), user=secretary
    )
    assert publication.published == []
    [(held, refusal)] = publication.held
    assert "59,24%" in str(refusal)


def test_the_form_save_checks_what_will_be_public(seed, secretary_client):
    url = reverse("admin:news_article_change", args=[seed.pk])
    payload = browser_payload(secretary_client.get(url))
    payload["body"] = payload["body"].replace("95,24%", "59,24%")
    forge_clean_check(seed)
    answer = secretary_client.post(url, payload)
    assert answer.status_code == 200  # shown again, refused
    assert "59,24%" in answer.content.decode()
    seed.refresh_from_db()
    assert "59,24%" not in seed.body


def test_bound_numbers_show_the_same_from_the_stored_check(seed, checks, secretary):
    """Every way a number can be bound (another reading, not a figure, a
    reading whose figure changed) reads the same from the stored check."""
    first, second, third = [
        f for f in check_article(seed).findings if len(f.readings) > 1
    ][:3]
    for finding, reading, flagged in (
        (first, first.readings[1].ident, False),
        (second, "none", False),
        (third, third.readings[0].ident, True),
    ):
        FigureBinding.objects.create(
            article=seed,
            key=finding.key,
            quoted=finding.quote.text,
            reading=reading,
            bound_by=secretary,
            needs_recheck=flagged,
        )
    record_quotes(article=seed)
    checks.clear()
    stored = render_panel(seed)
    assert checks == []
    assert stored == render_panel(seed, check_article(seed))
    assert stored.count("đã xác nhận bởi thuky") == 3
    assert stored.count("(số liệu đã đổi, cần xác nhận lại)") == 1
    assert "độ tin cậy" in stored


def test_the_form_save_keeps_the_check_it_shows_next(seed, checks, secretary_client):
    url = reverse("admin:news_article_change", args=[seed.pk])
    payload = browser_payload(secretary_client.get(url))
    payload["lead"] = payload["lead"] + " Bản tin có 12,5% số tỉnh gửi báo cáo muộn."
    assert secretary_client.post(url, payload).status_code == 302
    checks.clear()
    html = form(secretary_client, seed)
    assert checks == []  # kept by the save
    assert ">12,5%</button>" in html


def test_a_version_from_the_history_shows_its_own_check(seed, secretary_client):
    """The history's form shows an older text: its numbers, not the stored
    check of the text as it is now."""
    url = reverse("admin:news_article_change", args=[seed.pk])
    old = seed.history.order_by("-history_date", "-history_id").first()
    payload = browser_payload(secretary_client.get(url))
    payload["lead"] = payload["lead"] + " Thêm 7,25% số cơ sở mới."
    assert secretary_client.post(url, payload).status_code == 302
    assert ">7,25%</button>" in form(secretary_client, seed)
    revert = reverse(
        "admin:news_article_simple_history", args=[seed.pk, old.history_id]
    )
    html = secretary_client.get(revert).content.decode()
    assert "fc-number" in html and ">7,25%</button>" not in html
