"""``manage.py check_figures [SLUG] [--format json]``: each quote with its
position, context, outcome, reading and confidence; exit code 1 on a
confident mismatch only."""

import json

import pytest
from django.core.management import CommandError, call_command

from funding.api import MISMATCH, UNSURE
from news.demo.content import SEED_SLUG, load_demo_content
from news.figure_check import check_article
from news.models import Article, FigureBinding

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed(reference_data):
    load_demo_content()
    return Article.objects.get(slug=SEED_SLUG)


def as_json(capsys, *slugs) -> list[dict]:
    call_command("check_figures", *slugs, "--format", "json")
    return json.loads(capsys.readouterr().out)


def test_text_lists_each_quote_with_position_context_reading(seed, capsys):
    call_command("check_figures", seed.slug)
    out = capsys.readouterr().out
    report = check_article(seed)
    first = report.findings[0]
    assert f"[body {first.quote.start}–{first.quote.end}]" in out
    assert f"[{first.quote.text}]" in out  # in its context
    assert f"đọc là {first.reading.ident}" in out and "tin cậy" in out
    assert "0 không khớp" in out


def test_json_gives_every_quote_as_data(seed, capsys):
    (article,) = as_json(capsys, seed.slug)
    report = check_article(seed)
    assert article["slug"] == seed.slug and article["has_mismatch"] is False
    assert len(article["quotes"]) == len(report.findings)
    by_text = {q["text"]: q for q in article["quotes"]}
    share = by_text["95,24%"]
    assert share["outcome"] == "match" and share["part"] == "body"
    assert share["reading"]["ident"].startswith("ratio:")
    assert "/" in share["reading"]["explanation"]
    assert len(share["reading"]["figures"]) == 2
    assert 0 < share["confidence"] <= 1
    before, number, after = share["context"]
    assert number == "95,24%" and before and after
    assert share["end"] - share["start"] == len("95,24%")


def test_a_confident_mismatch_exits_1(seed, capsys):
    seed.body = seed.body.replace("95,24%", "59,24%")
    seed.save()
    with pytest.raises(SystemExit) as exit_info:
        as_json(capsys, seed.slug)
    assert exit_info.value.code == 1
    out = capsys.readouterr()
    quotes = {q["text"]: q for q in json.loads(out.out)[0]["quotes"]}
    assert quotes["59,24%"]["outcome"] == MISMATCH
    assert "không khớp" in out.err


def test_an_unsure_number_does_not_fail(seed, capsys):
    # Bound to a figure no longer among the article's: the checker is unsure.
    finding = check_article(seed).findings[0]
    FigureBinding.objects.create(
        article=seed, key=finding.key, quoted=finding.quote.text, reading="fig:999999"
    )
    (article,) = as_json(capsys, seed.slug)  # no SystemExit
    quotes = {q["key"]: q for q in article["quotes"]}
    assert quotes[finding.key]["outcome"] == UNSURE
    assert quotes[finding.key]["bound"] is True
    call_command("check_figures", seed.slug)
    assert f"? [body {finding.quote.start}" in capsys.readouterr().out


def test_an_unknown_slug_is_an_error(seed):
    with pytest.raises(CommandError, match="Không có bài viết: khong-co"):
        call_command("check_figures", "khong-co")
