"""What a figure saved or deleted alone tells the page cache
(``funding.core.page_keys.figure_keys``): the pickers of years and areas
(``figures:set``) change only with an area and year's first figure or its
last one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from funding.core.page_keys import WHICH_EXIST, figure_keys
from funding.models import Area, Figure


@pytest.fixture
def province(db) -> str:
    return Area.objects.filter(kind=Area.Kind.PROVINCE).order_by("code")[0].code


def test_the_first_figure_of_an_area_and_year_changes_which_exist(
    make_figure, province
):
    first = make_figure(province, 2031, Figure.Measure.PLAN, "1000")
    keys = figure_keys(first, added_or_removed=True)
    assert WHICH_EXIST in keys
    assert "figures:year=2031" in keys and "figures:year=2032" in keys
    code, slug = Area.objects.values_list("code", "slug").get(code=province)
    assert f"figures:area={code}:year=2031" in keys
    assert f"figures:place={slug}" in keys


def test_a_second_figure_of_the_same_area_and_year_does_not(make_figure, province):
    make_figure(province, 2031, Figure.Measure.PLAN, "1000")
    second = make_figure(province, 2031, Figure.Measure.EXECUTED, "900")
    assert WHICH_EXIST not in figure_keys(second, added_or_removed=True)
    other_year = make_figure(province, 2030, Figure.Measure.PLAN, "800")
    assert WHICH_EXIST in figure_keys(other_year, added_or_removed=True)


def test_deleting_the_last_figure_of_an_area_and_year_changes_which_exist(
    make_figure, province
):
    plan = make_figure(province, 2031, Figure.Measure.PLAN, "1000")
    executed = make_figure(province, 2031, Figure.Measure.EXECUTED, "900")
    # read before the deletion, as the pre_delete receiver does
    assert WHICH_EXIST not in figure_keys(executed, added_or_removed=True)
    executed.delete()
    assert WHICH_EXIST in figure_keys(plan, added_or_removed=True)


def test_a_figure_saved_again_never_changes_which_exist(make_figure, province):
    only = make_figure(province, 2031, Figure.Measure.PLAN, "1000")
    assert WHICH_EXIST not in figure_keys(only, added_or_removed=False)


def test_whether_it_is_alone_costs_one_query(make_figure, province):
    figure = make_figure(province, 2031, Figure.Measure.PLAN, "1000")
    with CaptureQueriesContext(connection) as alone_asked:
        figure_keys(figure, added_or_removed=True)
    with CaptureQueriesContext(connection) as not_asked:
        figure_keys(figure, added_or_removed=False)
    assert len(alone_asked) == len(not_asked) + 1


def test_a_figure_moved_in_the_admin_touches_the_place_it_left(make_figure, province):
    figure = make_figure(province, 2031, Figure.Measure.PLAN, "1000")
    make_figure(province, 2031, Figure.Measure.EXECUTED, "900")
    figure.year, figure.period_end = 2029, figure.period_end.replace(year=2029)
    figure.save()
    keys = figure_keys(figure, added_or_removed=False)
    # its new year, and the one it left (each with the year after)
    assert {f"figures:year={y}" for y in (2029, 2030, 2031, 2032)} <= keys
    # 2029 had no figure of the province before: the pickers change
    assert WHICH_EXIST in keys


def test_a_figure_moved_out_of_its_place_alone_empties_it(make_figure, province):
    figure = make_figure(province, 2031, Figure.Measure.PLAN, "1000")
    make_figure(province, 2029, Figure.Measure.EXECUTED, "800")
    figure.year, figure.period_end = 2029, figure.period_end.replace(year=2029)
    figure.save()
    assert WHICH_EXIST in figure_keys(figure, added_or_removed=False)
    figure.value += 1  # saved again where it is: only its value changed
    figure.save()
    keys = figure_keys(figure, added_or_removed=False)
    assert WHICH_EXIST not in keys and "figures:year=2031" not in keys
