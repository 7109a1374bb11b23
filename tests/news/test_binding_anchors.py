"""A confirmed number keeps its confirmation when a word next to it is
edited (the binding is placed again on the same printed number), and the
editor is told, after the save, of each confirmation that could not be."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from funding.api import MISMATCH, NOT_A_FIGURE
from news.binding_anchors import MIN_SIMILARITY, Anchor, placed
from news.demo.content import SEED_SLUG, load_demo_content
from news.figure_check import check_article
from news.models import Article, FigureBinding
from tests.admin_forms import browser_payload

pytestmark = pytest.mark.django_db

SENTENCE = "và chiếm 22,68% kinh phí khuyến công toàn vùng"
VAGUE = "<p>Tổng kinh phí đạt 45,5 tỷ đồng.</p>"


@pytest.fixture
def seed(reference_data):
    load_demo_content()
    return Article.objects.get(slug=SEED_SLUG)


@pytest.fixture
def draft(seed):
    Article.objects.filter(pk=seed.pk).update(status=Article.Status.DRAFT, body=VAGUE)
    seed.refresh_from_db()
    return seed


def bind(client, article, number: str, reading: str | None = None) -> FigureBinding:
    """Bind the quote of ``number`` (its checker's reading, unless
    ``reading``) through the panel's route."""
    (finding,) = [f for f in check_article(article).findings if f.quote.text == number]
    chosen = reading if reading is not None else finding.reading.ident
    url = reverse("admin:news_article_bind_figure", args=[article.pk])
    answer = client.post(url, {"key": finding.key, "reading": chosen})
    assert answer.status_code == 200, answer.content
    return FigureBinding.objects.get(article=article)


def save_body(client, article, old: str, new: str):
    """Save the article's form with ``old`` replaced by ``new`` in its body,
    as a browser would; the page shown after it."""
    url = reverse("admin:news_article_change", args=[article.pk])
    data = browser_payload(client.get(url))
    assert old in data["body"]
    data["body"] = data["body"].replace(old, new)
    page = client.post(url, data, follow=True)
    article.refresh_from_db()
    return page


def finding_of(article, number: str):
    (finding,) = [
        f
        for f in (*check_article(article).findings, *check_article(article).not_figures)
        if f.quote.text == number
    ]
    return finding


def test_a_confirmed_number_keeps_its_reading_when_a_word_beside_it_changes(
    seed, secretary_client
):
    binding = bind(secretary_client, seed, "22,68%")
    page = save_body(
        secretary_client, seed, SENTENCE, SENTENCE.replace("chiếm", "bằng")
    )
    assert page.redirect_chain, page.context["adminform"].form.errors
    assert "và bằng 22,68%" in seed.body
    moved = FigureBinding.objects.get(article=seed)
    finding = finding_of(seed, "22,68%")
    assert (moved.key, moved.reading) == (finding.key, binding.reading)
    assert moved.key != binding.key and moved.bound_by == binding.bound_by
    # The confirmation is what the checker used, read against the figures
    # as they are: left to guess, it reads the new words as a mismatch.
    assert finding.bound and finding.reading.ident == binding.reading
    assert finding.verdict != MISMATCH
    guessed = {f.key: f for f in check_article(seed, bindings={}).findings}
    assert guessed[finding.key].verdict == MISMATCH
    assert "Giữ xác nhận của “22,68%”" in page.content.decode()


def test_a_changed_number_is_not_rebound_and_the_editor_is_told_once(
    draft, editor_client
):
    bind(editor_client, draft, "45,5 tỷ đồng", NOT_A_FIGURE)
    page = save_body(editor_client, draft, "45,5 tỷ", "45,6 tỷ")
    assert page.redirect_chain
    assert not finding_of(draft, "45,6 tỷ đồng").bound
    html = page.content.decode()
    assert "không còn gắn với số nào: “…kinh phí đạt 45,5 tỷ đồng…”. Hãy bấm" in html
    # Told once: a later edit of the text does not repeat it.
    again = save_body(editor_client, draft, "Tổng kinh phí", "Tổng vốn").content
    assert "không còn gắn với số nào" not in again.decode()
    # Kept: the number written back is confirmed again.
    page = save_body(editor_client, draft, "45,6 tỷ", "45,5 tỷ")
    assert finding_of(draft, "45,5 tỷ đồng").bound is False  # other words now
    save_body(editor_client, draft, "Tổng vốn", "Tổng kinh phí")
    assert finding_of(draft, "45,5 tỷ đồng").bound


def test_a_word_changed_before_a_number_ending_its_line_keeps_it(draft, editor_client):
    bind(editor_client, draft, "45,5 tỷ đồng", NOT_A_FIGURE)
    page = save_body(editor_client, draft, "đạt", "là")
    assert "Giữ xác nhận" in page.content.decode()
    assert finding_of(draft, "45,5 tỷ đồng").bound


def test_two_equally_alike_places_keep_neither(draft, editor_client):
    bind(editor_client, draft, "45,5 tỷ đồng", NOT_A_FIGURE)
    twice = "<p>Tổng kinh phí là 45,5 tỷ đồng.</p><p>Tổng kinh phí có 45,5 tỷ đồng.</p>"
    page = save_body(editor_client, draft, VAGUE, twice)
    assert page.redirect_chain
    report = check_article(draft)
    assert len(report.findings) == 2 and not any(f.bound for f in report.findings)
    assert "không còn gắn với số nào" in page.content.decode()


def test_a_refused_save_loses_nothing_and_says_which_would_be(seed, secretary_client):
    binding = bind(secretary_client, seed, "22,68%")
    page = save_body(secretary_client, seed, "chiếm 22,68%", "chiếm 32,68%")
    assert not page.redirect_chain  # refused: the form again
    html = page.content.decode()
    assert "không khớp với số liệu" in html
    assert "sẽ mất xác nhận" in html and "và chiếm 22,68% kinh phí" in html
    assert FigureBinding.objects.get(article=seed).key == binding.key
    assert "chiếm 22,68%" in seed.body


@pytest.mark.parametrize(
    "key, expected",
    [
        ("body|22,68%|năm và bằng|kinh phí khuyến|1", True),
        ("body|22,68%|năm và bằng|tổng kinh phí|1", True),  # two of six
        ("body|22,68%|đồng đạt bằng|tổng kinh phí|1", False),  # four of six
        ("body|22,7%|năm và chiếm|kinh phí khuyến|1", False),  # another number
        ("lead|22,68%|năm và chiếm|kinh phí khuyến|1", False),  # another part
    ],
)
def test_placed_on_the_same_number_with_words_alike(key, expected):
    anchor = Anchor.of("body|22,68%|năm và chiếm|kinh phí khuyến|1")
    assert (placed(anchor, {key: Anchor.of(key)}) == key) is expected


def test_placed_nowhere_when_two_are_as_alike():
    anchor = Anchor.of("body|5%|tỷ lệ đạt|kế hoạch năm|1")
    one, two = "body|5%|tỷ lệ là|kế hoạch năm|1", "body|5%|tỷ lệ có|kế hoạch năm|1"
    candidates = {key: Anchor.of(key) for key in (one, two)}
    assert anchor.similarity(candidates[one]) >= MIN_SIMILARITY
    assert placed(anchor, candidates) is None
    closer = "body|5%|tỷ lệ đạt|kế hoạch năm|2"
    assert placed(anchor, {**candidates, closer: Anchor.of(closer)}) == closer


def quotes_of(article) -> dict[str, str]:
    """Each quote of ``article``: key → the number as printed."""
    report = check_article(article)
    return {f.key: f.quote.text for f in (*report.findings, *report.not_figures)}


def bound_keys(article) -> set[str]:
    report = check_article(article)
    return {f.key for f in (*report.findings, *report.not_figures) if f.bound}


@pytest.mark.parametrize(
    "body, old, new",
    [
        (
            "<p>Năm 2023 tỉnh Hà Nam chiếm 15% tổng kinh phí.</p>"
            "<p>Năm 2024 tỉnh Nam Định chiếm 15% tổng kinh phí.</p>",
            "Hà Nam chiếm 15%",
            "Hà Nam chiếm 16%",
        ),
        (
            "<table><tr><td>Tỉnh Hà Nam</td><td>12,5%</td></tr>"
            "<tr><td>Tỉnh Hà Giang</td><td>12,5%</td></tr></table>",
            "<td>12,5%</td></tr><tr>",
            "<td>13%</td></tr><tr>",
        ),
    ],
)
def test_a_confirmation_never_moves_onto_a_number_already_in_the_text(
    draft, editor_client, body, old, new
):
    Article.objects.filter(pk=draft.pk).update(body=body)
    draft.refresh_from_db()
    first, second = quotes_of(draft)  # the same number twice, in order
    url = reverse("admin:news_article_bind_figure", args=[draft.pk])
    answer = editor_client.post(url, {"key": first, "reading": NOT_A_FIGURE})
    assert answer.status_code == 200, answer.content
    page = save_body(editor_client, draft, old, new)
    assert page.redirect_chain
    assert second in quotes_of(draft) and not bound_keys(draft)
    html = page.content.decode()
    assert "không còn gắn với số nào" in html and "Giữ xác nhận" not in html
    # Kept, and in force again once the number is written back.
    save_body(editor_client, draft, new, old)
    assert bound_keys(draft) == {first}


def restore(client, record):
    url = reverse(
        "admin:news_article_simple_history", args=[record.instance.pk, record.pk]
    )
    shown = client.get(url)
    html = shown.content.decode()
    assert "fc-view-only" in html and "fc-bind" not in html  # a version: no choice
    return client.post(url, browser_payload(shown), follow=True)


def test_restoring_a_version_keeps_the_confirmations_of_the_newer_text(
    draft, editor_client
):
    save_body(editor_client, draft, "Tổng", "Tổng")  # a version of this text
    older = draft.history.latest()
    save_body(editor_client, draft, "45,5 tỷ", "45,6 tỷ")
    newer = draft.history.latest()
    binding = bind(editor_client, draft, "45,6 tỷ đồng", NOT_A_FIGURE)
    page = restore(editor_client, older)
    assert page.redirect_chain
    draft.refresh_from_db()
    assert "45,5 tỷ" in draft.body and not bound_keys(draft)
    assert "không còn gắn với số nào" in page.content.decode()
    page = restore(editor_client, newer)
    draft.refresh_from_db()
    assert bound_keys(draft) == {binding.key}
    assert "không còn gắn với số nào" not in page.content.decode()


def test_a_save_leaving_the_text_as_it_is_checks_it_once(
    seed, secretary_client, django_assert_max_num_queries
):
    url = reverse("admin:news_article_change", args=[seed.pk])

    def save(counting=None) -> int:
        data = browser_payload(secretary_client.get(url))
        with counting or CaptureQueriesContext(connection) as queries:
            page = secretary_client.post(url, data)
        assert page.status_code == 302
        return len(queries)

    save()  # what each process reads once
    without = save()
    binding = bind(secretary_client, seed, "22,68%")
    save(django_assert_max_num_queries(without + 1))
    assert bound_keys(seed) == {binding.key}
    page = secretary_client.get(reverse("admin:news_article_changelist"))
    html = page.content.decode()
    assert "Giữ xác nhận" not in html and "không còn gắn" not in html


def panel_of(client, article) -> str:
    url = reverse("admin:news_article_change", args=[article.pk])
    return client.get(url).content.decode()


def test_a_confirmation_on_no_number_is_listed_in_the_panel_and_can_be_forgotten(
    draft, editor_client
):
    bind(editor_client, draft, "45,5 tỷ đồng", NOT_A_FIGURE)
    save_body(editor_client, draft, "45,5 tỷ", "45,6 tỷ")
    html = panel_of(editor_client, draft)
    assert 'class="fc-lost"' in html
    assert "“…kinh phí đạt 45,5 tỷ đồng…” – không phải số liệu" in html
    assert "Xóa xác nhận này" in html
    (kept,) = FigureBinding.objects.filter(article=draft)
    # Its figure changing meanwhile does not list it again, as to confirm.
    FigureBinding.objects.filter(pk=kept.pk).update(needs_recheck=True)
    html = panel_of(editor_client, draft)
    assert 'class="fc-lost"' in html and "fc-stale" not in html
    url = reverse("admin:news_article_bind_figure", args=[draft.pk])
    answer = editor_client.post(url, {"key": kept.key, "reading": ""})
    assert answer.status_code == 200, answer.content
    assert (
        answer.json()["message"]
        == "Đã xóa xác nhận không còn gắn với số nào trong bài."
    )
    assert 'class="fc-lost"' not in answer.json()["html"]
    assert not FigureBinding.objects.filter(article=draft).exists()
    # Only forgotten: a reading cannot be given to a number not in the text.
    refused = editor_client.post(url, {"key": kept.key, "reading": NOT_A_FIGURE})
    assert refused.status_code == 400
    assert "không còn trong bài" in refused.json()["error"]


def test_a_viewer_sees_a_lost_confirmation_without_the_button(
    draft, editor_client, make_user
):
    bind(editor_client, draft, "45,5 tỷ đồng", NOT_A_FIGURE)
    save_body(editor_client, draft, "45,5 tỷ", "45,6 tỷ")
    viewer = make_user("chi_xem")
    viewer.user_permissions.add(Permission.objects.get(codename="view_article"))
    viewer_client = Client()
    viewer_client.force_login(viewer)
    html = panel_of(viewer_client, draft)
    assert 'class="fc-lost"' in html and "Xóa xác nhận này" not in html
    (kept,) = FigureBinding.objects.filter(article=draft)
    url = reverse("admin:news_article_bind_figure", args=[draft.pk])
    assert viewer_client.post(url, {"key": kept.key, "reading": ""}).status_code == 403
    assert FigureBinding.objects.filter(article=draft).exists()
