"""The editor in the loop: the article form shows every quoted number by
outcome, and an editor's choice of reading is saved (without a page reload,
through a small POST route), kept with the quote, and wins next time."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from funding.api import MISMATCH, NOT_A_FIGURE, UNSURE, Figure, figures_changed
from news.demo.content import SEED_SLUG, load_demo_content
from news.figure_check import check_article
from news.models import Article, CheckedQuote, FigureBinding

pytestmark = pytest.mark.django_db

#: A total the text does not say of what: several readings, none agreeing.
VAGUE = "<p>Tổng kinh phí đạt 45,5 tỷ đồng.</p>"


@pytest.fixture
def seed(reference_data):
    load_demo_content()
    return Article.objects.get(slug=SEED_SLUG)


@pytest.fixture
def draft(seed):
    Article.objects.filter(pk=seed.pk).update(status=Article.Status.DRAFT)
    seed.refresh_from_db()
    return seed


def bind_url(article) -> str:
    return reverse("admin:news_article_bind_figure", args=[article.pk])


def with_choices(article):
    """A finding with another reading to choose, and that reading."""
    finding = next(f for f in check_article(article).findings if len(f.readings) > 1)
    return finding, finding.readings[1]


def test_the_form_shows_each_quoted_number_by_outcome(draft, editor_client):
    report = check_article(draft)
    page = editor_client.get(reverse("admin:news_article_change", args=[draft.pk]))
    html = page.content.decode()
    assert html.count('class="fc-number') == len(report.findings)
    assert html.count('class="fc-detail"') == len(report.findings)
    assert 'data-key="' in html and bind_url(draft) in html
    assert "news/figure_check.js" in html and "<script>" not in html
    # The form says what blocks publishing and what asks for a binding.
    assert "mới chặn xuất bản" in html and "cần xác nhận" in html


def test_a_chosen_reading_is_saved_and_wins_next_time(draft, editor, editor_client):
    finding, other = with_choices(draft)
    answer = editor_client.post(
        bind_url(draft), {"key": finding.key, "reading": other.ident}
    )
    assert answer.status_code == 200
    data = answer.json()
    assert 'id="figure-check"' in data["html"] and "Đã lưu" in data["message"]
    binding = FigureBinding.objects.get(article=draft, key=finding.key)
    assert (binding.reading, binding.bound_by, binding.quoted) == (
        other.ident,
        editor,
        finding.quote.text,
    )
    again = {f.key: f for f in check_article(draft).findings}[finding.key]
    assert again.bound and again.reading.ident == other.ident
    # The panel shows it bound, and the form shows it after a reload.
    page = editor_client.get(reverse("admin:news_article_change", args=[draft.pk]))
    assert "đã xác nhận bởi bientap" in page.content.decode()


def test_a_binding_survives_edits_elsewhere_in_the_text(draft, editor_client):
    finding, other = with_choices(draft)
    editor_client.post(bind_url(draft), {"key": finding.key, "reading": other.ident})
    draft.body = (
        "<p>Một đoạn mới ở đầu bài, trích 12 tỷ đồng khác.</p>"
        + draft.body.replace("Hội nghị", "Hội nghị thường niên", 1)
    )
    draft.save()
    again = {f.key: f for f in check_article(draft).findings}[finding.key]
    assert again.bound and again.reading.ident == other.ident
    assert again.quote.start > finding.quote.start


def test_not_a_figure_takes_the_number_off_the_figures(draft, editor_client):
    finding = check_article(draft).findings[0]
    answer = editor_client.post(
        bind_url(draft), {"key": finding.key, "reading": NOT_A_FIGURE}
    )
    assert answer.status_code == 200
    report = check_article(draft)
    assert finding.key not in {f.key for f in report.findings}
    assert finding.key in {f.key for f in report.not_figures}
    assert "không phải số liệu" in answer.json()["html"]
    # Forgetting the binding gives the checker's own reading back.
    editor_client.post(bind_url(draft), {"key": finding.key, "reading": ""})
    assert not FigureBinding.objects.filter(article=draft).exists()
    assert finding.key in {f.key for f in check_article(draft).findings}


@pytest.mark.parametrize(
    "payload, message",
    [
        ({"key": "body|không có|||1", "reading": NOT_A_FIGURE}, "không còn trong bài"),
        ({"reading": NOT_A_FIGURE}, "Thiếu"),
        (None, "không phải một cách đọc"),
    ],
    ids=["gone", "no-key", "not-offered"],
)
def test_a_wrong_binding_is_refused_in_vietnamese(
    draft, editor_client, payload, message
):
    if payload is None:
        finding = check_article(draft).findings[0]
        payload = {"key": finding.key, "reading": "fig:999999"}
    answer = editor_client.post(bind_url(draft), payload)
    assert answer.status_code == 400
    assert message in answer.json()["error"]
    assert not FigureBinding.objects.exists()


def test_the_route_takes_a_post_with_its_csrf_token_from_staff_only(
    draft, editor, make_user
):
    finding = check_article(draft).findings[0]
    payload = {"key": finding.key, "reading": NOT_A_FIGURE}
    anonymous = Client().post(bind_url(draft), payload)
    assert anonymous.status_code == 302  # to the admin's login
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    assert strict.post(bind_url(draft), payload).status_code == 403
    assert strict.get(bind_url(draft)).status_code == 405
    viewer = Client()
    viewer.force_login(make_user("chi_xem"))  # staff, no permission
    assert viewer.post(bind_url(draft), payload).status_code == 403
    assert not FigureBinding.objects.exists()


def test_a_published_article_needs_who_may_publish(seed, editor, secretary_client):
    finding = check_article(seed).findings[0]
    payload = {"key": finding.key, "reading": NOT_A_FIGURE}
    editor_client = Client()
    editor_client.force_login(editor)
    assert editor_client.post(bind_url(seed), payload).status_code == 403
    assert not FigureBinding.objects.exists()
    assert secretary_client.post(bind_url(seed), payload).status_code == 200
    assert FigureBinding.objects.filter(article=seed).count() == 1


def test_a_binding_may_not_make_a_published_article_contradict_its_data(
    seed, secretary_client
):
    finding = next(
        f
        for f in check_article(seed).findings
        if any(r.verdict == MISMATCH for r in f.readings[1:])
    )
    wrong = next(r for r in finding.readings[1:] if r.verdict == MISMATCH)
    answer = secretary_client.post(
        bind_url(seed), {"key": finding.key, "reading": wrong.ident}
    )
    assert answer.status_code == 400
    assert "không khớp" in answer.json()["error"]
    assert not FigureBinding.objects.exists()


def test_an_unsure_or_wrong_number_is_settled_in_one_click(draft, editor_client):
    draft.body = VAGUE
    draft.save()
    (finding,) = check_article(draft).findings
    assert finding.verdict in (UNSURE, MISMATCH) and len(finding.readings) > 1
    editor_client.post(bind_url(draft), {"key": finding.key, "reading": NOT_A_FIGURE})
    report = check_article(draft)
    assert not report.findings and not report.has_mismatch


def test_a_changed_bound_figure_flags_the_article_and_rechecks_the_binding(
    seed, secretary_client, django_capture_on_commit_callbacks
):
    finding = next(
        f for f in check_article(seed).findings if f.reading.ident.startswith("fig:")
    )
    secretary_client.post(
        bind_url(seed), {"key": finding.key, "reading": finding.reading.ident}
    )
    figure = finding.reading.figures[0]
    with django_capture_on_commit_callbacks(execute=True):
        Figure.objects.filter(pk=figure.pk).update(value=figure.value + Decimal(10**9))
        figures_changed.send(sender=Figure, figures=Figure.objects.filter(pk=figure.pk))
    seed.refresh_from_db()
    assert seed.needs_figure_review
    binding = FigureBinding.objects.get(article=seed, key=finding.key)
    assert binding.needs_recheck
    # The form says so, by the number and above the text.
    page = secretary_client.get(reverse("admin:news_article_change", args=[seed.pk]))
    html = page.content.decode()
    assert "vừa thay đổi: hãy xác nhận lại" in html and "fc-recheck" in html
    again = {f.key: f for f in check_article(seed).findings}[finding.key]
    assert again.verdict != "match"
    # What readers are shown was read again: no link to a figure that no
    # longer gives the printed number.
    quote = CheckedQuote.objects.get(article=seed, key=finding.key)
    assert quote.verdict == again.verdict and quote.figure is None


def test_a_bound_figure_changed_within_rounding_settles_its_binding(
    seed, secretary_client, django_capture_on_commit_callbacks
):
    finding = next(
        f for f in check_article(seed).findings if f.reading.ident.startswith("fig:")
    )
    secretary_client.post(
        bind_url(seed), {"key": finding.key, "reading": finding.reading.ident}
    )
    figure = finding.reading.figures[0]
    with django_capture_on_commit_callbacks(execute=True):
        Figure.objects.filter(pk=figure.pk).update(value=figure.value + 1000)
        figures_changed.send(sender=Figure, figures=Figure.objects.filter(pk=figure.pk))
    binding = FigureBinding.objects.get(article=seed, key=finding.key)
    assert not binding.needs_recheck


def test_a_binding_is_dated_in_local_time_day_first(draft, editor_client):
    finding, other = with_choices(draft)
    editor_client.post(bind_url(draft), {"key": finding.key, "reading": other.ident})
    # 23:08 UTC on 1 December is 06:08 on the 2nd in Asia/Ho_Chi_Minh.
    FigureBinding.objects.filter(article=draft).update(
        bound_at=datetime(2026, 12, 1, 23, 8, tzinfo=UTC)
    )
    page = editor_client.get(reverse("admin:news_article_change", args=[draft.pk]))
    assert "đã xác nhận bởi bientap lúc 02/12/2026 06:08" in page.content.decode()


def test_who_may_only_view_sees_the_readings_without_buttons(
    seed, editor, secretary_client
):
    change = reverse("admin:news_article_change", args=[seed.pk])
    editor_client = Client()
    editor_client.force_login(editor)
    viewer = editor_client.get(change).content.decode()  # published: view only
    findings = check_article(seed).findings
    assert viewer.count('class="fc-number') == len(findings)
    assert 'class="fc-reading' in viewer and "fc-bind" not in viewer
    assert "Bạn chỉ được xem bài này" in viewer
    publisher = secretary_client.get(change).content.decode()
    assert publisher.count("fc-bind") > len(findings)
    assert "Bạn chỉ được xem bài này" not in publisher


def test_a_refusal_for_lack_of_right_says_so_in_vietnamese(seed, editor_client):
    finding = check_article(seed).findings[0]
    answer = editor_client.post(
        bind_url(seed), {"key": finding.key, "reading": NOT_A_FIGURE}
    )
    assert answer.status_code == 403
    assert "không có quyền sửa bài này" in answer.json()["error"]


def test_a_long_made_up_reading_is_not_echoed_whole(draft, editor_client):
    finding = check_article(draft).findings[0]
    answer = editor_client.post(
        bind_url(draft), {"key": finding.key, "reading": "f" * 100_000}
    )
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert "không phải một cách đọc" in error and len(error) < 300


def test_an_article_deleted_since_the_page_opened_is_said_in_json(draft, editor_client):
    url = bind_url(draft)
    finding = check_article(draft).findings[0]
    draft.delete()
    answer = editor_client.post(url, {"key": finding.key, "reading": NOT_A_FIGURE})
    assert answer.status_code == 404
    assert "Bài viết không còn" in answer.json()["error"]
