"""Two imports that change the same figures: the confirmation writes only
what its preview compared with, under a lock, so no update is lost, the
import log holds the true old values and undo restores them."""

import threading
import time
from decimal import Decimal as D

import pytest
from django.db import connection, connections, transaction
from django.test import Client

from funding.imports import (
    IMPORT_LOCK_KEY,
    StalePlanError,
    apply_import,
    lock_import_writes,
    plan_file,
    undo_import,
)
from funding.models import Figure, ImportChange, ImportRecord, SourceDocument

from .test_import_admin import HEADER, PROCESS, preview, upload

TỶ = 10**9


def rows(plan_value, executed=""):
    return [HEADER, ["Ninh Thuận", 2022, "KCĐP", plan_value, executed]]


@pytest.fixture
def source(db):
    return SourceDocument.objects.create(title="Báo cáo Sở Công Thương")


def confirm_data(previewed):
    form = previewed.context["confirm_form"]
    return {
        name: "" if form.initial.get(name) is None else form.initial[name]
        for name in form.fields
    }


def stored_plan_value():
    return Figure.objects.get(measure="plan").value


@pytest.mark.django_db
def test_a_confirmation_overtaken_by_another_is_refused(data_client, source):
    """Preview A, preview B, confirm A, confirm B: B is refused with a clear
    message and sent back to preview; A's log and undo stay right."""
    previewed_first = preview(data_client, upload(rows("10")), source)
    assert previewed_first.context["confirm_form"] is not None
    data_client.post(PROCESS, confirm_data(previewed_first))
    original = ImportRecord.objects.get()

    a = preview(data_client, upload(rows("11")), source)
    b = preview(data_client, upload(rows("12")), source)
    assert "1 thay đổi" in a.content.decode() and "1 thay đổi" in b.content.decode()
    data_client.post(PROCESS, confirm_data(a))
    refused = data_client.post(PROCESS, confirm_data(b), follow=True)

    html = refused.content.decode()
    assert "1 số liệu đã thay đổi từ lúc xem trước (ví dụ: dòng 2, " in html
    assert "lúc xem trước 10.000.000.000, nay 11.000.000.000" in html
    assert "Hãy xem trước lại." in html
    assert refused.redirect_chain[-1][0].endswith("/import/")
    assert stored_plan_value() == 11 * TỶ
    record_a = ImportRecord.objects.exclude(pk=original.pk).get()  # none for B
    assert [(c.old_value, c.new_value) for c in record_a.changes.all()] == [
        (10 * TỶ, 11 * TỶ)
    ]
    undo_import(record=record_a, user=record_a.user)
    assert stored_plan_value() == 10 * TỶ


@pytest.mark.django_db
def test_figures_created_since_the_preview_are_not_created_again(user, source):
    first = plan(rows("10"), source)
    second = plan(rows("12"), source)
    apply_import(plan=first, user=user)
    with pytest.raises(StalePlanError) as refused:
        apply_import(plan=second, user=user)
    assert str(refused.value).startswith(
        "1 số liệu đã thay đổi từ lúc xem trước (ví dụ: dòng 2, Kinh phí khuyến công"
    )
    assert "lúc xem trước chưa có, nay 10.000.000.000" in str(refused.value)
    assert ImportRecord.objects.count() == 1
    assert stored_plan_value() == 10 * TỶ


@pytest.mark.django_db
def test_an_edit_or_an_undo_since_the_preview_refuses_the_confirmation(user, source):
    earlier = apply_import(plan=plan(rows("10"), source), user=user)
    overtaken = plan(rows("11"), source)
    undo_import(record=earlier, user=user)  # the figure is gone again
    with pytest.raises(
        StalePlanError, match="lúc xem trước 10.000.000.000, nay chưa có"
    ):
        apply_import(plan=overtaken, user=user)
    apply_import(plan=plan(rows("10"), source), user=user)
    edited = plan(rows("11"), source)
    figure = Figure.objects.get()
    figure.rounding = D("0.1") * TỶ  # same value, other rounding: still a change
    figure.save()
    with pytest.raises(StalePlanError):
        apply_import(plan=edited, user=user)
    assert stored_plan_value() == 10 * TỶ


@pytest.mark.django_db
def test_undo_is_refused_when_a_later_import_changed_the_figures(user, source):
    first = apply_import(plan=plan(rows("10"), source), user=user)
    apply_import(plan=plan(rows("11"), source), user=user)
    with pytest.raises(ValueError, match="1 số liệu đã được sửa sau lần nhập này"):
        undo_import(record=first, user=user)
    assert stored_plan_value() == 11 * TỶ


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user("solieu_b", password="x" * 14)


def plan(table, source):
    from .test_import_admin import upload as xlsx_upload

    return plan_file(xlsx_upload(table).read(), file_name="so-lieu.xlsx", source=source)


# PostgreSQL: two confirmations at the same moment, on two connections.


def waiting_for_import_lock() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
            "AND NOT granted AND objid = %s",
            [IMPORT_LOCK_KEY],
        )
        return cursor.fetchone()[0]


def confirm_together(posts: list[tuple[Client, dict]]) -> list:
    """Send the confirmations from threads (one connection each) while this
    connection holds the import lock; let go once every one waits on it, so
    all of them have read their plan before any writes. Without the lock
    (today's main) they run freely."""
    responses = [None] * len(posts)
    errors = []

    def send(index, client, data):
        try:
            responses[index] = client.post(PROCESS, data, follow=True)
        except Exception as exc:  # an error page, as a test client raises it
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=send, args=(i, c, d)) for i, (c, d) in enumerate(posts)
    ]
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK_KEY])
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 20
        while waiting_for_import_lock() < len(posts) and time.monotonic() < deadline:
            time.sleep(0.05)  # waiting on other connections, not on time
        together = waiting_for_import_lock() == len(posts)
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    assert together, "the confirmations did not meet at the lock"
    return responses


@pytest.mark.django_db(transaction=True)
def test_two_confirmations_at_once_one_wins(
    postgres_only, reference_data, make_user, source
):
    clients = []
    for name in ("solieu_x", "solieu_y"):
        client = Client()
        client.force_login(make_user(name, "Cán bộ số liệu"))
        clients.append(client)
    base = preview(clients[0], upload(rows("10")), source)
    clients[0].post(PROCESS, confirm_data(base))
    a = preview(clients[0], upload(rows("11")), source)
    b = preview(clients[1], upload(rows("12")), source)

    responses = confirm_together(
        [(clients[0], confirm_data(a)), (clients[1], confirm_data(b))]
    )

    pages = [r.content.decode() for r in responses]
    won = [p for p in pages if "Đã nhập 0 số liệu mới, 1 thay đổi" in p]
    lost = [p for p in pages if "1 số liệu đã thay đổi từ lúc xem trước" in p]
    assert len(won) == 1 and len(lost) == 1
    assert ImportRecord.objects.count() == 2
    latest = ImportRecord.objects.latest("created_at")
    [change] = ImportChange.objects.filter(record=latest)
    assert change.old_value == 10 * TỶ  # the value before the winner wrote
    assert stored_plan_value() == change.new_value
    undo_import(record=latest, user=latest.user)
    assert stored_plan_value() == 10 * TỶ


@pytest.mark.django_db(transaction=True)
def test_the_same_file_confirmed_twice_at_once(
    postgres_only, reference_data, data_client, source
):
    """A double click: both confirmations of one preview arrive together.
    One writes; the other is a message, not a unique violation from COPY."""
    previewed = preview(data_client, upload(rows("10", "8")), source)
    data = confirm_data(previewed)

    responses = confirm_together([(data_client, data), (data_client, data)])

    pages = [r.content.decode() for r in responses]
    assert all(r.status_code == 200 for r in responses)
    assert sum("Đã nhập 2 số liệu mới" in p for p in pages) == 1
    assert sum("2 số liệu đã thay đổi từ lúc xem trước" in p for p in pages) == 1
    assert ImportRecord.objects.count() == 1 and Figure.objects.count() == 2


@pytest.mark.django_db
def test_copy_errors_are_djangos_integrity_error(postgres_only, user, source):
    """New figures go in by COPY through the raw psycopg cursor; a figure
    stored meanwhile is Django's IntegrityError, which the import turns
    into a message (not psycopg's UniqueViolation, an error page)."""
    from django.db import IntegrityError

    from funding.imports.writes import _insert_new

    planned = plan(rows("10"), source)
    apply_import(plan=plan(rows("10"), source), user=user)
    record = ImportRecord.objects.create(file_name="x", sha256="0" * 64, user=user)
    with pytest.raises(IntegrityError), transaction.atomic():
        _insert_new(planned.figures, record)


@pytest.mark.django_db
def test_on_sqlite_the_import_lock_makes_the_transaction_the_only_writer():
    """SQLite starts a transaction as a reader, and a reader may be
    overtaken by another writer between its reads and its writes; the
    import lock makes the transaction the single writer before it reads."""
    import sqlite3

    if connection.vendor != "sqlite":
        pytest.skip("SQLite's own locking; PostgreSQL is tested above")
    other = sqlite3.connect(
        connection.get_connection_params()["database"],
        uri=True,
        timeout=0.1,
        isolation_level=None,
    )
    other.execute("BEGIN IMMEDIATE")  # no writer yet: another may write
    other.execute("ROLLBACK")
    with transaction.atomic():
        lock_import_writes()
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    other.close()
