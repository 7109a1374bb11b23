"""Undo, set-based: everything an import changed goes back exactly as it
was, what it created goes, and an undo that would lose a later change is
refused with the reason; its cost does not grow with one query per figure."""

from decimal import Decimal as D

import pytest

from funding.imports import apply_import, undo_import, undo_summary
from funding.models import Figure, ImportChange, SourceDocument

from .test_imports import WIDE, plan, xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user("solieu_undo", password="x" * 14)


def state():
    """Every stored figure, every field that matters, by key."""
    return {
        f.key(): (f.value, f.rounding, f.source_id, f.note, f.last_import_id)
        for f in Figure.objects.all()
    }


def rows(plan_value, done_value, *, provinces=("Ninh Thuận", "Đắk Nông")):
    return xlsx(
        [WIDE] + [[p, 2022, "", "", "", plan_value, done_value] for p in provinces]
    )


def test_undo_puts_back_exactly_what_was_there(user):
    first = apply_import(plan=plan(rows("10", "")), user=user)
    # An edit with history, as the admin makes it: a note and a rounding.
    figure = Figure.objects.get(area__short_name="Ninh Thuận")
    figure.note, figure.rounding = "Theo báo cáo quý IV", D(1_000_000)
    figure.save()
    other = SourceDocument.objects.create(title="Báo cáo sửa đổi")
    before = state()
    history = Figure.history.count()
    second_plan = plan(rows("12,5", "9", provinces=("Ninh Thuận", "Đắk Nông", "Huế")))
    for planned in second_plan.figures:
        planned.source_id = other.pk
    second = apply_import(plan=second_plan, user=user)
    assert (second.created_count, second.changed_count) == (4, 2)
    summary = undo_summary(second)
    assert (summary.deleted, summary.restored, summary.refusal) == (4, 2, "")
    assert undo_import(record=second, user=user) == 6
    assert state() == before
    restored = Figure.objects.get(area__short_name="Ninh Thuận")
    assert restored.last_import == first and restored.note == "Theo báo cáo quý IV"
    # One history row per figure the import wrote and per figure undone.
    assert Figure.history.count() == history + 6 + 6
    kinds = list(
        Figure.history.filter(history_change_reason__startswith="Hoàn tác")
        .values_list("history_type", flat=True)
        .order_by("history_type")
    )
    assert kinds == ["-", "-", "-", "-", "~", "~"]
    assert ImportChange.objects.filter(record=second, figure__isnull=True).count() == 4


def test_an_undo_that_would_lose_a_later_edit_is_refused_with_the_reason(user):
    record = apply_import(plan=plan(rows("10", "")), user=user)
    figure = Figure.objects.get(area__short_name="Đắk Nông")
    figure.note = "sửa sau khi nhập"  # same value: only the history tells
    figure.save()
    summary = undo_summary(record)
    assert "1 số liệu đã được sửa sau lần nhập này" in summary.refusal
    assert "Đắk Nông" in summary.examples[0]
    before = state()
    with pytest.raises(ValueError, match="hoàn tác sẽ làm mất các thay đổi đó"):
        undo_import(record=record, user=user)
    assert state() == before
    record.refresh_from_db()
    assert record.undone_at is None


def test_an_undo_overtaken_by_a_later_import_is_refused(user):
    first = apply_import(plan=plan(rows("10", "")), user=user)
    apply_import(plan=plan(rows("11", "")), user=user)
    with pytest.raises(ValueError, match="2 số liệu đã được sửa"):
        undo_import(record=first, user=user)
    assert {v[0] for v in state().values()} == {D(11 * 10**9)}


def test_undo_takes_the_same_queries_for_ten_figures_and_for_two_hundred(
    user, django_assert_max_num_queries
):
    from funding.models import Area

    names = list(
        Area.objects.filter(kind="province", valid_to__isnull=True).values_list(
            "short_name", flat=True
        )[:30]
    )
    counts = []
    for provinces in (names[:5], names):
        data = xlsx(
            [WIDE]
            + [
                [p, y, "", "", "", "3", "2"]
                for p in provinces
                for y in range(2015, 2019)
            ]
        )
        record = apply_import(plan=plan(data), user=user)
        with django_assert_max_num_queries(40) as captured:
            undo_import(record=record, user=user)
        counts.append(len(captured))
    assert counts[0] == counts[1]
    assert not Figure.objects.exists()
