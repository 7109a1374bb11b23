"""The figure checker on an article: the seed article end to end, its
verdicts following its figures, the check_figures command, the queries."""

from decimal import Decimal

import pytest
from django.core.management import call_command

from funding.checker import MATCH, MISMATCH, NO_DATA, ROUNDING, UNSURE
from news.demo.content import SEED_SLUG, load_demo_content
from news.figure_check import check_article
from news.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed(reference_data):
    load_demo_content()
    return Article.objects.get(slug=SEED_SLUG)


def verdicts(report):
    return {f.quote.text.split()[0]: f.verdict for f in report.findings}


def test_seed_article_end_to_end(seed):
    report = check_article(seed)
    found = verdicts(report)
    # Every amount and percentage of rows 1-16 of the seed table is found.
    printed = [
        "48,79",
        "51,23",
        "95,24%",
        "11,07",
        "11,14",
        "99,37%",
        "14,71%",
        "22,68%",
        "37,73",
        "94,11%",
        "40,09",
        "23,76%",
        "158,79",
        "77,32%",
        "72,8",
        "42,11%",
        "29,21",
        "20,86%",
        "140",
        "40,12%",
        "20,7",
        "28,44%",
        "62,15%",
        "3,54",
        "12,11%",
        "17,17",
        "39,38%",
        "12,",
        "59",
        "4,78",
        "44,18%",
        "32,19%",
    ]
    assert set(printed) <= set(found), set(printed) - set(found)
    for number in ["95,24%", "99,37%", "94,11%", "23,76%", "20,86%", "40,12%"]:
        assert found[number] == MATCH, number
    for number in ["77,32%", "42,11%", "28,44%", "12,11%", "39,38%"]:
        assert found[number] == ROUNDING, number
    # 11,07 / 48,79 = 22,689…%: the printed 22,68% is explained by rounding
    # (the issue lists it as an exact match; see the closing note).
    assert found["22,68%"] == ROUNDING
    # The national KCQG execution for 2021 is not stored.
    assert found["14,71%"] == NO_DATA
    for amount in ["48,79", "51,23", "11,07", "11,14", "37,73", "40,09", "158,79"]:
        assert found[amount] == MATCH, amount
    for amount in [
        "72,8",
        "29,21",
        "140",
        "20,7",
        "3,54",
        "17,17",
        "12,",
        "59",
        "4,78",
    ]:
        assert found[amount] == MATCH, amount
    assert not report.has_mismatch
    # Data that the article does not carry: 7 months of 2021, the 2022 plan
    # for consulting revenue.
    assert {found[n] for n in ["62,15%", "44,18%", "32,19%"]} == {NO_DATA}


def test_a_wrong_percentage_is_a_mismatch_naming_its_inputs(seed):
    seed.body = seed.body.replace("95,24%", "59,24%")
    report = check_article(seed)
    [wrong] = report.mismatches
    assert wrong.quote.text == "59,24%"
    assert wrong.expected == "95,24%"
    assert wrong.explanation == "48,79 / 51,23"
    assert "59,24%" in wrong.describe() and "48,79 / 51,23" in wrong.describe()


def test_a_corrected_figure_changes_the_verdict(seed):
    from funding.models import Figure

    figure = Figure.objects.get(
        area__code="mien-trung-tay-nguyen",
        year=2021,
        fund="all",
        measure="executed",
        period_kind="year",
        indicator__code="kinh-phi-khuyen-cong",
    )
    figure.value = Decimal("47_790_000_000")
    figure.save()
    found = verdicts(check_article(seed))
    assert found["48,79"] == MISMATCH  # a digit changed
    # 95,24% is now 1,95 points over 47,79 / 51,23: no slip of the pen, and
    # no figure next to them gives it: flagged, but for the editor to settle
    assert found["95,24%"] == UNSURE


def test_check_figures_command(seed, capsys):
    call_command("check_figures", seed.slug)
    out = capsys.readouterr().out
    assert "95,24%" in out and "0 không khớp" in out
    seed.body = seed.body.replace("95,24%", "59,24%")
    seed.save()
    with pytest.raises(SystemExit) as exit_info:
        call_command("check_figures", seed.slug)
    assert exit_info.value.code == 1
    assert "59,24%" in capsys.readouterr().out


def test_checking_reads_the_data_in_a_few_queries(seed, django_assert_max_num_queries):
    # Blocks with their selections (4), all the blocks' figures (1), count
    # nouns and region memberships (2), the editors' bindings (1), the
    # roll-up's compositions (funding.core.rollup, 1), the areas' names (to
    # read text typed without diacritics, 1): not one query per candidate.
    with django_assert_max_num_queries(10):
        report = check_article(seed)
    assert len(report.findings) == 33
